#!/usr/bin/env bash
# Import benchmark (issues 2 and 5): generated .xlsx workbooks of 20,000 and 100,000 valid rows, each imported through
# POST /api/v1/projects/import into a fresh embedded database, with the server's heap capped at 512 MB; then the same file
# again (nothing changes the second time). Repeated $REPEAT times.
#
#   bench/import.sh                      # ROWS="20000 100000" REPEAT=2 HEAP=-Xmx512m
#   BASE=/tmp/bench-report-1000000 ROWS=100000 REPEAT=1 bench/import.sh   # into a copy of a generated database
#   WARM=yes bench/import.sh             # after a 5,000-row import of another prefecture on the same server
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-"20000 100000"}
REPEAT=${REPEAT:-2}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-8096}
BASE=${BASE:-}   # a data directory to copy for each run instead of starting empty
WARM=${WARM:-}   # "yes": before the measured import, the server imports $WARMUP rows of another file (a warm JVM)
WARMUP=${WARMUP:-5000}

machine
for n in $ROWS; do
    java -jar "$WORK/zhaoshang.jar" generate --xlsx "$WORK/rows-$n.xlsx" --rows "$n" --region 350000 --years 2015-2024 --seed 7
done
if [ -n "$WARM" ]; then
    java -jar "$WORK/zhaoshang.jar" generate --xlsx "$WORK/warmup.xlsx" --rows "$WARMUP" --region 350200 --years 2015-2024 --seed 11 > /dev/null
fi
echo
echo "| run | rows | into | server | file | first import (s) | answer | again (s) | answer | server heap |"
echo "|---|---:|---|---|---:|---:|---|---:|---|---|"
for run in $(seq 1 "$REPEAT"); do
    for n in $ROWS; do
        data="$WORK/data-$run-$n"
        copy_data "$BASE" "$data"
        start_app "$data" "$PORT" "$HEAP"
        if [ -n "$WARM" ]; then
            curl -s --max-time 900 -o /dev/null -u "admin:$PASSWORD" -F "file=@$WORK/warmup.xlsx" "http://localhost:$PORT/api/v1/projects/import"
        fi
        import() {
            curl -s --max-time 900 -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -u "admin:$PASSWORD" \
                -F "file=@$WORK/rows-$n.xlsx" "http://localhost:$PORT/api/v1/projects/import"
        }
        out=$(import)
        code1=${out% *} t1=${out#* } a1=$(head -c 120 "$WORK/answer.json")
        out=$(import)
        code2=${out% *} t2=${out#* } a2=$(head -c 120 "$WORK/answer.json")
        echo "| $run | $n | ${BASE:-empty} | $([ -n "$WARM" ] && echo warm || echo cold) | $(du -h "$WORK/rows-$n.xlsx" | cut -f1) | $t1 | $code1 $a1 | $t2 | $code2 $a2 | $HEAP |"
        # the server's own account of where each import's time went (one log line per import)
        (grep -o '项目导入“rows-.*' "$WORK/app-$PORT.log" || true) | sed 's/^/    /' >&2
        stop_app
        rm -rf "$data"
    done
done
echo
machine
