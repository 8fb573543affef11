# Sourced by the bench scripts: a writable copy of ../shared/bench with its fixture generated
# (shared/ may be read-only), and a release build of zis-mock. The peers then serve exactly the
# bytes zis-mock renders: the copy's page100.json and unauthorized.json (what nginx, Hummingbird,
# FlyingFox and Flask answer, and what bench.sh checks every target's body against) are replaced
# by zis-mock's own answers to the harness's request, with and without a token.
#   sets: bench_work (the copy), zis_mock (the binary)
#   zis_mock_body PATH [CURL ARGS…]   prints zis-mock's body for one request on the copy's seed
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_work=${BENCH_WORK:-/tmp/zis-mock-bench}
mkdir -p "$bench_work"
# Refreshed every time (results/ and the peers' builds stay), so an updated gen_seed.py is what runs.
cp -r "${SHARED_BENCH:-$project/../shared/bench}"/. "$bench_work"
chmod -R u+w "$bench_work"
python3 "$bench_work/gen_seed.py" >/dev/null
swift build -c release --package-path "$project" --product zis-mock >/dev/null
zis_mock=$(swift build -c release --package-path "$project" --show-bin-path)/zis-mock

zis_mock_body() {
    local target=$1 port=$((18900 + RANDOM % 100)) pid
    shift
    "$zis_mock" --port "$port" --seed "$bench_work/seed-for-mock.json" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/__admin/health" && break; sleep 0.05; done
    curl -s "$@" "http://127.0.0.1:$port$target"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

bench_list=/api/services/zis/integrations/bench/connections/all
zis_mock_body "${BENCH_PATH:-$bench_list?page%5Bsize%5D=100}" -H "Authorization: Bearer bench-token" > "$bench_work/page100.json"
zis_mock_body "${BENCH_PATH:-$bench_list?page%5Bsize%5D=100}" > "$bench_work/unauthorized.json"
echo "peers serve zis-mock's bytes: page $(stat -c %s "$bench_work/page100.json") B," \
    "401 $(stat -c %s "$bench_work/unauthorized.json") B" >&2
