#!/usr/bin/env bash
# Visits import benchmark (issues 4 and 5): a generated .xlsx of 50,000 valid visit rows (teams, batches, follow-ups of every
# county of Fujian; 13 columns, Excel date cells) imported through POST /api/v1/visits/import into a fresh embedded
# database with the server's heap capped at 512 MB, then the same file again (nothing changes the second time). Each run
# does it twice: on a server that has imported nothing yet (cold), and after a warm-up import of 5,000 other rows (warm).
# Beside the wall time, the CPU seconds the server's JVM and its PostgreSQL spent on the request. Run it under the
# machine's benchmark lock:
#
#   flock /tmp/bench.lock bench/visits-import.sh                # ROWS=50000 REPEAT=2 HEAP=-Xmx512m
#   BASE=/tmp/visits-bench-2000000 flock /tmp/bench.lock bench/visits-import.sh   # into a copy of a generated database
#   JAR=old.jar GEN_JAR=target/zhaoshang.jar flock /tmp/bench.lock bench/visits-import.sh   # an older build
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-50000}
REPEAT=${REPEAT:-2}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-8105}
WARMUP=${WARMUP:-5000}
BASE=${BASE:-}
GEN_JAR=${GEN_JAR:-$WORK/zhaoshang.jar}   # the jar that writes the workbooks (for measuring a build that cannot)

machine
java -jar "$GEN_JAR" generate --xlsx "$WORK/visits-$ROWS.xlsx" --visits "$ROWS" --projects 100000 --enterprises 100000 \
    --region 350000 --years 2015-2024 --seed 7
java -jar "$GEN_JAR" generate --xlsx "$WORK/warmup.xlsx" --visits "$WARMUP" --projects 20000 --region 350200 \
    --years 2015-2024 --seed 11 > /dev/null

post() { # FILE: prints "seconds http-code java-cpu pg-cpu answer"
    local j0 p0 out
    j0=$(cpu_java); p0=$(cpu_pg "$data")
    out=$(curl -s --max-time 900 -o "$WORK/answer.json" -w '%{time_total} %{http_code}' -u "admin:$PASSWORD" -F "file=@$1" \
        "http://localhost:$PORT/api/v1/visits/import")
    echo "$out $(echo "($(cpu_java) - $j0) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f') \
$(echo "($(cpu_pg "$data") - $p0) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f') $(head -c 100 "$WORK/answer.json")"
}

echo
echo "| run | server | rows | first import (s) | JVM CPU (s) | PostgreSQL CPU (s) | answer | again (s) | answer | heap |"
echo "|---|---|---:|---:|---:|---:|---|---:|---|---|"
for run in $(seq 1 "$REPEAT"); do
    for mode in cold warm; do
        data="$WORK/data-$run-$mode"
        copy_data "$BASE" "$data"
        start_app "$data" "$PORT" "$HEAP"
        if [ "$mode" = warm ]; then
            post "$WORK/warmup.xlsx" > /dev/null
        fi
        read -r t1 code1 j1 p1 a1 <<< "$(post "$WORK/visits-$ROWS.xlsx")"
        read -r t2 code2 _ _ a2 <<< "$(post "$WORK/visits-$ROWS.xlsx")"
        echo "| $run | $mode | $ROWS | $t1 | $j1 | $p1 | $code1 $a1 | $t2 | $code2 $a2 | $HEAP |"
        (grep -o '走访导入 .*' "$WORK/app-$PORT.log" || true) | sed 's/^/    /' >&2
        stop_app
        rm -rf "$data"
    done
done
echo
machine
