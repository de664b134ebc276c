#!/usr/bin/env bash
# The project's test command: every test (unit, integration through scripts/lakehouse, golden datasets)
# with `mvn -B -T 2 verify`; arguments go to Maven (scripts/test.sh -ntp, scripts/test.sh -pl cli).
# Two modules build side by side where their dependencies allow: the golden datasets run beside the chaos
# quick run, which alone leaves part of a 2-core machine idle while its lanes wait on their commands.
#
# Some tests start real servers or tools, which must be on PATH: redis-server (the online store tests),
# prometheus-pushgateway (the metrics tests push to a real Pushgateway), promtool (the alerting rules
# are checked and unit-tested with it) and chromium (the report page is opened in a headless Chromium). When one is missing, this installs the Debian packages with
# apt-get if run as root, and otherwise prints the one command that does and exits 2.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v prometheus-pushgateway >/dev/null 2>&1 || missing+=(prometheus-pushgateway)
# promtool comes with Debian's prometheus package.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} (tests start a real Redis and Pushgateway, run promtool and open a page in Chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: ${missing[*]} missing; the tests need them. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

exec mvn -B -T 2 verify "$@"
