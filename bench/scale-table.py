#!/usr/bin/env python3
"""Prints bench/scale.sh's tables (medians over the runs of each size) from its results.jsonl."""
import json
import statistics
import sys

runs = [json.loads(line) for line in open(sys.argv[1])]
sizes = list(dict.fromkeys(run["size"] for run in runs))


def median(size, pick):
    values = [pick(run["result"]) for run in runs if run["size"] == size]
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def cell(value, fmt="%.0f"):
    return "—" if value is None else fmt % value


empty_rss = median("empty", lambda r: r["rss"])
print("| seed | connections | runs | listening ms | first 200 ms | load CPU ms | RSS MB | peak RSS MB | B/connection |")
print("|---|---|---|---|---|---|---|---|---|")
for size in sizes:
    count = next(run["connections"] for run in runs if run["size"] == size)
    rss = median(size, lambda r: r["rss"])
    # Below ten thousand connections the difference is inside the RSS noise of a few hundred KB.
    per = (rss - empty_rss) / count if count >= 10000 and empty_rss is not None else None
    print("| %s | %d | %d | %s | %s | %s | %.1f | %.1f | %s |" % (
        size, count, sum(run["size"] == size for run in runs),
        cell(median(size, lambda r: r["listening_ms"])), cell(median(size, lambda r: r["first200_ms"])),
        cell(median(size, lambda r: r.get("load_cpu_ms"))), rss / 2**20,
        median(size, lambda r: r["hwm"]) / 2**20, cell(per)))

print()
print("Pages of 100 (page[size]=100). wrk -t2 -c16: one URL, served from the page cache. "
      "single: median µs of one request at a time with a new cursor each (rendered every time).")
print()
print("| seed | position | wrk req/s | wrk p50 µs | wrk p99 µs | single uncached p50 µs |")
print("|---|---|---|---|---|---|")
for size in sizes:
    if size == "empty":
        continue
    for position in ("start", "middle", "end"):
        wrk = lambda key: (lambda r: r.get("wrk_" + position, {}).get(key))
        print("| %s | %s | %s | %s | %s | %s |" % (
            size, position, cell(median(size, wrk("rps"))), cell(median(size, wrk("p50_us"))),
            cell(median(size, wrk("p99_us"))), cell(median(size, lambda r: r.get("single_%s_us" % position)))))

print()
print("Writes: 1,000 creates then 1,000 deletes of api_key connections named into the middle of the "
      "name space, one at a time on one keep-alive connection (median µs per request).")
print()
print("| seed | create p50 µs | delete p50 µs |")
print("|---|---|---|")
for size in sizes:
    if size != "empty":
        print("| %s | %s | %s |" % (size, cell(median(size, lambda r: r.get("create_us")), "%.1f"),
                                    cell(median(size, lambda r: r.get("delete_us")), "%.1f")))
