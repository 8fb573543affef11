#!/usr/bin/env python3
"""User-space instructions per request, counted by callgrind: repeatable whatever else the
machine does, so it is the regression guard for the request path (issue 20).

    python3 bench/instructions.py BINARY [BINARY ...]
    python3 bench/instructions.py --top 25 BINARY        # also each case's costliest functions
    python3 bench/instructions.py --cases 401,health BINARY

BINARY is a release build (`.build/release/zis-mock`); the script runs a copy with its debug
information stripped (valgrind 3.19 cannot read the static binary's DWARF 5; the symbol table
stays, so `--top` names functions, and the code, hence the count, is the same as a fully
stripped binary's). Default flags (journal on, request logging off), the built-in seed.

For each binary and case, the server runs under `valgrind --tool=callgrind` twice: once
answering 10 keep-alive requests from one client, once 1,010, one at a time. The difference
divided by 1,000 is the cost of one request, start-up and shutdown cancelled out. Prints one
line per case and binary with the status and body size the case answers. Exits non-zero when a
case does not answer as expected (the figures themselves are never a failure).
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile

LIST = "/api/services/zis/integrations/acme_crm_sync/connections/all"
TOKEN = "zis-mock-read-write-token"
# name: (label, path or paths sent in turn, bearer token or None, the status it must answer).
# A client that repeats its target reuses the previous one's parse; the "varied" case sends two
# targets in turn, so no request repeats the one before it.
CASES = {
    "page100": ("page of 100, cached", LIST + "?page[size]=100", TOKEN, 200),
    "page1": ("page of 1, cached", LIST + "?page[size]=1", TOKEN, 200),
    "401": ("401, no token", LIST, None, 401),
    "health": ("/__admin/health", "/__admin/health", None, 200),
    "varied": ("page of 100, varied", [LIST + "?page[size]=100", LIST + "?page%5Bsize%5D=100"], TOKEN, 200),
}
FEW, MANY = 10, 1010


def exchange(sock, request):
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError("the server closed the connection")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))
    while len(body) < length:
        body += sock.recv(65536)
    return status, len(body)


def profile(binary, path, token, requests, out):
    server = subprocess.Popen(
        ["valgrind", "--tool=callgrind", "--dump-instr=no", "--callgrind-out-file=" + out, binary, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        url = json.loads(server.stdout.readline())["url"]
        host, port = url.rsplit("/", 1)[-1].rsplit(":", 1)
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        paths = [path] if isinstance(path, str) else path
        sent = [f"GET {each} HTTP/1.1\r\nHost: bench.zendesk.com\r\n{auth}\r\n".encode() for each in paths]
        with socket.create_connection((host, int(port))) as sock:
            for number in range(requests):
                answer = exchange(sock, sent[number % len(sent)])
    finally:
        server.terminate()
        server.wait()
    with open(out) as data:
        totals = [int(line.split()[1]) for line in data if line.startswith(("summary:", "totals:"))]
    return totals[0], answer


def functions(out):
    """Self cost by function, from callgrind_annotate."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", out], capture_output=True, text=True, check=True).stdout
    costs = {}
    for line in text.splitlines():
        match = re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*?:(.*) \[", line)
        if match:
            costs[match.group(2)] = costs.get(match.group(2), 0) + int(match.group(1).replace(",", ""))
    return costs


def demangle(names):
    if not shutil.which("swift"):
        return names
    text = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                          capture_output=True, text=True).stdout.splitlines()
    return text if len(text) == len(names) else names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated: " + ", ".join(CASES))
    parser.add_argument("--top", type=int, default=0, help="print this many costliest functions per request and case")
    options = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as work:
        binaries = []
        for index, binary in enumerate(options.binaries):
            copy = os.path.join(work, f"zis-mock-{index}")
            subprocess.run(["strip", "--strip-debug", "-o", copy, binary], check=True)
            binaries.append((binary, copy))
        for case in options.cases.split(","):
            label, path, token, expected = CASES[case]
            for shown, binary in binaries:
                few, _ = profile(binary, path, token, FEW, os.path.join(work, "few.out"))
                many, (status, size) = profile(binary, path, token, MANY, os.path.join(work, "many.out"))
                verdict = "" if status == expected else f"  EXPECTED {expected}"
                failed |= status != expected
                print(f"{label:22} {(many - few) / (MANY - FEW):>10,.0f} instructions/request  "
                      f"{status} body {size:>6} B  {shown}{verdict}", flush=True)
                if options.top:
                    before, after = functions(os.path.join(work, "few.out")), functions(os.path.join(work, "many.out"))
                    per = {name: (after.get(name, 0) - before.get(name, 0)) / (MANY - FEW) for name in after}
                    top = sorted(per.items(), key=lambda item: -item[1])[:options.top]
                    for (_, cost), name in zip(top, demangle([name for name, _ in top])):
                        print(f"    {cost:8,.0f}  {name[:150]}")
    sys.exit(1 if failed else 0)


main()
