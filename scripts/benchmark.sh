#!/usr/bin/env bash
# The lakehouse's times beside references that do part of its work, as ratios measured in one run: each
# reference runs right next to the lakehouse work it is compared with (interleaved pairs, round after round),
# so a machine that gets busier slows both sides of a ratio alike and the ratio stays meaningful.
#
#   scripts/benchmark.sh [--quick] [--events N] [--small-events N] [--days N] [--rounds R] [--work DIR]
#       nights beside their references (defaults: 1000000 and 100000 events per day, 1 day, 3 rounds;
#       --quick: 20000 and 5000 events, 1 round, the quick JIT alone, to check that everything works)
#   scripts/benchmark.sh history [--quick] [--events N] [--nights N] [--rounds R] [--work DIR]
#       night N beside night 2 of the same size: is the cost flat as history grows?
#       (defaults: 200000 events per day, 30 nights, 3 rounds; --quick: 5000 events, 4 nights, 1 round)
#   scripts/benchmark.sh backfill [--quick] [--events N] [--days N] [--rounds R] [--work DIR]
#       a backfill of N days beside the N single nights of the same days, each on a fresh lake
#       (defaults: 200000 events per day, 7 days, 3 rounds; --quick: 5000 events, 2 days, 1 round)
#   scripts/benchmark.sh big [--events N] [--driver-memory M] [--work DIR]
#       one night of N events (default 10000000) with a driver of M (default 4g) beside its floor, and the
#       peak driver heap of each from the JVM's GC log
#   scripts/benchmark.sh skew [EVENTS_PER_DAY] [WORK_DIR] [SHUFFLE_PARTITIONS]
#       task skew per Spark stage on a skewed day (scripts/skew-benchmark.sh)
#   scripts/benchmark.sh online [--quick] [OPTIONS]
#       publish keys/s and the online client's lookup latency beside redis-benchmark's
#       (scripts/online-benchmark.sh)
#
# The references:
#   - floor: lakehouse.benchmark.FloorJob, the day's landing Avro read with spark-avro and written once as
#     Parquet (one Spark application): what the engine needs to read and write the day's data;
#   - dedup-group: lakehouse.benchmark.DedupGroupJob, the day's Avro deduplicated by event_id, grouped by
#     user and written as one Delta commit (one Spark application);
#   - duckdb-silver, duckdb-gold: lakehouse.benchmark.DuckDbSilver and DuckDbGold, DuckDB (2 threads, no
#     Spark) doing the night's silver from its bronze and its gold from its silver; each fails the benchmark
#     when its counts or rows differ from the night's;
#   - spark-silver, spark-gold: lakehouse.benchmark.SparkSilver and SparkGold, the same queries as DuckDB's
#     in plain Spark SQL, from the same bronze files or silver tables to Parquet (no Delta commits,
#     staging, checks or ledger), the second of two runs in one application timed: what Spark alone
#     needs for the layer's work; checked like DuckDB's.
# Whole processes are timed (JVM start included) for nights and Spark references, all through
# scripts/lakehouse with --master 'local[2]' and the same driver memory; silver and gold are timed by the
# run report's layers.<layer>.duration_ms and DuckDB by its own clock, both inside their JVM. Ratios are
# lakehouse over reference, of the minimums and of the medians.
#
# Build first (mvn -DskipTests package). Needs bash, java and awk only.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=ratio
case "${1:-}" in
  skew) shift; exec scripts/skew-benchmark.sh "$@" ;;
  online) shift; exec scripts/online-benchmark.sh "$@" ;;
  history|backfill|big) mode="$1"; shift ;;
esac

quick=false
case "$mode" in
  ratio) events=1000000; small_events=100000; days=1; rounds=3 ;;
  history) events=200000; days=30; rounds=3 ;;
  backfill) events=200000; days=7; rounds=3 ;;
  big) events=10000000; days=1; rounds=1 ;;
esac
driver_memory=8g
[ "$mode" = big ] && driver_memory=4g
work=/tmp/lakehouse-benchmark-$mode
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --events|--small-events|--days|--nights|--rounds|--work|--driver-memory)
      if [ $# -lt 2 ]; then echo "error: $1 needs a value" >&2; exit 2; fi
      case "$1" in
        --events) events="$2" ;; --small-events) small_events="$2" ;; --days|--nights) days="$2" ;;
        --rounds) rounds="$2" ;; --work) work="$2" ;; --driver-memory) driver_memory="$2" ;;
      esac
      shift 2 ;;
    *) echo "error: unknown argument $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
if $quick; then
  rounds=1
  case "$mode" in
    ratio) events=20000; small_events=5000 ;;
    history) events=5000; days=4 ;;
    backfill) events=5000; days=2 ;;
    big) events=50000 ;;
  esac
  # Quick runs only check that everything works: every JVM of the lakehouse and of the Spark references
  # with the quick JIT alone and the serial collector, which halves the processor time of small nights
  # (docs/SCALING.md). Timed runs keep the JVM's defaults, as a nightly run does.
  export LAKEHOUSE_JAVA_OPTS="${LAKEHOUSE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
fi
if [ "$mode" = history ] && [ "$days" -lt 3 ]; then
  echo "error: --nights must be at least 3 (night 2 is compared with the last)" >&2
  exit 2
fi

benchmark_jar=benchmark/target/lakehouse-benchmark.jar
for jar in cli/target/lakehouse.jar "$benchmark_jar"; do
  if [ ! -f "$jar" ]; then echo "error: $jar not found: build first with 'mvn -DskipTests package'" >&2; exit 2; fi
done

spark=(--master 'local[2]' --driver-memory "$driver_memory")
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
logs="$work/logs"

now() { date +%s.%N; }
since() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.3f", to - from }'; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$times"; }   # work, side (lakehouse|reference), seconds
day_of() { date -u -d "$first_day + $1 day" +%F; }
last_day() { day_of "$(($1 - 1))"; }

# Generated landing files of DAYS days of EVENTS events each, under FOLDER/landing.
generate() { # FOLDER EVENTS DAYS
  scripts/lakehouse "${spark[@]}" generate --out "$1" --from "$first_day" --days "$3" \
    --events-per-day "$2" --seed 3 >"$logs/generate-$2.out" 2>"$logs/generate-$2.err"
}

# A fresh lake holding only SOURCE's landing files: hard links (the lakehouse never writes to landing).
fresh_lake() { # SOURCE LAKE
  rm -rf "$2" && mkdir -p "$2"
  cp -rl "$1/landing" "$2/" 2>/dev/null || cp -r "$1/landing" "$2/"
}

# Runs a command, its output in LOG.out/.err, and prints its wall time; fails the benchmark if it fails.
timed() { # LOG COMMAND...
  local log="$1" started status=0
  shift
  started=$(now)
  "$@" >"$log.out" 2>"$log.err" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "error: '$*' failed with exit status $status: see $log.err" >&2
    exit 1
  fi
  since "$started"
}

# A Spark reference job on the lakehouse's runtime, with the Spark settings conf/local.conf gives the night.
reference() {
  LAKEHOUSE_JAR="$benchmark_jar" LAKEHOUSE_MAIN_CLASS="lakehouse.benchmark.$1" \
    scripts/lakehouse "${spark[@]}" --conf spark.sql.shuffle.partitions=4 \
    --conf spark.databricks.delta.snapshotPartitions=4 "${@:2}"
}
lakehouse() { scripts/lakehouse "${spark[@]}" "$@"; }

# Runs a layer's reference (DuckDbSilver and DuckDbGold with plain java, SparkSilver and SparkGold through
# the Spark runtime) on a night's lake and report; records its pair.
layer_pair() { # CLASS LAYER LAKE RUN_ID OUT WORK_NAME LOG
  local status=0 seconds layer_seconds
  if [[ "$1" == Spark* ]]; then
    reference "$1" "$3" "$3/_runs/$4.json" "$5" >"$7.out" 2>"$7.err" || status=$?
  else
    java -cp "$benchmark_jar" "lakehouse.benchmark.$1" "$3" "$3/_runs/$4.json" "$5" >"$7.out" 2>"$7.err" || status=$?
  fi
  if [ "$status" -ne 0 ]; then
    echo "error: $1 differs from the night's $2 or failed (exit $status): see $7.out" >&2
    echo "$1 $4" >>"$work/failures"
  fi
  seconds=$(sed -n 's/^seconds=//p' "$7.out")
  layer_seconds=$(sed -n "s/^$2_seconds=//p" "$7.out")
  if [ -n "$seconds" ] && [ -n "$layer_seconds" ]; then
    record "$6" lakehouse "$layer_seconds"
    record "$6" reference "$seconds"
  fi
  echo "${layer_seconds:-?} s beside $1 ${seconds:-?} s"
}

ratio_benchmark() {
  echo "benchmark: nights of $events and $small_events events, $days day(s) from $first_day, $rounds round(s), work $work"
  generate "$work/source" "$events" "$days"
  generate "$work/small-source" "$small_events" "$days"
  for ((round = 1; round <= rounds; round++)); do
    local lake="$work/round-$round/lake" small_lake="$work/round-$round/small-lake"
    fresh_lake "$work/source" "$lake"
    fresh_lake "$work/small-source" "$small_lake"
    for ((d = 0; d < days; d++)); do
      local day on="" log out floor dedup night small_floor small_night silver spark_silver gold spark_gold
      day="$(day_of "$d")"
      log="$logs/round-$round-$day"
      out="$work/round-$round/out-$day"
      [ "$days" -gt 1 ] && on=", $day"

      floor=$(timed "$log-floor" reference FloorJob "$lake" "$day" "$out/floor")
      dedup=$(timed "$log-dedup-group" reference DedupGroupJob "$lake" "$day" "$out/dedup-group")
      night=$(timed "$log-night" lakehouse run --date "$day" --conf conf/local.conf --lake "$lake" \
        --run-id "bench-r$round-$day")
      record "night of $events vs floor$on" lakehouse "$night"
      record "night of $events vs floor$on" reference "$floor"
      record "night of $events vs dedup-group$on" lakehouse "$night"
      record "night of $events vs dedup-group$on" reference "$dedup"
      silver=$(layer_pair DuckDbSilver silver "$lake" "bench-r$round-$day" "$out/duckdb-silver" \
        "silver vs DuckDB silver$on" "$log-duckdb-silver")
      spark_silver=$(layer_pair SparkSilver silver "$lake" "bench-r$round-$day" "$out/spark-silver" \
        "silver vs Spark silver$on" "$log-spark-silver")
      gold=$(layer_pair DuckDbGold gold "$lake" "bench-r$round-$day" "$out/duckdb-gold" \
        "gold vs DuckDB gold$on" "$log-duckdb-gold")
      spark_gold=$(layer_pair SparkGold gold "$lake" "bench-r$round-$day" "$out/spark-gold" \
        "gold vs Spark gold$on" "$log-spark-gold")

      small_floor=$(timed "$log-small-floor" reference FloorJob "$small_lake" "$day" "$out/small-floor")
      small_night=$(timed "$log-small-night" lakehouse run --date "$day" --conf conf/local.conf \
        --lake "$small_lake" --run-id "bench-small-r$round-$day")
      record "night of $small_events vs floor$on" lakehouse "$small_night"
      record "night of $small_events vs floor$on" reference "$small_floor"
      echo "round $round $day: night ${night} s (floor ${floor} s, dedup-group ${dedup} s); silver ${silver}, ${spark_silver};" \
        "gold ${gold}, ${spark_gold}; night of $small_events ${small_night} s (floor ${small_floor} s)"
      rm -rf "$out"
    done
  done
}

# Night N and night 2 of the same size, side by side: the lake after night 1 and the lake after night N-1
# are kept, and each round runs night 2 on a copy of the first and night N on a copy of the second.
history_benchmark() {
  echo "benchmark: night $days beside night 2, $events events per night, $rounds round(s), work $work"
  generate "$work/source" "$events" "$days"
  local lake="$work/history-lake" day seconds
  fresh_lake "$work/source" "$lake"
  # Night 1 alone, then nights 2 to N-1 as one backfill: the same tables as single nights, one JVM.
  day="$(day_of 0)"
  seconds=$(timed "$logs/history-$day" lakehouse run --date "$day" --conf conf/local.conf --lake "$lake" \
    --run-id "history-$day")
  echo "history night 1 ($day): $seconds s"
  cp -r "$lake" "$work/after-night-1"
  if [ "$days" -gt 2 ]; then
    seconds=$(timed "$logs/history-backfill" lakehouse backfill --from "$(day_of 1)" \
      --to "$(day_of $((days - 2)))" --conf conf/local.conf --lake "$lake")
    echo "history nights 2 to $((days - 1)) as one backfill: $seconds s"
  fi
  mv "$lake" "$work/after-night-$((days - 1))"
  local second last
  second="$(day_of 1)"
  last="$(last_day "$days")"
  for ((round = 1; round <= rounds; round++)); do
    local early late
    rm -rf "$work/trial" && cp -r "$work/after-night-1" "$work/trial"
    early=$(timed "$logs/round-$round-night-2" lakehouse run --date "$second" --conf conf/local.conf \
      --lake "$work/trial" --run-id "trial-r$round-$second")
    rm -rf "$work/trial" && cp -r "$work/after-night-$((days - 1))" "$work/trial"
    late=$(timed "$logs/round-$round-night-$days" lakehouse run --date "$last" --conf conf/local.conf \
      --lake "$work/trial" --run-id "trial-r$round-$last")
    record "night $days vs night 2 ($events events)" lakehouse "$late"
    record "night $days vs night 2 ($events events)" reference "$early"
    echo "round $round: night 2 $early s, night $days $late s"
  done
  rm -rf "$work/trial"
}

# A backfill of the days beside the single nights of the same days, each side on a fresh lake per round.
backfill_benchmark() {
  echo "benchmark: a $days-day backfill beside $days single nights, $events events per day, $rounds round(s)," \
    "work $work"
  generate "$work/source" "$events" "$days"
  local first last
  first="$(day_of 0)"
  last="$(last_day "$days")"
  for ((round = 1; round <= rounds; round++)); do
    local nights=0 backfill d day seconds
    fresh_lake "$work/source" "$work/nights-lake"
    for ((d = 0; d < days; d++)); do
      day="$(day_of "$d")"
      seconds=$(timed "$logs/round-$round-night-$day" lakehouse run --date "$day" --conf conf/local.conf \
        --lake "$work/nights-lake" --run-id "night-r$round-$day")
      nights=$(awk -v a="$nights" -v b="$seconds" 'BEGIN { printf "%.3f", a + b }')
    done
    fresh_lake "$work/source" "$work/backfill-lake"
    backfill=$(timed "$logs/round-$round-backfill" lakehouse backfill --from "$first" --to "$last" \
      --conf conf/local.conf --lake "$work/backfill-lake")
    record "$days-day backfill vs $days single nights" lakehouse "$backfill"
    record "$days-day backfill vs $days single nights" reference "$nights"
    echo "round $round: $days single nights $nights s, backfill $backfill s"
    rm -rf "$work/nights-lake" "$work/backfill-lake"
  done
}

# Peak heap of a JVM from its GC log: the largest heap occupancy before a collection, in MiB.
peak_heap_mib() {
  grep -o '[0-9]*M->[0-9]*M' "$1" | awk -F'M->' '{ if ($1 + 0 > max) max = $1 + 0 } END { print max + 0 }'
}

big_benchmark() {
  echo "benchmark: one night of $events events with --driver-memory $driver_memory, work $work"
  generate "$work/source" "$events" 1
  local lake="$work/lake" day floor night
  day="$(day_of 0)"
  fresh_lake "$work/source" "$lake"
  floor=$(LAKEHOUSE_JAVA_OPTS="-Xlog:gc:file=$logs/floor-gc.log" timed "$logs/floor" \
    reference FloorJob "$lake" "$day" "$work/floor-out")
  night=$(LAKEHOUSE_JAVA_OPTS="-Xlog:gc:file=$logs/night-gc.log" timed "$logs/night" \
    lakehouse run --date "$day" --conf conf/local.conf --lake "$lake" --run-id big)
  record "night of $events vs floor ($driver_memory driver)" lakehouse "$night"
  record "night of $events vs floor ($driver_memory driver)" reference "$floor"
  echo "night $night s (peak driver heap $(peak_heap_mib "$logs/night-gc.log") MiB);" \
    "floor $floor s (peak heap $(peak_heap_mib "$logs/floor-gc.log") MiB)"
  rm -rf "$work/floor-out"
}

"${mode}_benchmark"

# Minimum and median of one work's times on one side, from times.tsv.
stats() {
  awk -F'\t' -v work="$1" -v side="$2" '$1 == work && $2 == side { print $3 }' "$times" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- -"; exit }
           median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", v[1], median }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }

echo
rule="-------------------------"
printf '%-44s | %-23s | %-23s | %s\n' work "lakehouse min / median" "reference min / median" "ratio min / median"
printf '%s\n' "--------------------$rule|$rule|$rule|-------------------"
cut -f1 "$times" | awk '!seen[$0]++' | while IFS= read -r work_name; do
  read -r lake_min lake_median <<<"$(stats "$work_name" lakehouse)"
  read -r ref_min ref_median <<<"$(stats "$work_name" reference)"
  printf '%-44s | %9s / %9s s | %9s / %9s s | %7s / %s\n' "$work_name" "$lake_min" "$lake_median" \
    "$ref_min" "$ref_median" "$(ratio "$lake_min" "$ref_min")" "$(ratio "$lake_median" "$ref_median")"
done
echo "(machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
  "times in $times, logs in $logs)"

if [ -s "$work/failures" ]; then
  echo "error: a DuckDB reference differed from the night's tables or failed $(wc -l <"$work/failures") time(s)" >&2
  exit 1
fi
