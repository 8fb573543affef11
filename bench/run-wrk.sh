#!/usr/bin/env bash
# Side-by-side benchmark: zis-mock against nginx (and, when built, the shared peers) serving the
# 100-connection page of ../shared/bench/seed-for-mock.json, through the shared harness.
#   bash bench/run-wrk.sh                 # nginx vs zis-mock, 2 interleaved rounds
#   PEERS=1 bash bench/run-wrk.sh         # also Hummingbird, FlyingFox, Flask (bench.sh --defaults)
# Settings of bench.sh (ROUNDS, DURATION, CONNS, BENCH_PATH, ...) pass through the environment.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(dirname "$here")
shared_bench=${SHARED_BENCH:-$project/../shared/bench}
work=${BENCH_WORK:-/tmp/zis-mock-bench}

command -v wrk >/dev/null && command -v nginx >/dev/null || {
    echo "needs wrk and nginx: apt-get install -y wrk nginx-light" >&2
    exit 2
}
# shared/ may be read-only: run the harness from a writable copy.
if [[ ! -d $work ]]; then
    cp -r "$shared_bench" "$work"
    chmod -R u+w "$work"
fi
python3 "$work/gen_seed.py" >/dev/null
swift build -c release --package-path "$project" --product zis-mock >/dev/null
binary=$(swift build -c release --package-path "$project" --show-bin-path)/zis-mock

targets=("zis-mock=$binary --port \$PORT --seed $work/seed-for-mock.json")
if [[ ${PEERS:-0} == 1 ]]; then
    FAST=1 bash "$work/build.sh" >/dev/null
    exec bash "$work/bench.sh" --defaults "${targets[@]}"
fi
exec bash "$work/bench.sh" "nginx=$work/nginx/run.sh" "${targets[@]}"
