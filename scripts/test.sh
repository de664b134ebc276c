#!/usr/bin/env bash
# The project's test command: every test (unit, integration through scripts/lakehouse, golden datasets)
# with `mvn -B verify`; arguments go to Maven (scripts/test.sh -ntp, scripts/test.sh -pl cli).
#
# The online store tests start a real Redis, so redis-server must be on PATH. When it is missing, this
# installs it with apt-get if run as root, and otherwise prints the one command that does and exits 2.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing redis-server (the online store tests start a real Redis)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "test.sh: redis-server is missing; the online store tests need it. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y redis-server" >&2
    exit 2
  fi
fi

exec mvn -B verify "$@"
