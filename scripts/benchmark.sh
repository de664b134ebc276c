#!/usr/bin/env bash
# Measures one nightly run on a generated day with skewed keys (a hot user and a hot ad), and shows
# per Spark stage how even its tasks were: a stage whose slowest task is many times its median is
# where a hot key turned into one long task.
#
#   scripts/benchmark.sh [EVENTS_PER_DAY] [WORK_DIR]      (defaults: 2000000, /tmp/lakehouse-benchmark)
#
# Build first (mvn -DskipTests package). The summary needs python3; the raw Spark event log is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-2000000}"
work="${2:-/tmp/lakehouse-benchmark}"
rm -rf "$work"
mkdir -p "$work/events"
lake="$work/lake"

scripts/lakehouse generate --out "$lake" --from 2026-11-01 --days 2 --events-per-day "$events" --seed 3
for day in 2026-11-01 2026-11-02; do
  started=$SECONDS
  status=0
  scripts/lakehouse --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$work/events" \
    run --date "$day" --lake "$lake" --conf conf/local.conf 2>"$work/run-$day.err" || status=$?
  echo "run $day: exit status $status in $((SECONDS - started)) s (log: $work/run-$day.err)"
done

if command -v python3 >/dev/null; then
  python3 - "$work/events" <<'PY'
import json, os, statistics, sys
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    stages, names = {}, {}
    with open(os.path.join(folder, name)) as log:
        for line in log:
            event = json.loads(line)
            kind = event.get("Event")
            if kind == "SparkListenerTaskEnd":
                info = event["Task Info"]
                stages.setdefault(event["Stage ID"], []).append(info["Finish Time"] - info["Launch Time"])
            elif kind == "SparkListenerStageCompleted":
                names[event["Stage Info"]["Stage ID"]] = event["Stage Info"]["Stage Name"]
    print(f"\n{name}: stages with more than one task, slowest first")
    rows = [(max(t), statistics.median(t), len(t), s) for s, t in stages.items() if len(t) > 1]
    for slowest, median, count, stage in sorted(rows, reverse=True)[:12]:
        print(f"  stage {stage:4d} {count:4d} tasks  median {median/1000:6.2f} s  max {slowest/1000:6.2f} s  "
              f"max/median {slowest/max(median,1):5.1f}  {names.get(stage, '')[:60]}")
PY
else
  echo "python3 not found: the Spark event logs are in $work/events"
fi
