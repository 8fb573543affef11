#!/usr/bin/env bash
# Side-by-side benchmark: zis-mock against nginx (and, when built, the shared peers) serving the
# 100-connection page of ../shared/bench/seed-for-mock.json, through the shared harness. Every peer
# serves the bytes zis-mock renders for the request (bench/common.sh); the table's "body bytes"
# column and its "check same" say so for each target.
#   bash bench/run-wrk.sh                 # nginx vs zis-mock, 2 interleaved rounds
#   PEERS=1 bash bench/run-wrk.sh         # also Hummingbird, FlyingFox, Flask (bench.sh --defaults)
# Settings of bench.sh (ROUNDS, DURATION, CONNS, BENCH_PATH, ...) pass through the environment.
set -euo pipefail
command -v wrk >/dev/null && command -v nginx >/dev/null || {
    echo "needs wrk and nginx: apt-get install -y wrk nginx-light" >&2
    exit 2
}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
work=$bench_work
binary=$zis_mock

targets=("zis-mock=$binary --port \$PORT --seed $work/seed-for-mock.json")
if [[ ${PEERS:-0} == 1 ]]; then
    FAST=1 bash "$work/build.sh" >/dev/null
    exec bash "$work/bench.sh" --defaults "${targets[@]}"
fi
exec bash "$work/bench.sh" "nginx=$work/nginx/run.sh" "${targets[@]}"
