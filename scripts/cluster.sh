#!/usr/bin/env bash
# A real standalone Spark cluster on this machine, from the Spark runtime the build assembled
# (cli/target/spark); works with no Spark installed.
#
#   scripts/cluster.sh start [WORKERS]   # a master and WORKERS workers (default 1) on 127.0.0.1
#   scripts/cluster.sh stop
#   scripts/cluster.sh status
#
# Environment: LAKEHOUSE_CLUSTER_DIR (pids, logs, work dirs; default /tmp/lakehouse-cluster),
# SPARK_MASTER_PORT (7077), SPARK_MASTER_WEBUI_PORT (8080), SPARK_WORKER_CORES (2),
# SPARK_WORKER_MEMORY (4g). Submit to it with:
#   scripts/lakehouse --master spark://127.0.0.1:7077 run --date 2026-11-23
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runtime="${LAKEHOUSE_SPARK_RUNTIME:-$(dirname "$here")/cli/target/spark}"
state="${LAKEHOUSE_CLUSTER_DIR:-/tmp/lakehouse-cluster}"
master_port="${SPARK_MASTER_PORT:-7077}"
webui_port="${SPARK_MASTER_WEBUI_PORT:-8080}"
worker_cores="${SPARK_WORKER_CORES:-2}"
worker_memory="${SPARK_WORKER_MEMORY:-4g}"
master_url="spark://127.0.0.1:$master_port"

opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
)

start_daemon() { # name class args...
  local name="$1"; shift
  # Workers start executors with SPARK_HOME's jars; without SPARK_SCALA_VERSION they look for a source build.
  # The daemons log at INFO (their own file): the lakehouse's log4j2.properties keeps runs at WARN.
  SPARK_HOME="$runtime" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 nohup java -Xmx1g "${opens[@]}" \
    -Dlog4j2.configurationFile="$runtime/conf/log4j2-cluster.properties" \
    -cp "$runtime/conf:$runtime/jars/*" "$@" >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
}

wait_for_log() { # file pattern seconds
  for _ in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "error: timed out waiting for '$2' in $1" >&2
  tail -n 20 "$1" >&2
  return 1
}

case "${1:-}" in
  start)
    workers="${2:-1}"
    [ -d "$runtime/jars" ] || { echo "error: no Spark runtime at $runtime: run 'mvn -DskipTests package'" >&2; exit 2; }
    mkdir -p "$state"
    if [ -f "$state/master.pid" ] && kill -0 "$(cat "$state/master.pid")" 2>/dev/null; then
      echo "error: a cluster is already running (pids in $state); stop it first" >&2
      exit 1
    fi
    start_daemon master org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$master_port" --webui-port "$webui_port"
    # A daemon that does not come up is stopped with the others: no half cluster is left running.
    wait_for_log "$state/master.log" "I have been elected leader" 60 || { "$0" stop >/dev/null; exit 1; }
    for i in $(seq 1 "$workers"); do
      mkdir -p "$state/work-$i"
      start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
        --cores "$worker_cores" --memory "$worker_memory" --work-dir "$state/work-$i" --webui-port 0 "$master_url"
      wait_for_log "$state/worker-$i.log" "Successfully registered with master" 60 || { "$0" stop >/dev/null; exit 1; }
    done
    echo "cluster up: $master_url ($workers worker(s), $worker_cores cores and $worker_memory each); logs in $state"
    ;;
  stop)
    for pid_file in "$state"/*.pid; do
      [ -f "$pid_file" ] || continue
      pid="$(cat "$pid_file")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pid_file"
    done
    echo "cluster stopped"
    ;;
  status)
    for pid_file in "$state"/*.pid; do
      [ -f "$pid_file" ] || { echo "no cluster running"; exit 0; }
      name="$(basename "$pid_file" .pid)"
      if kill -0 "$(cat "$pid_file")" 2>/dev/null; then echo "$name: running"; else echo "$name: dead"; fi
    done
    ;;
  *)
    echo "usage: scripts/cluster.sh start [WORKERS] | stop | status" >&2
    exit 2
    ;;
esac
