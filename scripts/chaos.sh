#!/usr/bin/env bash
# Attacks lakes while they are written and checks the contract's guarantees (docs/RELIABILITY.md):
#
#   scripts/chaos.sh [--quick] [--scenarios sigkill-night,ambiguous-commit,...] [--seed S] [--parallel N]
#                    [--trials N] [--work DIR]
#
# Each scenario runs scripts/lakehouse commands against its own copy of a small generated lake, kills,
# races or starves them, while an independent reader polls the tables; after recovery the lake is
# compared with a clean run of the same dates. One line per scenario: trials, failures injected,
# invariant violations (must be 0), rows lost and time; the table goes to WORK/chaos-results.md.
# --quick is the small version CI runs (about 22 minutes on 2 cores); without it, the full one (about
# three hours on 2 cores, sigkill-night alone 2.8 of them: pick scenarios with --scenarios). --trials N
# runs N trials of each scenario instead (kills, nights, rounds), so a full run can be made in pieces:
# sigkill-night's 100 kills as --trials 50 twice, with two seeds.
# Exit status 0 when no guarantee was broken, 1 otherwise. Builds nothing: mvn -DskipTests package first.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(dirname "$here")"
jar="$project/chaos/target/lakehouse-chaos.jar"
if [ ! -f "$jar" ]; then
  echo "error: $jar not found: build it first with 'mvn -DskipTests package'" >&2
  exit 2
fi

work=""
arguments=()
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    *) arguments+=("$1"); shift ;;
  esac
done
work="${work:-$project/target/chaos}"

# The attacker runs on the lakehouse's own Spark runtime, so its reader reads the lake with the same
# Spark and Delta as the commands it attacks.
# The attacking JVM (its reader polls the lakes throughout) with the quick JIT alone and the serial
# collector, as the commands it attacks: the optimizing compiler's threads would take the cores they need.
LAKEHOUSE_JAR="$jar" LAKEHOUSE_MAIN_CLASS=lakehouse.chaos.ChaosMain \
  LAKEHOUSE_DRIVER_MEMORY="${LAKEHOUSE_DRIVER_MEMORY:-2g}" \
  LAKEHOUSE_JAVA_OPTS="${LAKEHOUSE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}" \
  exec "$here/lakehouse" --master 'local[4]' chaos --project "$project" --work "$work" "${arguments[@]}"
