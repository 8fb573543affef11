"""A zis-mock process for the scripts that drive it from outside (scripts/test-consent-page,
scripts/test-dashboard, scripts/dashboard-screenshots):

    with MockServer("--admin-token", "t") as mock:
        status, body = call(mock.url, "GET", "/__admin/health")

The binary is ZIS_MOCK_BIN, or the one `swift build` makes. It listens on a free port; `url` is
read from the listening line it prints.
"""
import functools
import json
import os
import subprocess
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@functools.cache
def binary():
    """ZIS_MOCK_BIN, or the debug build of zis-mock (built first)."""
    if os.environ.get("ZIS_MOCK_BIN"):
        return os.environ["ZIS_MOCK_BIN"]
    subprocess.run(["swift", "build", "--product", "zis-mock"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return path.stdout.strip() + "/zis-mock"


class MockServer:
    def __init__(self, *arguments):
        self.process = subprocess.Popen([binary(), "--port", "0", *arguments], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            raise RuntimeError(f"zis-mock {' '.join(arguments)} exited with {self.process.returncode} before listening")
        self.url = json.loads(line)["url"]

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.process.terminate()
        self.process.wait()


def call(base, method, path, body=None, headers=None):
    """One request; (status, body bytes), errors included."""
    request = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
