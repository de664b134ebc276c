#!/usr/bin/env python3
"""Per Spark stage, how even its tasks were, from Spark event logs (spark.eventLog.enabled=true).

    scripts/stage-skew.py EVENT_LOG_DIR [STAGES_PER_APPLICATION]

A stage whose slowest task took many times the median, or read many times the median of shuffled
records, is where a hot key became one long task. Records are the rows a task read from the shuffle,
so they tell skew apart from a task that was merely slow on a busy machine: the second list shows every
shuffle stage big enough to matter, by how many times its median the busiest task read.
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


# Shuffle stages that move fewer records than this are too small for their skew to cost anything.
BIG_SHUFFLE_RECORDS = 10_000


def line(stage, times, records, names):
    t, r = times[stage], records[stage]
    shuffled = (f"shuffle records median {statistics.median(r):10,.0f} max {max(r):10,} ({ratio(r):4.2f}x)"
                if max(r) > 0 else "no shuffle read")
    return (f"  stage {stage:4d} {len(t):4d} tasks  time median {statistics.median(t) / 1000:6.2f} s "
            f"max {max(t) / 1000:6.2f} s ({ratio(t):4.1f}x)  {shuffled}  {names.get(stage, '')[:50]}")


def main():
    folder = sys.argv[1]
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    for name in sorted(os.listdir(folder)):
        times, records, names = stages_of(os.path.join(folder, name))
        print(f"\n{name}: stages with more than one task, slowest task first")
        rows = [(max(t), stage) for stage, t in times.items() if len(t) > 1]
        for _, stage in sorted(rows, reverse=True)[:shown]:
            print(line(stage, times, records, names))
        shuffles = [(ratio(r), stage) for stage, r in records.items()
                    if len(r) > 1 and sum(r) >= BIG_SHUFFLE_RECORDS]
        print(f"{name}: every shuffle stage that read {BIG_SHUFFLE_RECORDS:,} records or more, most skewed first")
        for _, stage in sorted(shuffles, reverse=True):
            print(line(stage, times, records, names))
        if shuffles:
            worst, stage = max(shuffles)
            print(f"{name}: the busiest task of any such stage read {worst:.2f} times its stage's median (stage {stage})")


if __name__ == "__main__":
    main()
