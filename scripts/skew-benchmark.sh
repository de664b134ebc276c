#!/usr/bin/env bash
# Measures one nightly run on a generated day with skewed keys (a hot user and a hot ad), and shows
# per Spark stage how even its tasks were: a stage whose slowest task is many times its median is
# where a hot key turned into one long task.
#
#   scripts/skew-benchmark.sh [EVENTS_PER_DAY] [WORK_DIR] [SHUFFLE_PARTITIONS]
#       (defaults: 2000000, /tmp/lakehouse-benchmark, the configuration's)
#
# A hot key shows only when there are many more shuffle partitions than keys that matter: with the 4
# of conf/local.conf, a key with 5% of the rows adds 20% to one task and hides; with 64 it would make
# one task several times the median. So measure skew with 64 or more: SHUFFLE_PARTITIONS also turns
# off adaptive execution's coalescing of small shuffle partitions, which would otherwise merge them
# back into a few tasks.
#
# Build first (mvn -DskipTests package). The summary needs python3; the raw Spark event log is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-2000000}"
work="${2:-/tmp/lakehouse-benchmark}"
shuffle=()
[ -n "${3:-}" ] && shuffle=(--conf "spark.sql.shuffle.partitions=$3"
  --conf spark.sql.adaptive.coalescePartitions.enabled=false)
rm -rf "$work"
mkdir -p "$work/events"
lake="$work/lake"

scripts/lakehouse generate --out "$lake" --from 2026-11-01 --days 2 --events-per-day "$events" --seed 3
for day in 2026-11-01 2026-11-02; do
  started=$SECONDS
  status=0
  scripts/lakehouse "${shuffle[@]}" --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$work/events" \
    run --date "$day" --lake "$lake" --conf conf/local.conf 2>"$work/run-$day.err" || status=$?
  echo "run $day: exit status $status in $((SECONDS - started)) s (log: $work/run-$day.err)"
done

if command -v python3 >/dev/null; then
  scripts/stage-skew.py "$work/events"
else
  echo "python3 not found: the Spark event logs are in $work/events (scripts/stage-skew.py summarises them)"
fi
