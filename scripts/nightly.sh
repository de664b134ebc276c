#!/usr/bin/env bash
# What cron (or any scheduler) calls every night:
#
#   scripts/nightly.sh [YYYY-MM-DD] [extra lakehouse options...]
#
# Runs `lakehouse run` for the given ingest date, by default yesterday (UTC). Takes a lock so that two
# nights never overlap: a second start while one runs exits at once with status 75 and says so. Writes
# the run's output to a log per run, and exits with the run's own status (0 done, 1 failed, 2 bad
# usage, 3 done with rejected files) for alerting. After gold, the same run publishes user_features as
# of the date to the online store (run --publish); a failed publish makes the night fail (1).
#
# Environment: LAKEHOUSE_LOCK_FILE (default /tmp/lakehouse-nightly.lock), LAKEHOUSE_LOG_DIR (default
# ./logs), LAKEHOUSE_CONF (a --conf file), LAKEHOUSE_PII_KEY (the token key), LAKEHOUSE_SUBMIT_OPTS,
# LAKEHOUSE_PUBLISH (default true; false for a lake whose features are not served).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
  day="$1"
  shift
else
  day="$(date -u -d yesterday +%F)"
fi
lock="${LAKEHOUSE_LOCK_FILE:-/tmp/lakehouse-nightly.lock}"
log_dir="${LAKEHOUSE_LOG_DIR:-./logs}"
mkdir -p "$log_dir"

exec 9>>"$lock"
if ! flock --nonblock 9; then
  echo "lakehouse nightly $day: another nightly run holds the lock $lock; not starting" >&2
  exit 75
fi

options=()
[ -n "${LAKEHOUSE_CONF:-}" ] && options=(--conf "$LAKEHOUSE_CONF")
case "${LAKEHOUSE_PUBLISH:-true}" in
  true) options+=(--publish) ;;
  false) ;;
  *) echo "error: LAKEHOUSE_PUBLISH=${LAKEHOUSE_PUBLISH}: expected true or false" >&2; exit 2 ;;
esac
log="$log_dir/nightly-$day-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "lakehouse nightly $day: running, log $log"
"$here/lakehouse" run --date "$day" "${options[@]}" "$@" >"$log" 2>&1
status=$?
tail -n 5 "$log"
echo "lakehouse nightly $day: exit status $status"
exit "$status"
