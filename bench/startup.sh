#!/usr/bin/env bash
# Server start-up (issue 5: at most 10 s): `java -jar` on an existing data directory with the embedded PostgreSQL,
# from launch to the first `GET /actuator/health` that answers UP, $RUNS times. Also prints the JVM's CPU time at that
# moment (user + system: what the start-up costs whatever else the machine is doing) and the log's milestones.
#
#   DATA=/tmp/bench-report-1000000 bench/startup.sh           # a data directory made by bench/report-load.sh
#   RUNS=5 PORT=8123 DATA=… bench/startup.sh
source "$(dirname "$0")/common.sh"
DATA=${DATA:?set DATA to an existing data directory (e.g. one bench/report-load.sh generated)}
PORT=${PORT:-8095}
RUNS=${RUNS:-3}

machine
printf '| run | health UP (s) | JVM CPU at UP (s) | context before web server (ms) | database ready | migrations checked | started |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
for run in $(seq 1 "$RUNS"); do
    log="$WORK/start-$run.log"
    start=$(date +%s%N)
    java -jar "$WORK/zhaoshang.jar" --zhaoshang.data-dir="$DATA" --server.port="$PORT" > "$log" 2>&1 &
    APP_PID=$!
    until curl -sf "http://localhost:$PORT/actuator/health" 2> /dev/null | grep -q UP; do
        kill -0 "$APP_PID" 2> /dev/null || { tail -30 "$log"; exit 1; }
        sleep 0.05
    done
    up=$(( ($(date +%s%N) - start) / 1000000 ))
    cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$APP_PID/stat")
    # seconds since launch of a log line's time stamp
    at() {
        local t
        t=$(grep -m1 "$1" "$log" | grep -o '^[0-9T:.-]*' | head -1)
        [ -n "$t" ] && echo "scale=1; ($(date -u -d "${t/T/ }" +%s%N) - $start) / 1000000000" | bc || echo "–"
    }
    context=$(grep -o 'initialization completed in [0-9]* ms' "$log" | grep -o '[0-9]*' || echo "–")
    printf '| %d | %.1f | %s | %s | %s | %s | %s |\n' "$run" "$(echo "$up / 1000" | bc -l)" "$cpu" "$context" \
        "$(at 'Embedded PostgreSQL ready')" "$(at 'Successfully validated')" "$(at 'Started ZhaoshangApplication')"
    stop_app
done
echo
machine
