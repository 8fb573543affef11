# Sourced by the bench scripts: a writable copy of ../shared/bench with its fixture generated
# (shared/ may be read-only), and a release build of zis-mock.
#   sets: bench_work (the copy), zis_mock (the binary)
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_work=${BENCH_WORK:-/tmp/zis-mock-bench}
if [[ ! -d $bench_work ]]; then
    cp -r "${SHARED_BENCH:-$project/../shared/bench}" "$bench_work"
    chmod -R u+w "$bench_work"
fi
python3 "$bench_work/gen_seed.py" >/dev/null
swift build -c release --package-path "$project" --product zis-mock >/dev/null
zis_mock=$(swift build -c release --package-path "$project" --show-bin-path)/zis-mock
