#!/usr/bin/env bash
# The lakehouse's times beside references that do part of its work, as ratios measured in one run: each
# reference runs right next to the lakehouse work it is compared with (interleaved pairs, round after round),
# so a machine that gets busier slows both sides of a ratio alike and the ratio stays meaningful.
#
#   scripts/benchmark.sh [--quick] [--events N] [--days N] [--rounds R] [--work DIR]
#       (defaults: 1000000 events per day, 1 day, 3 rounds, /tmp/lakehouse-ratio-benchmark;
#        --quick: 20000 events, 1 round, to check that everything works)
#   scripts/benchmark.sh skew [EVENTS_PER_DAY] [WORK_DIR] [SHUFFLE_PARTITIONS]
#       task skew per Spark stage on a skewed day (scripts/skew-benchmark.sh)
#   scripts/benchmark.sh online [--quick] [OPTIONS]
#       publish keys/s and the online client's lookup latency beside redis-benchmark's
#       (scripts/online-benchmark.sh)
#
# Each round starts a fresh lake holding only the generated landing files, then for each day in order:
#   - floor: lakehouse.benchmark.FloorJob, the day's landing Avro written once as Parquet (one Spark app);
#   - dedup-group: lakehouse.benchmark.DedupGroupJob, the day's Avro deduplicated by event_id, grouped by
#     user and written as one Delta commit (one Spark app);
#   - night: scripts/lakehouse run --date D --conf conf/local.conf on the round's lake (one Spark app);
#   - duckdb-gold: lakehouse.benchmark.DuckDbGold, the night's gold partitions computed by DuckDB (2 threads)
#     from the night's silver Parquet; it fails the benchmark when its rows differ from gold's.
# Whole processes are timed (JVM start included) for the night and the Spark references, all through
# scripts/lakehouse with --master 'local[2]' --driver-memory 8g; gold is timed by the run report's
# layers.gold.duration_ms and DuckDB by its own clock, both inside their JVM. Ratios are lakehouse over
# reference, of the minimums and of the medians; with more than one day, each day has rows of its own, since
# later nights (with history) do more work than the first.
#
# Build first (mvn -DskipTests package). Needs bash, java and awk only.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = skew ]; then
  shift
  exec scripts/skew-benchmark.sh "$@"
fi
if [ "${1:-}" = online ]; then
  shift
  exec scripts/online-benchmark.sh "$@"
fi

events=1000000
days=1
rounds=3
work=/tmp/lakehouse-ratio-benchmark
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) events=20000; rounds=1; shift ;;
    --events|--days|--rounds|--work)
      if [ $# -lt 2 ]; then echo "error: $1 needs a value" >&2; exit 2; fi
      case "$1" in
        --events) events="$2" ;; --days) days="$2" ;; --rounds) rounds="$2" ;; --work) work="$2" ;;
      esac
      shift 2 ;;
    *) echo "error: unknown argument $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

benchmark_jar=benchmark/target/lakehouse-benchmark.jar
for jar in cli/target/lakehouse.jar "$benchmark_jar"; do
  if [ ! -f "$jar" ]; then echo "error: $jar not found: build first with 'mvn -DskipTests package'" >&2; exit 2; fi
done

spark=(--master 'local[2]' --driver-memory 8g)
first_day=2026-11-01
# The work folder is emptied: refuse one with content that an earlier benchmark did not make.
if [ -n "$(ls -A "$work" 2>/dev/null)" ] && [ ! -f "$work/.lakehouse-benchmark" ]; then
  echo "error: $work is not empty and not a benchmark's work folder: give --work a new folder" >&2
  exit 2
fi
work="$(mkdir -p "$work" && cd "$work" && pwd)"
rm -rf "${work:?}"/*
mkdir -p "$work/logs"
touch "$work/.lakehouse-benchmark"
times="$work/times.tsv"
: >"$times"

now() { date +%s.%N; }
since() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.3f", to - from }'; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$times"; }   # work, side (lakehouse|reference), seconds
day_of() { date -u -d "$first_day + $1 day" +%F; }

# A Spark reference job on the lakehouse's runtime, with the Spark settings conf/local.conf gives the night.
reference() {
  LAKEHOUSE_JAR="$benchmark_jar" LAKEHOUSE_MAIN_CLASS="lakehouse.benchmark.$1" \
    scripts/lakehouse "${spark[@]}" --conf spark.sql.shuffle.partitions=4 \
    --conf spark.databricks.delta.snapshotPartitions=4 "${@:2}"
}

echo "benchmark: $events events per day, $days day(s) from $first_day, $rounds round(s), work $work"
scripts/lakehouse "${spark[@]}" generate --out "$work/source" --from "$first_day" --days "$days" \
  --events-per-day "$events" --seed 3 >"$work/logs/generate.out" 2>"$work/logs/generate.err"

failures=0
for ((round = 1; round <= rounds; round++)); do
  lake="$work/round-$round/lake"
  mkdir -p "$lake"
  # Hard links: a fresh lake without copying the landing files (the lakehouse never writes to landing).
  cp -rl "$work/source/landing" "$lake/" 2>/dev/null || cp -r "$work/source/landing" "$lake/"
  for ((d = 0; d < days; d++)); do
    day="$(day_of "$d")"
    log="$work/logs/round-$round-$day"
    out="$work/round-$round/out-$day"

    started=$(now)
    reference FloorJob "$lake" "$day" "$out/floor" >"$log-floor.out" 2>"$log-floor.err"
    floor=$(since "$started")
    started=$(now)
    reference DedupGroupJob "$lake" "$day" "$out/dedup-group" >"$log-dedup-group.out" 2>"$log-dedup-group.err"
    dedup=$(since "$started")

    run_id="bench-r$round-$day"
    started=$(now)
    status=0
    scripts/lakehouse "${spark[@]}" run --date "$day" --conf conf/local.conf --lake "$lake" --run-id "$run_id" \
      >"$log-night.out" 2>"$log-night.err" || status=$?
    night=$(since "$started")
    if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
      echo "error: the night of $day (round $round) failed with exit status $status: see $log-night.err" >&2
      exit 1
    fi

    status=0
    java -cp "$benchmark_jar" lakehouse.benchmark.DuckDbGold "$lake" "$lake/_runs/$run_id.json" "$out/duckdb-gold" \
      >"$log-duckdb-gold.out" 2>"$log-duckdb-gold.err" || status=$?
    if [ "$status" -ne 0 ]; then
      echo "round $round $day: DuckDB's gold differs from the night's or failed (exit $status):" \
        "see $log-duckdb-gold.out" >&2
      failures=$((failures + 1))
    fi
    duckdb=$(sed -n 's/^seconds=//p' "$log-duckdb-gold.out")
    gold=$(sed -n 's/^gold_seconds=//p' "$log-duckdb-gold.out")

    # Days differ in work (later nights have history), so each day is a work of its own.
    on=""
    [ "$days" -gt 1 ] && on=", $day"
    record "night vs floor$on" lakehouse "$night"
    record "night vs floor$on" reference "$floor"
    record "night vs dedup-group$on" lakehouse "$night"
    record "night vs dedup-group$on" reference "$dedup"
    if [ -n "$duckdb" ] && [ -n "$gold" ]; then
      record "gold vs DuckDB gold$on" lakehouse "$gold"
      record "gold vs DuckDB gold$on" reference "$duckdb"
    fi
    echo "round $round $day: floor ${floor} s, dedup-group ${dedup} s, night ${night} s (gold ${gold:-?} s)," \
      "DuckDB gold ${duckdb:-?} s"
    rm -rf "$out"
  done
done

# Minimum and median of one work's times on one side, from times.tsv.
stats() {
  awk -F'\t' -v work="$1" -v side="$2" '$1 == work && $2 == side { print $3 }' "$times" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- -"; exit }
           median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", v[1], median }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.1f", a / b; else print "-" }'; }

echo
rule="-------------------------"
printf '%-34s | %-23s | %-23s | %s\n' work "lakehouse min / median" "reference min / median" "ratio min / median"
printf '%s\n' "----------$rule|$rule|$rule|-------------------"
cut -f1 "$times" | awk '!seen[$0]++' | while IFS= read -r work_name; do
  read -r lake_min lake_median <<<"$(stats "$work_name" lakehouse)"
  read -r ref_min ref_median <<<"$(stats "$work_name" reference)"
  printf '%-34s | %9s / %9s s | %9s / %9s s | %7s / %s\n' "$work_name" "$lake_min" "$lake_median" \
    "$ref_min" "$ref_median" "$(ratio "$lake_min" "$ref_min")" "$(ratio "$lake_median" "$ref_median")"
done
echo "(times in $times, logs in $work/logs)"

if [ "$failures" -gt 0 ]; then
  echo "error: DuckDB's gold differed from the night's gold or failed $failures time(s)" >&2
  exit 1
fi
