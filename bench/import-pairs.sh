#!/usr/bin/env bash
# Two builds' 20,000-row imports in turn (issue 2), for a machine whose speed drifts over minutes: each pair starts a
# fresh server (-Xmx512m, empty embedded database) from each build, one right after the other, alternating which goes
# first, and posts the same workbook to each. Beside each import: its seconds, the CPU seconds of the server's JVM and of
# its PostgreSQL, and "calib", the seconds a fixed CPU-bound loop took just before (how fast the machine ran then).
#
#   OTHER=/tmp/old.jar bench/import-pairs.sh                     # this build (JAR, target/zhaoshang.jar) against OTHER
#   OTHER=/tmp/old.jar PAIRS=2 WARM=yes bench/import-pairs.sh    # each server first imports 5,000 rows of another prefecture
#   OTHER=/tmp/old.jar BASE=/tmp/bench-1m ROWS=100000 PAIRS=1 bench/import-pairs.sh   # each into a copy of a generated database
source "$(dirname "$0")/common.sh"
[ -n "${OTHER:-}" ] && [ -f "$OTHER" ] || { echo "set OTHER to the jar of the build to compare with" >&2; exit 2; }
ROWS=${ROWS:-20000}
PAIRS=${PAIRS:-4}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-8097}
WARM=${WARM:-}
BASE=${BASE:-}   # a data directory to copy for each import instead of starting empty
cp "$WORK/zhaoshang.jar" "$WORK/this.jar"
cp "$OTHER" "$WORK/other.jar"

machine
java -jar "$WORK/this.jar" generate --xlsx "$WORK/rows.xlsx" --rows "$ROWS" --region 350000 --years 2015-2024 --seed 7
java -jar "$WORK/this.jar" generate --xlsx "$WORK/warmup.xlsx" --rows 5000 --region 350200 --years 2015-2024 --seed 11 > /dev/null

run() { # BUILD (this or other): one import on a fresh server, one table row
    local build=$1 data="$WORK/data" c j0 p0 out
    rm -rf "$data"
    copy_data "$BASE" "$data"
    cp "$WORK/$build.jar" "$WORK/zhaoshang.jar"
    c=$(calib)
    start_app "$data" "$PORT" "$HEAP"
    if [ -n "$WARM" ]; then
        curl -s --max-time 900 -o /dev/null -u "admin:$PASSWORD" -F "file=@$WORK/warmup.xlsx" "http://localhost:$PORT/api/v1/projects/import"
    fi
    j0=$(cpu_java); p0=$(cpu_pg "$data")
    out=$(curl -s --max-time 900 -o "$WORK/answer.json" -w '%{time_total} %{http_code}' -u "admin:$PASSWORD" \
        -F "file=@$WORK/rows.xlsx" "http://localhost:$PORT/api/v1/projects/import")
    echo "| $pair | $(date -u +%T) | $c | $build | ${out% *} | ${out#* } | $(echo "($(cpu_java) - $j0) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f') \
| $(echo "($(cpu_pg "$data") - $p0) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f') |"
    (grep -o '项目导入“rows.xlsx”.*' "$WORK/app-$PORT.log" || true) | sed 's/^/    /' >&2
    stop_app
    rm -rf "$data"
}

echo
echo "| pair | time (UTC) | calib (s) | build | import (s) | HTTP | JVM CPU (s) | PostgreSQL CPU (s) |"
echo "|---:|---|---:|---|---:|---|---:|---:|"
for pair in $(seq 1 "$PAIRS"); do
    if [ $((pair % 2)) -eq 1 ]; then run this; run other; else run other; run this; fi
done
echo
machine
