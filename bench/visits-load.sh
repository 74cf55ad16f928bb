#!/usr/bin/env bash
# Visits load benchmark (issues 4 and 5). Generates the ledger and its field work once into $DATA (kept for the next run),
# starts the server from the jar on $PORT, and runs bench/VisitLoad.java: the visits report for a county, a prefecture and
# the province over a year, and the follow-up lists of two teams (the county's and the database's with the most open
# follow-ups), 8 clients, with the SQL floor and the HTTP floor. Extra arguments go to VisitLoad.java, e.g. --seconds 10,
# --only "visits report", --from 2024-01-01 --to 2024-12-31, --teams 17,42. Run it under the machine's benchmark lock:
#
#   flock /tmp/bench.lock bench/visits-load.sh                  # 2,000,000 visits, 100,000 enterprises in /tmp/visits-bench-2000000
#   VISITS=10000000 PROJECTS=1000000 flock /tmp/bench.lock bench/visits-load.sh
#   APP_OPTS=-Dzhaoshang.report-cache.rows=0 bench/visits-load.sh   # every report computed: the reports' cache off
source "$(dirname "$0")/common.sh"
VISITS=${VISITS:-2000000}
PROJECTS=${PROJECTS:-100000}
ENTERPRISES=${ENTERPRISES:-100000}
DATA=${DATA:-/tmp/visits-bench-$VISITS}
PORT=${PORT:-8104}
APP_OPTS=${APP_OPTS:-}   # JVM options of the server, e.g. -Dzhaoshang.report-cache.rows=0

machine
if [ ! -f "$DATA/generated" ]; then
    rm -rf "$DATA"
    start=$(date +%s.%N)
    java -jar "$WORK/zhaoshang.jar" generate --region 350000 --projects "$PROJECTS" --visits "$VISITS" --enterprises "$ENTERPRISES" \
        --years 2015-2024 --seed 42 --zhaoshang.data-dir="$DATA" > "$WORK/generate.log" 2>&1 || { tail -30 "$WORK/generate.log"; exit 1; }
    grep '^generate:\|COPY\|重建\|校验' "$WORK/generate.log" | sed 's/^.*\(LedgerGenerator\|BulkLoad\) *: //'
    echo "generate: $(echo "$(date +%s.%N) - $start" | bc) s wall, start-up and shutdown included"
    touch "$DATA/generated"
fi
# shellcheck disable=SC2086 # the options are words
start_app "$DATA" "$PORT" $APP_OPTS
echo "server: ${APP_OPTS:-default options}, $(grep -o 'Started ZhaoshangApplication in [0-9.]* seconds' "$WORK/app-$PORT.log")"
PG_PORT=$(embedded_pg_port "$PORT")
PG_PID=$(head -1 "$DATA/pg/postmaster.pid")
java -cp "$WORK/postgresql.jar:$WORK/driver" "$ROOT/bench/VisitLoad.java" --url "http://localhost:$PORT" --user admin --password "$PASSWORD" \
    --jdbc "jdbc:postgresql://localhost:$PG_PORT/zhaoshang?user=postgres" --server-pid "$APP_PID" --pg-pid "$PG_PID" "$@"
echo
machine
