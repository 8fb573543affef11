#!/usr/bin/env python3
"""Start-up time of zis-mock: from the spawn of the process to the last byte of the first 200 of the
list endpoint on the built-in seed, polled in-process (no curl process per poll), over N runs.
A poll counts only when the whole body named by Content-Length has arrived. The clock starts before
the spawn, so the figure includes fork and exec (about 1 ms here for /bin/true). Prints min / median
/ max in ms and the machine's load average, since other work on the machine moves the figures.
    python3 bench/startup.py PATH/TO/zis-mock [RUNS]"""
import os
import socket
import statistics
import subprocess
import sys
import time

binary = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
request = (b"GET /api/services/zis/integrations/acme_crm_sync/connections/all HTTP/1.1\r\nHost: x\r\n"
           b"Authorization: Bearer zis-mock-read-write-token\r\nConnection: close\r\n\r\n")


def complete_200(connection):
    """Reads the response to the end (the server closes after it) and says whether it is a 200
    with its whole body."""
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    head, separator, body = received.partition(b"\r\n\r\n")
    if not separator or not head.startswith(b"HTTP/1.1 200 "):
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) == int(value)
    return False


port = 18500
times = []
for _ in range(runs):
    port += 1
    start = time.perf_counter()
    server = subprocess.Popen([binary, "--port", str(port)], stdout=subprocess.DEVNULL)
    deadline = start + 5
    while time.perf_counter() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(request)
                if complete_200(connection):
                    times.append((time.perf_counter() - start) * 1000)
                    break
        except OSError:
            time.sleep(0.0005)
    server.terminate()
    server.wait()
load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
print(f"start to first 200 over {len(times)} runs: min {min(times):.1f} ms, "
      f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (load average {load})")
