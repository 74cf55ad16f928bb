#!/usr/bin/env bash
# Page times (the server's HTML pages, one client): each page requested $REPEAT times after $WARM unmeasured requests
# (the JIT and Thymeleaf's template cache), then the median and the slowest, with the page's size. On a copy of a
# generated data directory, e.g. the province's ledger, where pages list many units, enterprises or projects:
#
#   DATA=/tmp/bench-report-100000 bench/pages.sh            # PAGES="/units /enterprises /projects / …" REPEAT=10 WARM=5
#   JAR=<another build's jar> DATA=… bench/pages.sh          # the same for another build, to compare
source "$(dirname "$0")/common.sh"
DATA=${DATA:?set DATA to the data directory of a stopped server, which is copied}
PORT=${PORT:-8098}
REPEAT=${REPEAT:-10}
WARM=${WARM:-5}
PAGES=${PAGES:-"/ /units /enterprises /enterprises?q=%E5%8D%8E /projects /projects?q=%E5%8D%8E%E6%81%92 /chains /events /visits /visits/follow-ups /reports?region=350000&from=2017-01-01&to=2017-12-31"}

machine
copy_data "$DATA" "$WORK/data"
start_app "$WORK/data" "$PORT" -Xmx512m
echo
echo "| page | median (ms) | slowest (ms) | status | size (bytes) |"
echo "|---|---:|---:|---|---:|"
for page in $PAGES; do
    for _ in $(seq 1 "$WARM"); do
        curl -s -o /dev/null -u "admin:$PASSWORD" "http://localhost:$PORT$page"
    done
    took=()
    for _ in $(seq 1 "$REPEAT"); do
        out=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' -u "admin:$PASSWORD" "http://localhost:$PORT$page")
        read -r code size t <<< "$out"
        took+=("$t")
    done
    sorted=$(printf '%s\n' "${took[@]}" | sort -n)
    middle=$(( (REPEAT + 1) / 2 ))
    median=$(echo "$sorted" | awk -v m="$middle" 'NR == m { printf "%.1f", $1 * 1000 }')
    slowest=$(echo "$sorted" | tail -1 | awk '{ printf "%.1f", $1 * 1000 }')
    echo "| \`$page\` | $median | $slowest | $code | $size |"
done
stop_app
echo
machine
