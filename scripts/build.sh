#!/usr/bin/env bash
# Builds the native library + tests (build/native) and the wasm module + wasm
# tests (build/wasm), then copies the shipped module to dist/.
# Usage: scripts/build.sh [native|wasm|all]   (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
jobs=${BTALK_JOBS:-2}

# Debian's Emscripten needs Debian's acorn for its JS optimizer.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

build_native() {
  cmake -S "$root" -B "$root/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build/native" -j "$jobs"
}

build_wasm() {
  # Node 20 rejects the flag Emscripten's default emulator passes, so name node itself.
  emcmake cmake -S "$root" -B "$root/build/wasm" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
  local targets=(--target btalk_core_module --target btalk_address_core_module)
  if [ "${BTALK_WASM_TESTS:-1}" = 1 ]; then targets+=(--target btalk_core_tests); fi
  cmake --build "$root/build/wasm" -j "$jobs" "${targets[@]}"
  mkdir -p "$root/dist"
  cp "$root/build/wasm/btalk-core.js" "$root/build/wasm/btalk-core.wasm" "$root/dist/"
  cp "$root/build/wasm/btalk-address-core.js" "$root/build/wasm/btalk-address-core.wasm" "$root/dist/"
  # The stand-in's data (countries/*.json and ES modules) from its sources (not committed; also run by npm's prepare).
  node "$root/scripts/gen-standin-data.js"
  # Minified glue, the CDN file and custom-elements.json (scripts/build-web.js).
  [ -d "$root/node_modules/esbuild" ] || (cd "$root" && npm ci --no-audit --no-fund)
  node "$root/scripts/build-web.js"
}

case "$what" in
  native) build_native ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm ;;
  *) echo "usage: $0 [native|wasm|all]" >&2; exit 2 ;;
esac
