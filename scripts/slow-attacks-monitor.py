#!/usr/bin/env python3
"""Watches a zis-mock while scripts/slow-attacks runs one slowhttptest attack against it.

For --seconds, a normal client probes the server every 0.2 s on a fresh connection each time,
alternating `GET /__admin/health` and a ZIS list call with the seed's token, each with a 1 s
timeout; and twice a second the server's established TCP connections on its port are counted
from /proc/net/tcp (the server's side, which sees a reset that slowhttptest's slow-read report
does not). Then it checks, printing PASS or FAIL for each:

  * every probe was answered 200 within 1 s;
  * the attack held at least 90% of --connections open at some point (else it proved nothing);
  * they were cut by the timeout: the count first fell below half after --timeout seconds
    (minus 1 s: the sweep runs once a second) and no later than --timeout + the time slowhttptest
    took to open them (--connections / --rate) + 3 s;
  * at the end no more than 5 connections were left (the probes' own).

The last line is "N passed, M failed". Standard library only.

    slow-attacks-monitor.py --url URL --token T --seed FILE --connections C --rate R --timeout T --seconds S
"""
import argparse
import http.client
import json
import sys
import time
import urllib.parse

PROBE_TIMEOUT = 1.0
PROBE_INTERVAL = 0.2
COUNT_INTERVAL = 0.5


def established_connections(port):
    """Server-side ESTABLISHED sockets on the listening port (state 01 in /proc/net/tcp)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as rows:
                next(rows)
                for row in rows:
                    fields = row.split()
                    if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                        count += 1
        except FileNotFoundError:
            continue
    return count


def probe(host, port, path, headers):
    """Seconds until a 200 arrived, or an error text."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(host, port, timeout=PROBE_TIMEOUT)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            return f"{path}: status {response.status}"
        return time.monotonic() - started
    except OSError as error:
        return f"{path}: {error!r} after {time.monotonic() - started:.2f} s"
    finally:
        connection.close()


def integration_of(token, seed_file):
    """The seed's integration that `token` belongs to: the list call must name it."""
    with open(seed_file) as seed:
        for integration in json.load(seed)["integrations"]:
            if any(entry["token"] == token for entry in integration.get("tokens", [])):
                return integration["name"]
    sys.exit(f"{seed_file} has no integration with the token {token}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--rate", type=int, required=True)
    parser.add_argument("--timeout", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    options = parser.parse_args()

    target = urllib.parse.urlsplit(options.url)
    list_path = f"/api/services/zis/integrations/{integration_of(options.token, options.seed)}/connections/all"
    probes = [("/__admin/health", {}), (list_path, {"Authorization": f"Bearer {options.token}"})]

    started = time.monotonic()
    answered, failures, slowest = 0, [], 0.0
    counts = []  # (seconds since start, connections)
    next_count = 0.0
    attempt = 0
    while (elapsed := time.monotonic() - started) < options.seconds:
        if elapsed >= next_count:
            counts.append((elapsed, established_connections(target.port)))
            next_count += COUNT_INTERVAL
        path, headers = probes[attempt % 2]
        attempt += 1
        outcome = probe(target.hostname, target.port, path, headers)
        if isinstance(outcome, float) and outcome <= PROBE_TIMEOUT:
            answered += 1
            slowest = max(slowest, outcome)
        else:
            failures.append(outcome if isinstance(outcome, str) else f"{path}: answered after {outcome:.2f} s")
        time.sleep(max(0.0, PROBE_INTERVAL - (time.monotonic() - started - elapsed)))
    counts.append((time.monotonic() - started, established_connections(target.port)))

    passed = failed = 0

    def check(ok, text):
        nonlocal passed, failed
        print(("PASS " if ok else "FAIL ") + text)
        if ok:
            passed += 1
        else:
            failed += 1

    check(not failures and answered >= options.seconds / PROBE_INTERVAL / 2,
          f"service stayed available: {answered} probes answered 200, slowest {slowest * 1000:.0f} ms"
          + (f"; {len(failures)} not within {PROBE_TIMEOUT:.0f} s: {failures[:3]}" if failures else ""))
    peak = max(count for _, count in counts)
    check(peak >= 0.9 * options.connections, f"the attack held {peak} of {options.connections} connections at its peak")
    ramp = options.connections / options.rate
    held_until = next((at for at, count in counts if at > ramp and count < options.connections / 2), None)
    earliest, latest = options.timeout - 1, options.timeout + ramp + 3
    check(held_until is not None and earliest <= held_until <= latest,
          f"cut by the {options.timeout:g} s timeout: below half after "
          + (f"{held_until:.1f} s" if held_until is not None else "never") + f" (expected {earliest:g}-{latest:g} s)")
    check(counts[-1][1] <= 5, f"{counts[-1][1]} connections left at the end")
    print("connections every second: " + " ".join(str(count) for at, count in counts[::2]))
    print(f"{passed} passed, {failed} failed")


if __name__ == "__main__":
    main()
