#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Records every program in src/test/resources/recorded/ again, on this machine, as root
# (nginx, redis and systemd-socket-activate need: apt-get install nginx redis-server systemd).
# Each program runs from a scratch folder, /tmp/socketlab-record, so the logs show no
# checkout paths. One recording: tools/record/record-all.sh NAME...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
recorded="$repo/src/test/resources/recorded"
work=/tmp/socketlab-record
record="/usr/bin/python3 $here/record.py"
py=/usr/bin/python3

mkdir -p "$work/bin" "$work/www" "$work/nginx" "$work/redis" "$work/java"
echo '<p>hello from Socket Lab</p>' > "$work/www/index.html"
# The programs that are also shipped as examples keep their one source in assets/traces/programs.
programs="$repo/assets/traces/programs"
for c in "$programs/scm_rights" "$programs/activated" "$recorded/fd-table/fd_table" "$programs/epoll_kinds"; do
    gcc -O2 -Wall -o "$work/bin/$(basename "$c")" "$c.c"
done
cp "$recorded/asyncio-echo/asyncio_echo.py" "$recorded/node-http/node_http.js" "$work/"
javac -d "$work/java" "$recorded/java-threads/ThreadedEcho.java"
http_server="$py -m http.server {port} --bind 127.0.0.1 --directory $work/www"

one() {
    local name="$1"
    shift
    $record --name "$name" --out "$recorded/$name" --cwd "$work" "$@"
}

record_one() {
    case "$1" in
    asyncio-echo) one asyncio-echo --until stdin -- $py -I -S asyncio_echo.py ;;
    java-threads) one java-threads --until stdin --cwd "$work/java" -- /usr/bin/java -cp . ThreadedEcho ;;
    node-http) one node-http --until stdin -- /usr/bin/node node_http.js ;;
    curl) one curl --until exit --serve "$http_server" -- /usr/bin/curl -s http://127.0.0.1:{port}/ ;;
    wget) one wget --until exit --serve "$http_server" -- /usr/bin/wget -q -O - http://127.0.0.1:{port}/ ;;
    ip-addr) one ip-addr --until exit -- /usr/sbin/ip addr ;;
    ss-tan) one ss-tan --until exit -- /usr/bin/ss -tan ;;
    getent-ahosts) one getent-ahosts --until exit -- /usr/bin/getent ahosts localhost ;;
    nginx) one nginx --until listen --stop-signal QUIT \
        --template "$recorded/nginx/nginx.conf:$work/nginx/nginx.conf" \
        --client "/usr/bin/curl -s -i http://127.0.0.1:{port}/" \
        -- /usr/sbin/nginx -c "$work/nginx/nginx.conf" ;;
    redis) one redis --until listen --stop-signal TERM \
        --client "/bin/sh -c '/usr/bin/redis-cli -p {port} set greeting hello && /usr/bin/redis-cli -p {port} get greeting'" \
        -- /usr/bin/redis-server --port {port} --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        --dir "$work/redis" --logfile "$work/redis/redis.log" ;;
    scm-rights) one scm-rights --until stdin -- "$work/bin/scm_rights" ;;
    socket-activate) one socket-activate --until listen --stop-signal TERM \
        --client "$py -c \"import socket; s = socket.create_connection(('127.0.0.1', {port})); s.sendall(b'hello\\n'); print(s.recv(100)); s.close()\"" \
        -- /usr/bin/systemd-socket-activate -l 127.0.0.1:{port} "$work/bin/activated" ;;
    fd-table) one fd-table --until stdin -- "$work/bin/fd_table" ;;
    epoll-kinds) one epoll-kinds --until stdin -- "$work/bin/epoll_kinds" ;;
    *) echo "record-all.sh: no recording named $1" >&2; return 1 ;;
    esac
}

all=(asyncio-echo java-threads node-http curl wget ip-addr ss-tan getent-ahosts nginx redis scm-rights
    socket-activate fd-table epoll-kinds)
for name in "${@:-${all[@]}}"; do
    record_one "$name"
done
