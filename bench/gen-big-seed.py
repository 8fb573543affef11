#!/usr/bin/env python3
"""Writes a big, deterministic zis-mock seed for the scale benchmarks (bench/scale.sh).

    python3 bench/gen-big-seed.py --connections 1000000 --integrations 1 --out /tmp/seed-1m.json
    python3 bench/gen-big-seed.py --connections 1000000 --integrations 1000 --out /tmp/seed-1m-1k.json

Connections are dealt round-robin over the integrations, and within one integration round-robin
over the four types, so every page mixes all four. Names are `c` + a zero-padded number, so name
order is number order and a script can name the start, middle and end of the name space without
reading the seed. Integration n (from 1) is `bench_<n>` with token `bench-token-<n>` (read, write).
Timestamps are given (2024-01-01 plus one second per connection), so the responses are the same
on every run. Same arguments, same bytes: nothing here is random.

Only the standard library: the file is streamed, so a million connections need little memory.
"""
import argparse
import sys

TYPE_KEYS = ["api_key", "basic_auth", "bearer_token", "oauth"]


def timestamp(offset_seconds):
    """2024-01-01T00:00:00Z + offset, without datetime (a million calls stay fast)."""
    days, rest = divmod(offset_seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    # Days past January 1st, 2024 (a leap year): right for any offset below one year, which
    # covers 31 million connections in one integration.
    month_lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    month = 0
    while days >= month_lengths[month]:
        days -= month_lengths[month]
        month += 1
        if month == 12:
            raise ValueError("offset beyond 2024; use fewer connections per integration")
    return "2024-%02d-%02dT%02d:%02d:%02dZ" % (month + 1, days + 1, hours, minutes, seconds)


def name_width(count):
    return max(7, len(str(max(count - 1, 0))))


def connection_name(index, width):
    return "c%0*d" % (width, index)


def connection_json(index, width):
    """One connection of type index % 4, as compact JSON text, plus its type key."""
    name = connection_name(index, width)
    created = timestamp(index)
    updated = timestamp(index + 3600)
    kind = index % 4
    if kind == 0:
        return "api_key", (
            '{"name":"%s","allowed_domain":"api.example.com","header_name":"x-api-key",'
            '"api_key":"key-%d","created_at":"%s","updated_at":"%s"}' % (name, index, created, updated))
    if kind == 1:
        return "basic_auth", (
            '{"name":"%s","allowed_domain":"erp.example.com","username":"svc-%d",'
            '"password":"pw-%d","created_at":"%s","updated_at":"%s"}' % (name, index, index, created, updated))
    if kind == 2:
        return "bearer_token", (
            '{"name":"%s","allowed_domain":"billing.example.com","token":"tok-%d",'
            '"created_at":"%s","updated_at":"%s"}' % (name, index, created, updated))
    return "oauth", (
        '{"name":"%s","access_token":"at-%d","refresh_token":"rt-%d",'
        '"token_expiry":"%s","uuid":"00000000-0000-4000-8000-%012d"}' % (name, index, index, updated, index))


def write_integration(out, number, count, width):
    """Integration `number` (from 1) with connections c<0>..c<count-1>; every integration has its own."""
    out.write('{"name":"bench_%d","tokens":[{"token":"bench-token-%d","scopes":["read","write"]}],'
              '"connections":{' % (number, number))
    # One pass per type (type = index % 4) so nothing is held in memory.
    for kind, key in enumerate(TYPE_KEYS):
        out.write('%s"%s":[' % ("," if kind else "", key))
        out.write(",\n".join(connection_json(local, width)[1] for local in range(kind, count, 4)))
        out.write("]")
    out.write("}}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--connections", type=int, required=True, help="total over all integrations (0 allowed)")
    parser.add_argument("--integrations", type=int, default=1)
    parser.add_argument("--out", default="-", help="file to write (default: stdout)")
    args = parser.parse_args()
    if args.integrations < 1 or args.connections < 0:
        parser.error("need at least one integration and a non-negative connection count")

    base, extra = divmod(args.connections, args.integrations)
    counts = [base + (1 if n < extra else 0) for n in range(args.integrations)]
    width = name_width(max(counts))
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="ascii")
    with out:
        out.write('{"integrations":[\n')
        for number, count in enumerate(counts, start=1):
            if number > 1:
                out.write(",\n")
            write_integration(out, number, count, width)
        out.write("\n]}\n")


if __name__ == "__main__":
    main()
