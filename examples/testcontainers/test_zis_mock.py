"""zis-mock under Testcontainers for Python: start the image, wait for its health endpoint, list
the seeded connections. scripts/container-test runs these tests against podman's Docker-compatible
API (DOCKER_HOST=unix://..., TESTCONTAINERS_RYUK_DISABLED=true) with ZIS_MOCK_IMAGE set."""
import json
import os
import urllib.request

from testcontainers.core.container import DockerContainer
from testcontainers.core.wait_strategies import HttpWaitStrategy

IMAGE = os.environ.get("ZIS_MOCK_IMAGE", "zis-mock")
TOKEN = "zis-mock-read-write-token"
CONNECTIONS = "/api/services/zis/integrations/acme_crm_sync/connections/all"


def list_connections(base_url):
    request = urllib.request.Request(base_url + CONNECTIONS, headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200
        return json.load(response)


def zis_mock(port=8080, *flags):
    container = DockerContainer(IMAGE).with_exposed_ports(port)
    if flags:
        container = container.with_command(list(flags))
    return container.waiting_for(HttpWaitStrategy(port, "/__admin/health").for_status_code(200))


def test_lists_the_seeded_connections():
    with zis_mock() as zis:
        body = list_connections(f"http://{zis.get_container_host_ip()}:{zis.get_exposed_port(8080)}")
        assert sorted(body) == ["api_key", "basic_auth", "bearer_token", "meta", "oauth"]
        assert any(body[kind] for kind in ("api_key", "basic_auth", "bearer_token", "oauth"))


def test_a_port_moved_by_a_flag_is_served_there():
    with zis_mock(9000, "--port", "9000") as zis:
        body = list_connections(f"http://{zis.get_container_host_ip()}:{zis.get_exposed_port(9000)}")
        assert "meta" in body
