#!/usr/bin/env bash
# Starts or stops the database servers the equivalence tests run against, on 127.0.0.1 only:
#   PostgreSQL 15 (Debian's binaries, run as the postgres user) on port 55432, and
#   ClickHouse (Debian's clickhouse-server, foreground process with its own config) on HTTP port 58123.
# Everything lives under $CICLO_SERVICES_DIR (default /tmp/ciclo-services). Prints the connection
# strings as shell exports on start:  eval "$(scripts/services.sh start)"
set -euo pipefail
DIR="${CICLO_SERVICES_DIR:-/tmp/ciclo-services}"
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=55432
CHPORT=58123
CHTCP=59000

install_packages() {
  local need=()
  [ -x "$PGBIN/initdb" ] || need+=(postgresql-15)
  command -v clickhouse-server >/dev/null 2>&1 || need+=(clickhouse-server clickhouse-client)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  fi
  id postgres >/dev/null 2>&1 || useradd --system postgres
}

start_postgres() {
  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    rm -rf "$DIR/pg"
    install -d -o postgres -g postgres -m 700 "$DIR/pg" "$DIR/pg/data" "$DIR/pg/sock"
    runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
  fi
  if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg/data" status >/dev/null 2>&1; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/pg.log" -w -t 30 \
      -o "-p $PGPORT -k $DIR/pg/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
  fi
}

start_clickhouse() {
  # config.d: further cluster definitions (the tests add a two-shard cluster per workspace there;
  # the server reloads them within seconds).
  mkdir -p "$DIR/ch/data" "$DIR/ch/tmp" "$DIR/ch/user_files" "$DIR/ch/log" "$DIR/ch/config.d"
  cat > "$DIR/ch/users.xml" <<XML
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
  cat > "$DIR/ch/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$DIR/ch/log/server.log</log><errorlog>$DIR/ch/log/error.log</errorlog></logger>
  <http_port>$CHPORT</http_port>
  <tcp_port>$CHTCP</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$DIR/ch/data/</path>
  <tmp_path>$DIR/ch/tmp/</tmp_path>
  <user_files_path>$DIR/ch/user_files/</user_files_path>
  <users_config>$DIR/ch/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers>
    <ciclo_two_shards>
      <shard><replica><host>127.0.0.1</host><port>$CHTCP</port><default_database>ciclo_shard_1</default_database></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$CHTCP</port><default_database>ciclo_shard_2</default_database></replica></shard>
    </ciclo_two_shards>
  </remote_servers>
</yandex>
XML
  if ! curl -sf "http://127.0.0.1:$CHPORT/ping" >/dev/null 2>&1; then
    setsid nohup clickhouse-server --config-file="$DIR/ch/config.xml" >"$DIR/ch/log/stdout.log" 2>&1 < /dev/null &
    echo $! > "$DIR/ch/pid"
    for _ in $(seq 1 100); do
      curl -sf "http://127.0.0.1:$CHPORT/ping" >/dev/null 2>&1 && break
      sleep 0.1
    done
    curl -sf "http://127.0.0.1:$CHPORT/ping" >/dev/null || { echo "ClickHouse did not start; see $DIR/ch/log" >&2; exit 1; }
  fi
}

case "${1:-start}" in
  start)
    install_packages
    mkdir -p "$DIR"
    start_postgres
    start_clickhouse
    echo "export CICLO_TEST_POSTGRES='Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres'"
    echo "export CICLO_TEST_CLICKHOUSE='clickhouse://127.0.0.1:$CHPORT/default'"
    echo "export CICLO_TEST_CLICKHOUSE_CLUSTERS='$DIR/ch/config.d'"
    echo "export CICLO_TEST_CLICKHOUSE_TCP='$CHTCP'"
    ;;
  stop)
    if [ -f "$DIR/pg/data/PG_VERSION" ]; then
      runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ -f "$DIR/ch/pid" ]; then
      kill "$(cat "$DIR/ch/pid")" 2>/dev/null || true
      rm -f "$DIR/ch/pid"
    fi
    pkill -f "clickhouse-server --config-file=$DIR/ch/config.xml" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
