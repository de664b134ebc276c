#!/usr/bin/env bash
# Builds cli/target/spark/lakehouse.jsa, the class-data archive scripts/lakehouse starts the driver JVM
# with: the classes a night loads (Spark, Delta, Hadoop, Avro, the lakehouse), read and verified once
# here instead of at every start. It takes 4 to 10 s off a night of 2,000 events (50-60 s on two cores).
#
# The build runs this in the cli module's package phase (mvn -Dlakehouse.class-archive.skip skips it).
# A training night, the first of a tiny generated lake, records the classes; the archive is remade only
# when a jar of the runtime or the lakehouse jar is newer than it. A JVM whose class path no longer
# matches the archive (a jar rebuilt since) starts without it, as fast as it would have anyway.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(dirname "$here")"
runtime="$project/cli/target/spark"
archive="$runtime/lakehouse.jsa"
jar="$project/cli/target/lakehouse.jar"

if [ -f "$archive" ] && [ -z "$(find "$runtime/jars" "$jar" -newer "$archive" -print -quit)" ]; then
  echo "class-archive: $archive is up to date"
  exit 0
fi
rm -f "$archive"
training="$project/cli/target/class-archive-training"
rm -rf "$training"
mkdir -p "$training"
log="$training/training.log"
started=$(date +%s)

# A key of its own: nothing of the training lake is kept.
export LAKEHOUSE_PII_KEY=class-archive-training LAKEHOUSE_DRIVER_MEMORY=1g
submit=(--master 'local[2]' --conf spark.sql.shuffle.partitions=2 --conf spark.databricks.delta.snapshotPartitions=2)
if ! "$here/lakehouse" "${submit[@]}" generate --out "$training/lake" --from 2026-01-01 --days 1 \
  --events-per-day 500 --seed 1 >>"$log" 2>&1 \
  || ! LAKEHOUSE_JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive.tmp" \
    "$here/lakehouse" "${submit[@]}" run --lake "$training/lake" --date 2026-01-01 >>"$log" 2>&1; then
  echo "error: the training night of the class-data archive failed; see $log" >&2
  exit 1
fi
mv "$archive.tmp" "$archive"
rm -rf "$training/lake"
echo "class-archive: $archive written in $(($(date +%s) - started)) s"
