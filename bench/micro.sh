#!/usr/bin/env bash
# Micro-benchmarks (issue 10) with ordo-one/benchmark: the request head parser, the uncached page
# render, the store at 10k and 1M connections, one whole request through HTTPConnection, and the
# seed parser. Time and mallocs per operation. The benchmarks are a package of their own
# (Benchmarks/), so the main build and `swift test` never compile the framework; its first build
# resolves and compiles it (several minutes on 2 cores).
#
#   bash bench/micro.sh                       # all, a table per metric
#   bash bench/micro.sh --filter 'Store.*'    # extra arguments go to `benchmark run`
#   SCRATCH=/tmp/zis-mock-benchmarks bash bench/micro.sh
set -euo pipefail
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch=${SCRATCH:-$project/Benchmarks/.build}
# The plugin builds release itself; --grouping metric prints one table per metric (time, mallocs…).
exec swift package --package-path "$project/Benchmarks" --scratch-path "$scratch" \
    benchmark run --grouping metric --no-progress "$@"
