#!/usr/bin/env python3
"""Start-up time of zis-mock: from exec to the first 200 of the list endpoint on the built-in seed,
polled in-process (no curl process per poll), over N runs. Prints min / median / max in ms.
    python3 bench/startup.py PATH/TO/zis-mock [RUNS]"""
import socket
import statistics
import subprocess
import sys
import time

binary = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
request = (b"GET /api/services/zis/integrations/acme_crm_sync/connections/all HTTP/1.1\r\nHost: x\r\n"
           b"Authorization: Bearer zis-mock-read-write-token\r\nConnection: close\r\n\r\n")
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
                if connection.recv(12) == b"HTTP/1.1 200":
                    times.append((time.perf_counter() - start) * 1000)
                    break
        except OSError:
            time.sleep(0.0005)
    server.terminate()
    server.wait()
print(f"start to first 200 over {len(times)} runs: min {min(times):.1f} ms, "
      f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
