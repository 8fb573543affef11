# Sourced by the scripts that test a live zis-mock (check-contracts, setup-journey,
# test-postman-runner): build it once, start it on a free port, stop it.
# Environment: ZIS_MOCK_BIN (a built zis-mock; default: swift build), SWIFT_BUILD_FLAGS (e.g.
# "-c release" or "--scratch-path DIR").

# Sets ZIS_MOCK_BIN, building zis-mock when it is not given; returns non-zero when the build fails.
build_zis_mock() {
    [[ -n ${ZIS_MOCK_BIN:-} ]] && return 0
    # shellcheck disable=SC2086 # SWIFT_BUILD_FLAGS is a list of flags
    swift build ${SWIFT_BUILD_FLAGS:-} --product zis-mock || return 1
    # shellcheck disable=SC2086
    ZIS_MOCK_BIN="$(swift build ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/zis-mock"
}

# start_zis_mock WORKDIR [zis-mock flags]: starts it on 127.0.0.1 and a free port, logging into
# WORKDIR; sets server_pid and base_url, or exits the calling script.
start_zis_mock() {
    local work=$1
    shift
    "$ZIS_MOCK_BIN" --host 127.0.0.1 --port 0 "$@" >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    base_url=
    for _ in $(seq 100); do
        base_url=$(sed -n 's/.*"event":"listening","url":"\([^"]*\)".*/\1/p' "$work/server.out" | head -n 1)
        [[ -n $base_url ]] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z $base_url ]]; then
        echo "zis-mock did not start:" >&2
        cat "$work/server.out" "$work/server.err" >&2
        exit 1
    fi
    echo "serving on $base_url"
}

# Stops the server start_zis_mock started, if it runs.
stop_zis_mock() {
    if [[ -n ${server_pid:-} ]]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=
    fi
}
