#!/usr/bin/env bash
# GET the seeded integration's connections from $ZIS_BASE_URL (http://HOST:PORT) with $ZIS_TOKEN;
# prints the status line and the start of the body, exits 0 on a 200 whose body is a connection list.
set -euo pipefail
authority=${ZIS_BASE_URL#http://}
host=${authority%%:*} port=${authority##*:}
path=/api/services/zis/integrations/acme_crm_sync/connections/all
exec 3<>"/dev/tcp/$host/$port"
printf 'GET %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nConnection: close\r\n\r\n' "$path" "$authority" "$ZIS_TOKEN" >&3
response=$(cat <&3)
status=$(head -n 1 <<<"$response" | tr -d '\r')
body=${response#*$'\r\n\r\n'}
echo "$status"
echo "${body:0:120}..."
[[ $status == "HTTP/1.1 200 "* && $body == *'"meta":'* ]]
