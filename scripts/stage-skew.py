#!/usr/bin/env python3
"""Per Spark stage, how even its tasks were, from Spark event logs (spark.eventLog.enabled=true).

    scripts/stage-skew.py EVENT_LOG_DIR [STAGES_PER_APPLICATION]

A stage whose slowest task took many times the median, or read many times the median of shuffled
records, is where a hot key became one long task. Records are the rows a task read from the shuffle,
so they tell skew apart from a task that was merely slow on a busy machine.
"""
import json
import os
import statistics
import sys


def stages_of(log_path):
    times, records, names = {}, {}, {}
    with open(log_path) as log:
        for line in log:
            event = json.loads(line)
            kind = event.get("Event")
            if kind == "SparkListenerTaskEnd":
                stage = event["Stage ID"]
                info = event["Task Info"]
                times.setdefault(stage, []).append(info["Finish Time"] - info["Launch Time"])
                shuffle = (event.get("Task Metrics") or {}).get("Shuffle Read Metrics") or {}
                records.setdefault(stage, []).append(shuffle.get("Total Records Read", 0))
            elif kind == "SparkListenerStageCompleted":
                names[event["Stage Info"]["Stage ID"]] = event["Stage Info"]["Stage Name"]
    return times, records, names


def ratio(values):
    return max(values) / max(statistics.median(values), 1)


def main():
    folder = sys.argv[1]
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    for name in sorted(os.listdir(folder)):
        times, records, names = stages_of(os.path.join(folder, name))
        print(f"\n{name}: stages with more than one task, slowest task first")
        rows = [(max(t), stage) for stage, t in times.items() if len(t) > 1]
        for slowest, stage in sorted(rows, reverse=True)[:shown]:
            t, r = times[stage], records[stage]
            shuffled = (f"shuffle records median {statistics.median(r):10,.0f} max {max(r):10,} ({ratio(r):4.1f}x)"
                        if max(r) > 0 else "no shuffle read")
            print(f"  stage {stage:4d} {len(t):4d} tasks  time median {statistics.median(t) / 1000:6.2f} s "
                  f"max {slowest / 1000:6.2f} s ({ratio(t):4.1f}x)  {shuffled}  {names.get(stage, '')[:50]}")


if __name__ == "__main__":
    main()
