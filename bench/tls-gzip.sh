#!/usr/bin/env bash
# TLS and gzip figures, side by side in one run:
#   - HTTPS with keep-alive: req/s and p99 of zis-mock and of nginx serving the same page with the
#     same certificate (the 100-connection page of ../shared/bench/seed-for-mock.json);
#   - handshake rate: the same with `Connection: close`, so every request is a new TLS connection;
#   - gzip: bytes on the wire and req/s with and without `Accept-Encoding: gzip` (plain HTTP).
#   bash bench/tls-gzip.sh            DURATION=10s bash bench/tls-gzip.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/common.sh"
duration=${DURATION:-10s}
work=$(mktemp -d /tmp/zis-mock-tls.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
path="/api/services/zis/integrations/bench/connections/all?page%5Bsize%5D=100"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# nginx: the same page as a static file, over TLS with the same certificate.
mkdir -p "$work/www" "$work/tmp"
cp "$bench_work/page100.json" "$work/www/page100.json"
chmod 755 "$work" "$work/www"; chmod 644 "$work/www/page100.json" "$work/cert.pem" "$work/key.pem"
cat > "$work/nginx.conf" <<CONF
daemon off; worker_processes 2; pid $work/nginx.pid; error_log $work/error.log warn;
events { worker_connections 4096; }
http {
    access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000; default_type application/json;
    client_body_temp_path $work/tmp/b; proxy_temp_path $work/tmp/p; fastcgi_temp_path $work/tmp/f;
    uwsgi_temp_path $work/tmp/u; scgi_temp_path $work/tmp/s;
    server {
        listen 127.0.0.1:18601 ssl; ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        location ~ ^/api/services/zis/integrations/[^/]+/connections/all\$ {
            if (\$http_authorization !~* "^Bearer +[^ ]") { return 401; }
            root $work/www; try_files /page100.json =500;
        }
    }
}
CONF
nginx -e "$work/error.log" -p "$work" -c "$work/nginx.conf" & pids+=($!)
"$zis_mock" --port 18602 --seed "$bench_work/seed-for-mock.json" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" \
    --log-level warning > /dev/null & pids+=($!)
"$zis_mock" --port 18603 --seed "$bench_work/seed-for-mock.json" --log-level warning > /dev/null & pids+=($!)
for port in 18601 18602 18603; do
    for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.05; done
done

cat > "$work/close.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer bench-token"
wrk.headers["Connection"] = "close"
LUA
cat > "$work/gzip.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer bench-token"
wrk.headers["Accept-Encoding"] = "gzip"
LUA
measure() { # label url script
    local out
    out=$(wrk -t2 -c64 -d"$duration" --latency -s "$3" "$2" 2>&1)
    printf '| %-34s | %10s | %8s | %6s |\n' "$1" "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")" \
        "$(awk '$1 == "99%" { print $2 }' <<<"$out")" "$(awk '/Non-2xx|Socket errors/ { n++ } END { print n ? "yes" : "no" }' <<<"$out")"
}
echo "| run | req/s | p99 | errors |"
echo "|---|---|---|---|"
measure "nginx HTTPS keep-alive" "https://127.0.0.1:18601$path" "$bench_work/auth.lua"
measure "zis-mock HTTPS keep-alive" "https://127.0.0.1:18602$path" "$bench_work/auth.lua"
measure "nginx HTTPS handshakes (close)" "https://127.0.0.1:18601$path" "$work/close.lua"
measure "zis-mock HTTPS handshakes (close)" "https://127.0.0.1:18602$path" "$work/close.lua"
measure "zis-mock HTTP identity" "http://127.0.0.1:18603$path" "$bench_work/auth.lua"
measure "zis-mock HTTP gzip" "http://127.0.0.1:18603$path" "$work/gzip.lua"
plain=$(curl -s -o /dev/null -w '%{size_download}' -H 'Authorization: Bearer bench-token' "http://127.0.0.1:18603$path")
zipped=$(curl -s -o /dev/null -w '%{size_download}' -H 'Authorization: Bearer bench-token' -H 'Accept-Encoding: gzip' "http://127.0.0.1:18603$path")
echo
echo "100-item page on the wire: identity ${plain} bytes, gzip ${zipped} bytes"
