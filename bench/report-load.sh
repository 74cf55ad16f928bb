#!/usr/bin/env bash
# Report load benchmark (issues 2 and 5). Generates the ledger once into $DATA (kept for the next run), starts the server
# from the jar on $PORT, and runs bench/Load.java: every report endpoint, the list and a name search, for a county, a
# prefecture and the province, 8 clients, with the SQL floor and the HTTP floor. Extra arguments go to Load.java,
# e.g. --auth bearer, --seconds 10, --only summary,by-unit, --from 2024-01-01 --to 2024-12-31.
#
#   bench/report-load.sh                       # 100,000 projects in /tmp/bench-report-100000
#   PROJECTS=1000000 bench/report-load.sh      # 1,000,000 projects
#   APP_OPTS=-Dzhaoshang.report-cache.rows=0 bench/report-load.sh   # every report computed: the reports' cache off
source "$(dirname "$0")/common.sh"
PROJECTS=${PROJECTS:-100000}
DATA=${DATA:-/tmp/bench-report-$PROJECTS}
PORT=${PORT:-8095}
APP_OPTS=${APP_OPTS:-}   # JVM options of the server, e.g. -Dzhaoshang.report-cache.rows=0

machine
if [ ! -f "$DATA/generated" ]; then
    rm -rf "$DATA"
    start=$(date +%s.%N)
    java -jar "$WORK/zhaoshang.jar" generate --region 350000 --projects "$PROJECTS" --years 2015-2024 --seed 42 \
        --zhaoshang.data-dir="$DATA" > "$WORK/generate.log" 2>&1 || { tail -30 "$WORK/generate.log"; exit 1; }
    grep '^generate:\|COPY\|重建\|累计' "$WORK/generate.log" | sed 's/^.*LedgerGenerator *: //'
    echo "generate: $(echo "$(date +%s.%N) - $start" | bc) s wall, start-up and shutdown included"
    touch "$DATA/generated"
fi
# shellcheck disable=SC2086 # the options are words
start_app "$DATA" "$PORT" $APP_OPTS
echo "server: ${APP_OPTS:-default options}, $(grep -o 'Started ZhaoshangApplication in [0-9.]* seconds' "$WORK/app-$PORT.log")"
PG_PORT=$(embedded_pg_port "$PORT")
# the floor's statements come from the jar's classes (cn.zhaoshang.report.RunningTotalsSql)
(cd "$WORK" && mkdir -p classes && cd classes && unzip -q ../zhaoshang.jar 'BOOT-INF/classes/cn/zhaoshang/report/*')
java -cp "$WORK/postgresql.jar:$WORK/driver:$WORK/classes/BOOT-INF/classes" "$ROOT/bench/Load.java" --url "http://localhost:$PORT" --user admin --password "$PASSWORD" \
    --jdbc "jdbc:postgresql://localhost:$PG_PORT/zhaoshang?user=postgres" "$@"
echo
machine
