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

echo "== fuzz smoke pass (libFuzzer, ASan + UBSan; scripts/fuzz.sh)"
bash scripts/fuzz.sh "${BTALK_FUZZ_SECONDS:-15}"
echo "== core tests, native under ASan + UBSan (build/fuzz, clang++)"
cmake --build build/fuzz -j "${BTALK_JOBS:-2}" --target btalk_core_tests >/dev/null
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build/fuzz --output-on-failure

echo "== node tests (core JS API, client, stand-in)"
node --test --test-concurrency=2 tests/node/

echo "== static site (site/)"
node scripts/build-site.js

echo "== browser tests (Chromium)"
node --test --test-concurrency=1 tests/browser/

echo "== consumer matrix (npm pack, then esbuild, Vite, Vitest, SSR, tsc, CDN, CMake)"
node --test --test-concurrency=1 tests/consumers/matrix.test.js

echo "== size budget"
node scripts/size.js --check
