#!/usr/bin/env bash
# Runs bench/page-load.mjs with the programs of a build folder (default build-ci), for the page
# before (main) and after (this tree) at 20 and 100 messages/s, and a 100,000-message flood.
#   bench/page-load.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build-ci}" && pwd)
export LANCHAT_BIN=$build/app/lanchat LANCHAT_QTPEER=$build/tests/e2e/qtpeer
export LANCHAT_NODE_MODULES=$build/tests/e2e/npm/node_modules LANCHAT_CHROMIUM=${LANCHAT_CHROMIUM:-/usr/bin/chromium}
out=$build/bench-results/page-$(date -u +%Y%m%dT%H%M%SZ).jsonl
for page in main current; do
  for rate in 20 100; do
    node "$here/page-load.mjs" --page "$page" --rate "$rate" --seconds 20 --json "$out"
  done
done
node "$here/page-load.mjs" --page current --rate 100 --seconds 20 --flood 100000 --json "$out"
echo "results: $out"
