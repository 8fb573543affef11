#!/usr/bin/env python3
"""The cost per write of --state-file (issue 17): p50 and p99 latency of a connection create,
without a state file and with one, from one client and from several at once (where group
commit lets one fdatasync cover many requests).

    python3 bench/state-file-cost.py                      # 2000 creates per case
    CREATES=5000 CLIENTS=8 STATE_DIR=/var/tmp python3 bench/state-file-cost.py

The state file goes in STATE_DIR (default: the system's temporary folder). What fsync costs is
the disk's, so say which one: the script prints the folder's file system (tmpfs makes fsync
free, so measure on the disk users would use). ZIS_MOCK_BIN picks the binary (default: the
release build, built if missing). Each case starts a fresh server on the built-in seed.
"""

import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TOKEN = "zis-mock-read-write-token"
PATH = "/api/services/zis/integrations/acme_crm_sync/connections/api_key"


def binary():
    if os.environ.get("ZIS_MOCK_BIN"):
        return os.environ["ZIS_MOCK_BIN"]
    subprocess.run(["swift", "build", "-c", "release", "--product", "zis-mock"], cwd=ROOT, check=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return os.path.join(path.stdout.strip(), "zis-mock")


def file_system(folder):
    best = ("?", "")
    with open("/proc/mounts") as mounts:
        for line in mounts:
            _, point, kind = line.split()[:3]
            if os.path.realpath(folder).startswith(point) and len(point) >= len(best[1]):
                best = (kind, point)
    return best[0]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_case(executable, state_file, creates, clients):
    arguments = [executable, "--port", "0"]
    if state_file:
        arguments += ["--state-file", state_file]
    server = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = json.loads(server.stdout.readline())["url"]
    host, port = url.split("//")[1].rsplit(":", 1)
    latencies = []
    lock = threading.Lock()

    def client(index):
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        mine = []
        for number in range(index, creates, clients):
            body = json.dumps({"name": f"cost_{number}", "allowed_domain": "api.example.com", "header_name": "X-Key", "api_key": f"k{number}"})
            started = time.perf_counter()
            connection.request("POST", PATH, body=body, headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 201:
                raise RuntimeError(f"create {number}: {response.status}")
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    server.terminate()
    server.wait()
    return percentile(latencies, 0.5) * 1e6, percentile(latencies, 0.99) * 1e6, len(latencies) / elapsed


def main():
    creates = int(os.environ.get("CREATES", "2000"))
    many = int(os.environ.get("CLIENTS", "8"))
    executable = binary()
    folder = tempfile.mkdtemp(prefix="zis-mock-cost-", dir=os.environ.get("STATE_DIR"))
    print(f"{creates} creates per case; state file in {folder} ({file_system(folder)})")
    print(f"{'case':<34} {'p50 µs':>9} {'p99 µs':>9} {'creates/s':>10}")
    try:
        for clients in (1, many):
            for label, state_file in (("in memory", None), ("--state-file", os.path.join(folder, f"state-{clients}.json"))):
                p50, p99, rate = run_case(executable, state_file, creates, clients)
                print(f"{label + f', {clients} client' + ('s' if clients > 1 else ''):<34} {p50:>9.0f} {p99:>9.0f} {rate:>10.0f}")
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
