#!/usr/bin/env bash
# Scale benchmark (issue 10): load time, memory per connection, page latency and write latency at
# 10, 10k and 1M connections in one integration, and 1M spread over 1,000 integrations.
#
#   bash bench/scale.sh                  # everything, REPEAT=3 runs per size, medians
#   REPEAT=1 WRK_SECONDS=2 bash bench/scale.sh
#   ZIS_MOCK=path/to/zis-mock SEEDS=/tmp/zis-mock-scale SIZES="10 10k" bash bench/scale.sh
#
# Seeds come from bench/gen-big-seed.py and are kept in $SEEDS (about 330 MB for both millions).
# Each run: bench/scale-probe.py starts the server, measures, stops it (by PID), prints JSON.
# Targets: load < 3 s for the million, < 600 B per connection, page and write latency flat.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/.." && pwd)
SEEDS=${SEEDS:-/tmp/zis-mock-scale}
REPEAT=${REPEAT:-3}
WRK_SECONDS=${WRK_SECONDS:-3}
SIZES=${SIZES:-"10 10k 1m 1m-1k"}
mkdir -p "$SEEDS"

if [[ -z ${ZIS_MOCK:-} ]]; then
    swift build -c release --package-path "$project" --product zis-mock >/dev/null
    ZIS_MOCK=$(swift build -c release --package-path "$project" --show-bin-path)/zis-mock
fi

# name: connections integrations
declare -A spec=([empty]="0 1" [10]="10 1" [10k]="10000 1" [1m]="1000000 1" [1m-1k]="1000000 1000")
for size in empty $SIZES; do
    read -r connections integrations <<<"${spec[$size]}"
    seed=$SEEDS/seed-$size.json
    [[ -s $seed ]] || python3 "$here/gen-big-seed.py" --connections "$connections" \
        --integrations "$integrations" --out "$seed"
done

results=$SEEDS/results.jsonl
: >"$results"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs" >&2
for size in empty $SIZES; do
    read -r connections integrations <<<"${spec[$size]}"
    per_integration=$(( (connections + integrations - 1) / integrations ))
    for run in $(seq "$REPEAT"); do
        json=$(python3 "$here/scale-probe.py" --bin "$ZIS_MOCK" --seed "$SEEDS/seed-$size.json" \
            --count "$per_integration" --wrk-seconds "$WRK_SECONDS")
        echo "{\"size\":\"$size\",\"connections\":$connections,\"run\":$run,\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"result\":$json}" >>"$results"
        echo "  $size run $run: $json" >&2
    done
done
python3 "$here/scale-table.py" "$results"
