#!/usr/bin/env python3
"""One zis-mock run for bench/scale.sh: start it on a seed from bench/gen-big-seed.py, measure,
stop it, print one JSON line. Standard library only; talks to 127.0.0.1 only.

Measures
- load: exec → the {"event":"listening"} line, and exec → the first 200 of the list endpoint;
- RSS (VmRSS) once the first 200 came, and peak RSS (VmHWM) of the load;
- pages of page[size]=100 at the start, middle and end of the name space:
  wrk for a few seconds on one URL (so the rendered-page cache answers), and the median of
  single requests on one keep-alive connection whose cursor changes every time (so every
  request renders: cursors are positions, `c0500000-0007` sorts right after `c0500000`);
- writes: create then delete api_key connections named into the middle of the name space,
  one request at a time on one keep-alive connection; median per request.
"""
import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import time

LIST = "/api/services/zis/integrations/%s/connections/all"
TYPED = "/api/services/zis/integrations/%s/connections/api_key"


class KeepAlive:
    """A minimal HTTP/1.1 client on one socket: what it measures is the server, not a library."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def request(self, method, path, token, body=b""):
        head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n" % (method, path, token)
        if body:
            head += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
        self.sock.sendall(head.encode() + b"\r\n" + body)
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self._recv()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status = int(head.split(b" ", 2)[1])
        match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
        length = int(match.group(1)) if match else 0
        while len(self.buffer) < length:
            self.buffer += self._recv()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, body

    def _recv(self):
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise ConnectionError("server closed the connection")
        return chunk

    def close(self):
        self.sock.close()


def memory_of(pid):
    """VmRSS and VmHWM of a process, in bytes."""
    fields = {}
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) * 1024
    return fields


def cpu_ms(pid):
    """utime + stime of a process so far: the load's cost, less sensitive to a busy machine than wall time."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK"))


def start(binary, seed, integration, token):
    """Starts the server; returns (process, port, ms to listening line, ms to first 200)."""
    started = time.monotonic()
    process = subprocess.Popen(
        [binary, "--port", "0", "--seed", seed, "--log-level", "notice"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = process.stdout.readline()
    listening = time.monotonic()
    if not line:
        raise RuntimeError("server exited before listening (exit %s)" % process.wait())
    port = int(re.search(rb":(\d+)\"", line).group(1))
    request = ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nConnection: close\r\n\r\n"
               % (LIST % integration, token)).encode()
    for _ in range(2000):
        try:
            with socket.create_connection(("127.0.0.1", port)) as sock:
                sock.sendall(request)
                if sock.recv(16).startswith(b"HTTP/1.1 200"):
                    break
        except OSError:
            time.sleep(0.001)
    first200 = time.monotonic()
    return process, port, (listening - started) * 1000, (first200 - started) * 1000


def wrk(port, path, token, seconds):
    """wrk -t2 -c16 on one URL: req/s, p50 and p99 in µs."""
    output = subprocess.run(
        ["wrk", "-t2", "-c16", "-d%ds" % seconds, "--latency", "-H", "Authorization: Bearer " + token,
         "http://127.0.0.1:%d%s" % (port, path)], capture_output=True, text=True, check=True).stdout
    def micros(label):
        value, unit = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)\b" % label, output).groups()
        return float(value) * {"us": 1, "ms": 1000, "s": 1e6}[unit]
    if "Non-2xx" in output:
        raise RuntimeError("wrk saw non-2xx responses:\n" + output)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50_us": micros("50"), "p99_us": micros("99")}


def median_micros(samples):
    return round(statistics.median(samples) * 1e6, 1)


def uncached_pages(client, integration, token, cursor, count):
    """Median µs of `count` page requests whose cursors all differ but sit at the same place."""
    samples = []
    for attempt in range(count):
        # At the start, `b-00007` sorts before every `c…` name, so the page begins at the first one.
        path = LIST % integration + "?page%%5Bsize%%5D=100&page%%5Bafter%%5D=%s-%05d" % (cursor or "b", attempt)
        began = time.perf_counter()
        status, body = client.request("GET", path, token)
        samples.append(time.perf_counter() - began)
        if status != 200 or not body.startswith(b"{"):
            raise RuntimeError("page request failed: %d %r" % (status, body[:200]))
    return median_micros(samples)


def writes(client, integration, token, middle, count):
    """Median µs of a create and of a delete, `count` each, named into the middle of the name space."""
    created, deleted = [], []
    names = ["%s-w%05d" % (middle, n) for n in range(count)]
    for name in names:
        body = json.dumps({"name": name, "allowed_domain": "api.example.com", "header_name": "x-api-key",
                           "api_key": "secret"}).encode()
        began = time.perf_counter()
        status, _ = client.request("POST", TYPED % integration, token, body)
        created.append(time.perf_counter() - began)
        if status != 201:
            raise RuntimeError("create failed: %d" % status)
    for name in names:
        began = time.perf_counter()
        status, _ = client.request("DELETE", TYPED % integration + "/" + name, token)
        deleted.append(time.perf_counter() - began)
        if status != 204:
            raise RuntimeError("delete failed: %d" % status)
    return median_micros(created), median_micros(deleted)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--count", type=int, required=True, help="connections in the measured integration")
    parser.add_argument("--integration", default="bench_1")
    parser.add_argument("--token", default="bench-token-1")
    parser.add_argument("--wrk-seconds", type=int, default=3, help="0: no wrk")
    parser.add_argument("--single", type=int, default=300, help="uncached page requests per position")
    parser.add_argument("--writes", type=int, default=1000, help="creates and deletes (0: none)")
    args = parser.parse_args()

    process, port, listening_ms, first200_ms = start(args.bin, args.seed, args.integration, args.token)
    try:
        memory = memory_of(process.pid)
        result = {"listening_ms": round(listening_ms, 1), "first200_ms": round(first200_ms, 1),
                  "load_cpu_ms": cpu_ms(process.pid), "rss": memory["VmRSS"], "hwm": memory["VmHWM"]}
        if args.count > 0:
            width = max(7, len(str(args.count - 1)))
            name = lambda index: "c%0*d" % (width, index)
            positions = {"start": None, "middle": name(args.count // 2), "end": name(max(args.count - 101, 0))}
            client = KeepAlive(port)
            for label, cursor in positions.items():
                if args.wrk_seconds:
                    path = LIST % args.integration + "?page%5Bsize%5D=100"
                    if cursor is not None:
                        path += "&page%5Bafter%5D=" + cursor
                    result["wrk_" + label] = wrk(port, path, args.token, args.wrk_seconds)
                if args.single:
                    result["single_" + label + "_us"] = uncached_pages(
                        client, args.integration, args.token, cursor, args.single)
            if args.writes:
                result["create_us"], result["delete_us"] = writes(
                    client, args.integration, args.token, name(args.count // 2), args.writes)
            client.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
