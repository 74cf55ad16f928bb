# Shared by the benchmark scripts: a private copy of the jar, starting and stopping the server, the machine.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$ROOT/target/zhaoshang.jar}
PASSWORD=${ZHAOSHANG_ADMIN_PASSWORD:-Bench-Admin-Pass-2024}
export ZHAOSHANG_ADMIN_PASSWORD=$PASSWORD
[ -f "$JAR" ] || { echo "no $JAR: build first (mvn -B -DskipTests package)" >&2; exit 2; }
WORK=$(mktemp -d /tmp/bench-run.XXXXXX)
# a rebuild during the run must not pull the jar from under the server
cp "$JAR" "$WORK/zhaoshang.jar"
(cd "$WORK" && unzip -q -j zhaoshang.jar 'BOOT-INF/lib/postgresql-*.jar' && mv postgresql-*.jar postgresql.jar)
# the load driver bench/Load.java and bench/VisitLoad.java extend, compiled once; they run from source with it on the class path
javac -d "$WORK/driver" "$ROOT/bench/LoadDriver.java"
APP_PID=

machine() {
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -h | awk '/^Mem:/ {print $2}') RAM"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at $(date -u +%FT%TZ)"
}

# start_app DATA_DIR PORT [JVM options...]: starts the server from the private jar and waits until it is healthy
start_app() {
    local data=$1 port=$2
    shift 2
    java "$@" -jar "$WORK/zhaoshang.jar" --zhaoshang.data-dir="$data" --server.port="$port" > "$WORK/app-$port.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 180); do
        if curl -sf "http://localhost:$port/actuator/health" > /dev/null; then
            return 0
        fi
        if ! kill -0 "$APP_PID" 2> /dev/null; then
            tail -40 "$WORK/app-$port.log" >&2
            echo "the server did not start" >&2
            exit 1
        fi
        sleep 1
    done
    echo "the server did not answer within 180 s" >&2
    exit 1
}

# copy_data BASE DIR: a copy of a stopped server's data directory to run on (BASE empty: nothing, DIR starts empty)
copy_data() {
    if [ -n "$1" ]; then
        cp -a "$1" "$2"
        rm -f "$2/pg/postmaster.pid" "$2/generated"
        # the copy's gigabytes written back to disk now, not while the server is being measured
        sync
        echo "copied $1 ($(du -sh "$2" | cut -f1))" >&2
    fi
}

stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2> /dev/null || true
    fi
    APP_PID=
}

# CPU clock ticks (user + system) of the server's JVM, and of every process of the PostgreSQL of data directory $1
cpu_java() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
cpu_pg() {
    local t=0 p
    for p in $(pgrep -f "$1/pg") $(pgrep -P "$(pgrep -f "postgres -D $1/pg" | head -1)" 2> /dev/null); do
        [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$t"
}

# seconds a fixed CPU-bound loop takes now: beside a timing, it says how fast the (virtual) machine was running then
calib() {
    local start
    start=$(date +%s.%N)
    bash -c 'i=0; while ((i < 1000000)); do ((i++)); done'
    printf '%.2f' "$(echo "$(date +%s.%N) - $start" | bc)"
}

# the port of the embedded PostgreSQL the server started (for the SQL floor)
embedded_pg_port() {
    grep -o 'Embedded PostgreSQL ready in .* on port [0-9]*' "$WORK/app-$1.log" | head -1 | grep -o '[0-9]*$'
}

cleanup() {
    stop_app
    rm -rf "$WORK"
}
trap cleanup EXIT
