#!/usr/bin/env bash
# Builds the module with function names kept (--profiling-funcs: same code
# and data as shipped, plus a name section) and prints where its bytes go.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
dir="$root/build/size-names"
emcmake cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DBTALK_BUILD_TESTS=OFF \
  -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs >/dev/null
# BTALK_MODULE=address: the address-only module (btalk-address-core) instead of the full one.
if [ "${BTALK_MODULE:-full}" = address ]; then target=btalk_address_core_module file=btalk-address-core.wasm
else target=btalk_core_module file=btalk-core.wasm; fi
cmake --build "$dir" -j "${BTALK_JOBS:-2}" --target "$target" >/dev/null
node "$root/scripts/size-breakdown.js" "$dir/$file" "${1:-25}"
