#!/usr/bin/env bash
# The figures issue 10 asks for besides the 100-item page, each side by side with nginx serving the
# same bytes as a static file, through the shared harness (bench.sh):
#   page100   the 100-item page, wrk -c64 (what run-wrk.sh measures)
#   page1     a 1-item page: request and auth cost dominate, not the body copy
#   401       no Authorization header: the 401 error body, auth refused per request
#   c1000     the 100-item page over 1,000 concurrent connections
# Each case runs bench.sh in a scratch copy of the harness whose page100.json (what nginx and the
# peers serve) holds that case's body, and whose auth.lua sends that case's headers. Then one table
# compares the cases (medians over rounds).
#   bash bench/run-wrk-cases.sh                         # all four cases, nginx vs zis-mock
#   CASES="page1 401" bash bench/run-wrk-cases.sh       # some of them
#   PEERS=1 bash bench/run-wrk-cases.sh                 # also Hummingbird, FlyingFox, Flask
# Settings of bench.sh (ROUNDS, DURATION, QUIET_PCT, ...) pass through the environment.
set -euo pipefail
command -v wrk >/dev/null && command -v nginx >/dev/null || {
    echo "needs wrk and nginx: apt-get install -y wrk nginx-light" >&2
    exit 2
}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cases=${CASES:-page100 page1 401 c1000}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$bench_work/results/cases-$stamp
mkdir -p "$results"
list=$bench_list
[[ ${PEERS:-0} == 1 ]] && FAST=1 bash "$bench_work/build.sh" >/dev/null

# A copy of the harness for one case: its scripts, with this case's wrk headers and, for the
# peers to serve, zis-mock's body for this case's request (the path and curl arguments given).
harness_for() {
    local dir=$results/$1 lua=$2 peer
    shift 2
    mkdir -p "$dir"
    cp -r "$bench_work"/{bench.sh,benchlib.py,unauthorized.json,seed-for-mock.json,nginx} "$dir/"
    zis_mock_body "$@" > "$dir/page100.json"
    printf '%s\n' "$lua" > "$dir/auth.lua"
    for peer in swift-hummingbird swift-flyingfox flask; do ln -s "$bench_work/$peer" "$dir/$peer"; done
    echo "$dir"
}

bearer='wrk.headers["Authorization"] = "Bearer bench-token"
wrk.headers["Accept"] = "application/json"'
no_auth='wrk.headers["Accept"] = "application/json"'
token=(-H "Authorization: Bearer bench-token")

for name in $cases; do
    case $name in
        page100) path="$list?page%5Bsize%5D=100" conns=64 lua=$bearer body=("$list?page%5Bsize%5D=100" "${token[@]}") ;;
        page1) path="$list?page%5Bsize%5D=1" conns=64 lua=$bearer body=("$list?page%5Bsize%5D=1" "${token[@]}") ;;
        401) path="$list?page%5Bsize%5D=100" conns=64 lua=$no_auth body=("$list?page%5Bsize%5D=100" "${token[@]}") ;;
        c1000) path="$list?page%5Bsize%5D=100" conns=1000 lua=$bearer body=("$list?page%5Bsize%5D=100" "${token[@]}") ;;
        *) echo "unknown case $name (page100, page1, 401, c1000)" >&2; exit 2 ;;
    esac
    dir=$(harness_for "$name" "$lua" "${body[@]}")
    echo "== $name: $path, -c$conns, load $(cut -d' ' -f1-3 /proc/loadavg)"
    targets=("nginx=$dir/nginx/run.sh")
    [[ ${PEERS:-0} == 1 ]] && targets=(--defaults)
    targets+=("zis-mock=$zis_mock --port \$PORT --seed $dir/seed-for-mock.json")
    # bench.sh's exit status is not a verdict (its last command tests for set-aside runs); its rows are.
    BENCH_PATH=$path CONNS=$conns OUT=$dir/out bash "$dir/bench.sh" "${targets[@]}" > "$dir/bench.log" 2>&1 || true
    [[ $(wc -l < "$dir/out/runs.tsv" 2>/dev/null || echo 0) -gt 1 ]] || { tail -20 "$dir/bench.log" >&2; exit 1; }
done

# One row per case and target: medians of the rounds, and req/s as a multiple of nginx's.
echo
echo "cases side by side (medians; CPU = server µs per request; 401 runs count every answer as non-2xx):"
for name in $cases; do
    awk -F'\t' -v case="$name" '
        NR == 1 { next }
        { n[$2]++; rps[$2, n[$2]] = $12; p99[$2, n[$2]] = $14; cpu[$2, n[$2]] = ($15 > 0 ? $20 * 1e6 / $15 : 0); bytes[$2] = $11
          if (!($2 in seen)) { seen[$2] = 1; order[++targets] = $2 } }
        function median(a, t,    k, i, j, tmp, v) {
            k = n[t]; for (i = 1; i <= k; i++) v[i] = a[t, i]
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
            return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2 }
        END {
            ref = median(rps, "nginx")
            for (i = 1; i <= targets; i++) {
                t = order[i]
                printf "  %-8s %-18s %9.0f req/s  %5.2f× nginx  p99 %7.2f ms  CPU %6.1f µs/req  200 body %6d B\n",
                    case, t, median(rps, t), (ref > 0 ? median(rps, t) / ref : 0), median(p99, t), median(cpu, t), bytes[t]
            }
        }' "$results/$name/out/runs.tsv"
done
echo "raw results: $results"
