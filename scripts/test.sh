#!/usr/bin/env bash
# Everything `npm test` runs: system packages, native + wasm builds, the core's
# GoogleTest suite natively and in wasm (under Node), then node and browser tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/system-deps.sh
# Installs the dev dependencies when any is missing or differs from the lockfile.
if ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi
bash scripts/build.sh all

echo "== core tests, native"
ctest --test-dir build/native --output-on-failure
echo "== core tests, wasm under Node"
ctest --test-dir build/wasm --output-on-failure

echo "== node tests (core JS API, client, stand-in)"
node --test --test-concurrency=2 tests/node/

echo "== static site (site/)"
node scripts/build-site.js

echo "== browser tests (Chromium)"
node --test --test-concurrency=1 tests/browser/

echo "== size budget"
node scripts/size.js --check
