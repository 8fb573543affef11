#!/usr/bin/env python3
"""User-space instructions per request, counted by callgrind: repeatable whatever else the
machine does, so it is the regression guard for the request path (issue 20).

    python3 bench/instructions.py BINARY [BINARY ...]

For each binary and case, the server runs under `valgrind --tool=callgrind` twice: once
answering 10 keep-alive requests from one client, once 1,010. The difference divided by 1,000
is the cost of one request, start-up and shutdown cancelled out. Prints one line per case and
binary, with the body size the case answers.
"""
import json, os, re, socket, subprocess, sys, tempfile

CASES = {
    "page (100 items, cached)": ("/api/services/zis/integrations/acme_crm_sync/connections/all", "zis-mock-read-write-token"),
    "401 (no token)": ("/api/services/zis/integrations/acme_crm_sync/connections/all", None),
    "health": ("/__admin/health", None),
}
FEW, MANY = 10, 1010


def exchange(sock, request):
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))
    while len(body) < length:
        body += sock.recv(65536)
    return len(body)


def count(binary, path, token, requests):
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "callgrind.out")
        server = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, binary, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            url = json.loads(server.stdout.readline())["url"]
            host, port = url.rsplit("/", 1)[-1].rsplit(":", 1)
            auth = f"Authorization: Bearer {token}\r\n" if token else ""
            request = f"GET {path} HTTP/1.1\r\nHost: bench.zendesk.com\r\n{auth}\r\n".encode()
            with socket.create_connection((host, int(port))) as sock:
                size = 0
                for _ in range(requests):
                    size = exchange(sock, request)
        finally:
            server.terminate()
            server.wait()
        with open(out) as profile:
            totals = [int(line.split()[1]) for line in profile if line.startswith(("summary:", "totals:"))]
        return totals[0], size


def main():
    for name, (path, token) in CASES.items():
        for binary in sys.argv[1:]:
            few, size = count(binary, path, token, FEW)
            many, _ = count(binary, path, token, MANY)
            print(f"{name:26} {(many - few) / (MANY - FEW):>10,.0f} instructions/request  body {size:>6} B  {binary}")


main()
