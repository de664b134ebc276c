#!/usr/bin/env bash
# The online store's figures beside Redis's own: how fast publish writes users' features (keys per second),
# and the online client's lookup latency beside redis-benchmark's on the same Redis and the same key.
#
#   scripts/online-benchmark.sh [--quick] [--lake DIR] [--date D] [--events N] [--users N] [--rounds R]
#                               [--turns T] [--lookups N] [--limit K] [--work DIR]
#       (also scripts/benchmark.sh online ...)
#   defaults: a night of 1,000,000 generated events (about 50,000 users) and a synthetic day of 1,000,000
#   users, 3 rounds, 5 turns of 20,000 lookups per side, work folder /tmp/lakehouse-online-benchmark;
#   --quick: the synthetic day only, 20,000 users, 1 round, 2 turns of 10,000 lookups, no lookups during a
#   publish (under a minute on an idle 2-core machine). --lake DIR: a lake whose gold holds user_features as of --date (default
#   2026-11-01), used as it is instead of generating and running a night. --limit K: one more publish
#   with lakehouse.online.redis.max-writes-per-second=K, to see lookups during a paced publish.
#
# It starts a redis-server of its own (no persistence) on a free loopback port and stops it at the end.
# Per lake and round:
#   - publish: scripts/lakehouse publish --date D into the emptied Redis; keys/s is the run report's
#     rows_read over its duration_ms (reading gold and writing Redis) and, beside it, over the whole
#     process (JVM and Spark start-up included);
#   - idle lookups, in turns: redis-benchmark -c 1 -P 1 HGETALL of one published user (--csv: its p50 and
#     p99), then lakehouse.benchmark.LookupLatency (the project's OnlineFeatureClient, one lookup at a
#     time after a warm-up, in a JVM of its own with the client's jars only) on the same user and on
#     sampled users; once, the same user from a new JVM without warm-up (the JIT still compiling);
#   - lookups during a publish: LookupLatency beside a second publish of the same date, keeping the
#     lookups made while its writes were going on.
# Ratios are the client's percentile over redis-benchmark's, of medians over all turns and rounds.
#
# Build first (mvn -DskipTests package). Needs bash, java, awk, redis-server and redis-benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
lake=""
date=2026-11-01
events=1000000
users=1000000
rounds=3
lookups=20000
turns=5
limit=0
work=/tmp/lakehouse-online-benchmark
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; users=20000; rounds=1; lookups=10000; turns=2; shift ;;
    --lake|--date|--events|--users|--rounds|--lookups|--turns|--limit|--work)
      if [ $# -lt 2 ]; then echo "error: $1 needs a value" >&2; exit 2; fi
      case "$1" in
        --lake) lake="$2" ;; --date) date="$2" ;; --events) events="$2" ;; --users) users="$2" ;;
        --rounds) rounds="$2" ;; --lookups) lookups="$2" ;; --turns) turns="$2" ;; --limit) limit="$2" ;;
        --work) work="$2" ;;
      esac
      shift 2 ;;
    *) echo "error: unknown argument $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

benchmark_jar=benchmark/target/lakehouse-benchmark.jar
client_jar=benchmark/target/lakehouse-online-benchmark.jar
for jar in cli/target/lakehouse.jar "$benchmark_jar" "$client_jar"; do
  if [ ! -f "$jar" ]; then echo "error: $jar not found: build first with 'mvn -DskipTests package'" >&2; exit 2; fi
done
for program in redis-server redis-benchmark redis-cli; do
  if ! command -v "$program" >/dev/null; then
    echo "error: $program is not on PATH (apt-get install -y redis-server redis-tools)" >&2
    exit 2
  fi
done
if [ -n "$lake" ] && [ ! -d "$lake/gold/user_features" ]; then
  echo "error: --lake $lake has no gold/user_features: run a night on it first" >&2
  exit 2
fi

# The work folder is emptied: refuse one with content that an earlier online benchmark did not make.
if [ -n "$(ls -A "$work" 2>/dev/null)" ] && [ ! -f "$work/.lakehouse-online-benchmark" ]; then
  echo "error: $work is not empty and not an online benchmark's work folder: give --work a new folder" >&2
  exit 2
fi
work="$(mkdir -p "$work" && cd "$work" && pwd)"
rm -rf "${work:?}"/*
mkdir -p "$work/logs" "$work/redis"
touch "$work/.lakehouse-online-benchmark"
results="$work/results.tsv"   # measure, name, value
: >"$results"
spark=(--master 'local[2]' --driver-memory 8g)

# A loopback port nothing listens on.
port=6391
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/redis" \
  --daemonize no >"$work/logs/redis.log" 2>&1 &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$port" ping >/dev/null
redis() { redis-cli -p "$port" "$@"; }

echo "online benchmark: redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on port $port," \
  "$rounds round(s), $turns turn(s) of $lookups lookups per side, work $work"

# The lakes: a night's gold (unless --quick) and a synthetic day of --users users.
lakes=()
if ! $quick; then
  if [ -z "$lake" ]; then
    lake="$work/night-lake"
    echo "night lake: generating $events events of $date and running the night (this takes minutes)"
    scripts/lakehouse "${spark[@]}" generate --out "$lake" --from "$date" --days 1 --events-per-day "$events" \
      --seed 3 >"$work/logs/generate.out" 2>"$work/logs/generate.err"
    scripts/lakehouse "${spark[@]}" run --date "$date" --conf conf/local.conf --lake "$lake" --run-id night \
      >"$work/logs/night.out" 2>"$work/logs/night.err"
  fi
  lakes+=("night=$lake")
fi
synthetic="$work/synthetic-lake"
LAKEHOUSE_JAR="$benchmark_jar" LAKEHOUSE_MAIN_CLASS=lakehouse.benchmark.SyntheticUserFeatures \
  scripts/lakehouse "${spark[@]}" "$synthetic" "$date" "$users" \
  >"$work/logs/synthetic.out" 2>"$work/logs/synthetic.err"
lakes+=("synthetic=$synthetic")

now() { date +%s.%N; }
since() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.3f", to - from }'; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"; }
# A field of the online object of a run report (the report's own duration_ms comes before it).
report_field() { sed -n '/"layers"/,$p' "$1" | sed -n "s/.*\"$2\" : \([0-9]*\).*/\1/p" | head -1; }

# Publishes the date from the lake into Redis under the run id, with more options if given.
publish() {
  local lake_dir=$1 run_id=$2
  shift 2
  scripts/lakehouse "${spark[@]}" publish --date "$date" --conf conf/local.conf --lake "$lake_dir" \
    --run-id "$run_id" --set "online.redis.port=$port" "$@" \
    >"$work/logs/$run_id.out" 2>"$work/logs/$run_id.err"
}

lookup_latency() {
  java -cp "$client_jar" lakehouse.benchmark.LookupLatency 127.0.0.1 "$port" "$@" 2>>"$work/logs/lookups.err"
}

# Records p50 and p99 of a LookupLatency line under a name (nothing when it counted no lookup).
record_lookup() {
  local name=$1 line=$2
  if ! grep -q 'lookups=[1-9]' <<<"$line"; then
    echo "note: no lookup for '$name' (the publish wrote for less than the poll interval)" >&2
    return
  fi
  record "$name" p50 "$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
  record "$name" p99 "$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
}

for ((round = 1; round <= rounds; round++)); do
  for entry in "${lakes[@]}"; do
    name=${entry%%=*}
    lake_dir=${entry#*=}
    run_id="online-$name-r$round"
    redis flushall >/dev/null
    started=$(now)
    publish "$lake_dir" "$run_id"
    process=$(since "$started")
    report="$lake_dir/_runs/$run_id.json"
    rows=$(report_field "$report" rows_read)
    millis=$(report_field "$report" duration_ms)
    keys=$(redis dbsize)
    if [ "$keys" != "$rows" ]; then
      echo "error: publish of $name read $rows rows but Redis holds $keys keys" >&2
      exit 1
    fi
    publish_rate=$(awk -v k="$rows" -v ms="$millis" 'BEGIN { printf "%.0f", k / (ms / 1000) }')
    process_rate=$(awk -v k="$rows" -v s="$process" 'BEGIN { printf "%.0f", k / s }')
    record "publish $name" keys "$rows"
    record "publish $name" "keys/s" "$publish_rate"
    record "publish $name" "process keys/s" "$process_rate"
    record "publish $name" "process s" "$process"
    echo "round $round $name: published $rows keys in $(awk -v ms="$millis" 'BEGIN { printf "%.1f", ms / 1000 }') s" \
      "($publish_rate keys/s), process ${process} s ($process_rate keys/s)"

    # Idle lookups of one published user: redis-benchmark and the client in alternating turns, so that a
    # machine busy with other work meets both sides alike.
    user_key=$(redis randomkey)
    user=${user_key#u:feat:}
    for ((turn = 1; turn <= turns; turn++)); do
      line=$(redis-benchmark -p "$port" -c 1 -P 1 -n "$lookups" --csv HGETALL "$user_key" | tail -1)
      record "redis-benchmark HGETALL" p50 "$(awk -F'","' '{ print $5 }' <<<"$line")"
      record "redis-benchmark HGETALL" p99 "$(awk -F'","' '{ print $7 }' <<<"$line")"
      record_lookup "client, same key" "$(lookup_latency "$lookups" --user "$user" --label same-key)"
      record_lookup "client, sampled users" "$(lookup_latency "$lookups" --label sampled)"
    done
    # The same key from a new JVM with no warm-up: what a serving application's first lookups see.
    record_lookup "client, same key, new JVM, no warm-up" \
      "$(lookup_latency "$lookups" --warm-up 0 --user "$user" --label cold)"

    # Lookups during a second publish of the same date (the keys stay readable: each is replaced whole).
    # (Not with --quick, unless --limit asks: a second publish would take it past a minute.)
    paces=()
    $quick || paces+=(0)
    [ "$limit" != 0 ] && paces+=("$limit")
    for pace in ${paces[@]+"${paces[@]}"}; do
      publish "$lake_dir" "$run_id-during-$pace" --set "online.redis.max-writes-per-second=$pace" &
      publish_pid=$!
      line=$(lookup_latency 20000 --while-pid "$publish_pid" --label during)
      wait "$publish_pid"
      what="client, during publish"
      [ "$pace" != 0 ] && what="client, during publish at $pace keys/s"
      record_lookup "$what" "$line"
    done
  done
done

# Median of one measure's values.
median() {
  awk -F'\t' -v name="$1" -v what="$2" '$1 == name && $2 == what { print $3 }' "$results" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
           m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "publish (medians of $rounds round(s); keys/s over the report's duration, and over the whole process)"
printf '%-12s | %10s | %10s | %14s | %10s\n' lake keys "keys/s" "process keys/s" "process s"
printf '%s\n' "-------------|------------|------------|----------------|-----------"
for entry in "${lakes[@]}"; do
  name=${entry%%=*}
  printf '%-12s | %10s | %10s | %14s | %10s\n' "$name" "$(median "publish $name" keys)" \
    "$(median "publish $name" "keys/s")" "$(median "publish $name" "process keys/s")" \
    "$(median "publish $name" "process s")"
done

echo
echo "lookup latency, one at a time (ms; medians of the turns' percentiles; ratio over redis-benchmark's)"
reference_p50=$(median "redis-benchmark HGETALL" p50)
reference_p99=$(median "redis-benchmark HGETALL" p99)
printf '%-40s | %8s | %8s | %9s | %9s\n' lookups p50 p99 "p50 ratio" "p99 ratio"
printf '%s\n' "-----------------------------------------|----------|----------|-----------|----------"
cut -f1 "$results" | awk '!seen[$0]++' | grep -v '^publish ' | while IFS= read -r name; do
  p50=$(median "$name" p50)
  p99=$(median "$name" p99)
  printf '%-40s | %8s | %8s | %9s | %9s\n' "$name" "$p50" "$p99" "$(ratio "$p50" "$reference_p50")" \
    "$(ratio "$p99" "$reference_p99")"
done
echo "(values in $results, logs in $work/logs)"
