#!/usr/bin/env bash
# Soak: two minutes of wrk with mixed valid and invalid requests (bench/mixed.lua) against a
# release build. Prints peak RSS after 10 s and at the end (growth over 10 % is a leak to fix)
# and the open file descriptors before and after (they must return to the baseline).
#   bash bench/soak.sh                 SOAK_SECONDS=30 bash bench/soak.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${SOAK_SECONDS:-120}
port=${SOAK_PORT:-18411}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }
source "$here/common.sh"
seed=${SOAK_SEED:-$bench_work/seed-for-mock.json}
"$zis_mock" --port "$port" --seed "$seed" > /tmp/zis-mock-soak.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/__admin/health" >/dev/null && break; sleep 0.05; done

fds() { ls "/proc/$pid/fd" | wc -l; }
status() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }
fd_before=$(fds)
wrk -t2 -c64 -d"${seconds}s" -s "$here/mixed.lua" "http://127.0.0.1:$port/" > /tmp/zis-mock-soak.wrk 2>&1 &
wrk_pid=$!
sleep 10
rss_10s=$(status VmRSS)
wait $wrk_pid
rss_end=$(status VmRSS)
hwm=$(status VmHWM)
sleep 1
fd_after=$(fds)
alive=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/__admin/health")

grep -E "requests in|Requests/sec|Non-2xx|Socket errors" /tmp/zis-mock-soak.wrk | sed 's/^ */wrk: /'
growth=$(awk -v a="$rss_10s" -v b="$rss_end" 'BEGIN { printf "%.1f", (b - a) / a * 100 }')
echo "RSS at 10 s: ${rss_10s} kB; at end: ${rss_end} kB (growth ${growth} %); peak ${hwm} kB"
echo "file descriptors: before ${fd_before}, after ${fd_after}"
echo "health after soak: ${alive}"
awk -v g="$growth" -v a="$fd_before" -v b="$fd_after" -v h="$alive" \
    'BEGIN { exit !(g <= 10 && a == b && h == 200) }' && echo "soak: OK" || { echo "soak: FAILED"; exit 1; }
