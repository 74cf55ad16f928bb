#!/usr/bin/env bash
# A streaming standby of the machine's PostgreSQL, for the replica tests and for trying the report replica by hand.
#
#   .ci/replica.sh            make sure cluster <version>/replica (port 5433) streams from <version>/main (port 5432)
#   .ci/replica.sh --remove   drop the standby and its replication slot
#
# Run as root on Debian (postgresql-common). Returns once the standby has replayed all the primary had written when it
# was run. Idempotent: a standby that is already streaming is left as it is (only
# started, and its replay resumed if a test left it paused); a missing or broken one is made again with pg_basebackup.
# The primary gets a replication role, a pg_hba entry for it and a physical replication slot; it is reloaded, never
# restarted. Settings through the environment (defaults in brackets): PG_VERSION [15], PRIMARY_PORT [5432],
# REPLICA_PORT [5433], REPLICA_CLUSTER [replica], REPLICATION_ROLE [zhaoshang_repl], REPLICATION_PASSWORD
# [zhaoshang_repl: for a CI machine; set your own elsewhere], REPLICATION_SLOT [zhaoshang_replica].
set -euo pipefail

VERSION=${PG_VERSION:-15}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
CLUSTER=${REPLICA_CLUSTER:-replica}
ROLE=${REPLICATION_ROLE:-zhaoshang_repl}
PASSWORD=${REPLICATION_PASSWORD:-zhaoshang_repl}
SLOT=${REPLICATION_SLOT:-zhaoshang_replica}

log() { echo "replica.sh: $*"; }
primary() { runuser -u postgres -- psql -p "$PRIMARY_PORT" -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
standby() { runuser -u postgres -- psql -p "$REPLICA_PORT" -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
cluster_exists() { pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; }
wait_ready() {
  for _ in $(seq 1 60); do pg_isready -q -p "$1" && return 0; sleep 1; done
  log "PostgreSQL on port $1 did not become ready"; return 1
}
drop_slot() {
  # a standby just stopped may hold the slot for a moment longer
  for _ in $(seq 1 10); do
    [ "$(primary "select count(*) from pg_replication_slots where slot_name = '$SLOT' and active")" = 0 ] && break
    sleep 1
  done
  primary "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$SLOT' and not active" >/dev/null
}

if [ "${1:-}" = "--remove" ]; then
  if cluster_exists; then pg_dropcluster --stop "$VERSION" "$CLUSTER"; log "dropped cluster $VERSION/$CLUSTER"; fi
  if pg_isready -q -p "$PRIMARY_PORT"; then drop_slot; fi
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

# 1. The primary: running, able to stream, with a role that may replicate from localhost
pg_ctlcluster "$VERSION" main status >/dev/null 2>&1 || pg_ctlcluster "$VERSION" main start
wait_ready "$PRIMARY_PORT"
if [ "$(primary 'show wal_level')" = minimal ] || [ "$(primary 'show max_wal_senders')" -lt 2 ]; then
  # needs a restart of the primary: say so rather than restart a server others may be using
  log "the primary needs wal_level=replica and max_wal_senders>=2 (then a restart): ALTER SYSTEM them and restart it"
  exit 1
fi
primary "do \$\$ begin
           if not exists (select from pg_roles where rolname = '$ROLE') then create role $ROLE; end if;
         end \$\$;
         alter role $ROLE with login replication password '$PASSWORD'" >/dev/null
HBA=$(primary 'show hba_file')
ENTRY="host    replication     $ROLE    127.0.0.1/32    scram-sha-256"
if ! grep -Eq "^host[[:space:]]+replication[[:space:]]+$ROLE[[:space:]]+127\.0\.0\.1/32" "$HBA"; then
  printf '# streaming standby for the report replica (.ci/replica.sh)\n%s\n' "$ENTRY" >>"$HBA"
  primary 'select pg_reload_conf()' >/dev/null
  log "added to $HBA: $ENTRY"
fi

# 2. The standby, if it exists: started, replaying, streaming through our slot?
streaming() {
  [ "$(standby 'select pg_is_in_recovery()' 2>/dev/null)" = t ] || return 1
  for _ in $(seq 1 20); do
    [ "$(primary "select count(*) from pg_replication_slots s join pg_stat_replication r on r.pid = s.active_pid
                  where s.slot_name = '$SLOT' and r.state = 'streaming'")" = 1 ] && return 0
    sleep 1
  done
  return 1
}
# Has the standby replayed all the primary had written when we asked? A standby that was stopped a while replays the
# WAL its slot kept first; what the caller did on the primary just before (a grant, say) is visible there only then.
caught_up() {
  local lsn
  lsn=$(primary 'select pg_current_wal_lsn()')
  for _ in $(seq 1 600); do
    [ "$(standby "select pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && return 0
    sleep 1
  done
  log "cluster $VERSION/$CLUSTER has not replayed the primary's WAL up to $lsn in 600 s"
  return 1
}
if cluster_exists; then
  pg_ctlcluster "$VERSION" "$CLUSTER" status >/dev/null 2>&1 || pg_ctlcluster "$VERSION" "$CLUSTER" start || true
  if wait_ready "$REPLICA_PORT" && streaming; then
    # a test that pauses replay and is killed leaves the standby paused: replay again
    standby "select pg_wal_replay_resume() where pg_is_wal_replay_paused()" >/dev/null
    caught_up
    log "cluster $VERSION/$CLUSTER on port $REPLICA_PORT is streaming from port $PRIMARY_PORT"
    exit 0
  fi
  log "cluster $VERSION/$CLUSTER exists but does not stream from the primary: making it again"
  pg_dropcluster --stop "$VERSION" "$CLUSTER"
fi

# 3. A new standby: the cluster's configuration from postgresql-common, its data from pg_basebackup of the primary
drop_slot
pg_createcluster "$VERSION" "$CLUSTER" --port "$REPLICA_PORT" >/dev/null
DATA=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $6 }')
find "$DATA" -mindepth 1 -delete
# a hot standby refuses to start with fewer of these than its primary has
for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
  pg_conftool "$VERSION" "$CLUSTER" set "$setting" "$(primary "show $setting")"
done
# the standby tells the primary which rows its queries still read, so vacuum there does not cancel a long report here
pg_conftool "$VERSION" "$CLUSTER" set hot_standby_feedback on
# -R writes primary_conninfo and standby.signal; -C -S creates the slot that keeps the WAL the standby still needs
runuser -u postgres -- env PGPASSWORD="$PASSWORD" pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$ROLE" -D "$DATA" \
  -R -X stream -C -S "$SLOT" --checkpoint=fast
pg_ctlcluster "$VERSION" "$CLUSTER" start
wait_ready "$REPLICA_PORT"
if ! streaming; then
  log "cluster $VERSION/$CLUSTER started but does not stream; see /var/log/postgresql/postgresql-$VERSION-$CLUSTER.log"
  exit 1
fi
caught_up
log "cluster $VERSION/$CLUSTER on port $REPLICA_PORT is streaming from port $PRIMARY_PORT (slot $SLOT)"
