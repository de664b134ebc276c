#!/usr/bin/env bash
# The local demo: builds the project, generates three days of landing files into ./lake, runs the
# nightly run for each of them on local Spark, and shows what it made. Needs Java 17 and Maven only.
set -euo pipefail
cd "$(dirname "$0")/.."

lake="${1:-./lake}"
mvn -B -q -ntp -DskipTests package

scripts/lakehouse generate --out "$lake" --from 2026-11-20 --days 3 --events-per-day 20000 --seed 7 \
  --corrupt-files --unknown-schema-files

status=0
for day in 2026-11-20 2026-11-21 2026-11-22; do
  # Exit status 3 means the run succeeded but rejected the broken files the generator wrote on purpose.
  scripts/lakehouse run --date "$day" --lake "$lake" --conf conf/local.conf || status=$?
  [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
done

echo
echo "What the lake holds now ($lake):"
if scripts/lakehouse status --help >/dev/null 2>&1; then
  scripts/lakehouse status --lake "$lake" --conf conf/local.conf
else
  find "$lake" -maxdepth 3 -type d -not -path '*/_delta_log*' | sort
fi
echo
echo "Run reports: $lake/_runs/"
ls "$lake/_runs"
