#!/usr/bin/env bash
# Measures what the shipped choices save: the module as shipped, with
# -fwasm-exceptions, and with a std::regex matcher linked in. Prints raw and
# gzip bytes of wasm + glue for each. Takes a few minutes (three wasm builds).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=${BTALK_JOBS:-2}

measure() { # name build-dir
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    const [name, dir] = process.argv.slice(1);
    let raw = 0, gz = 0;
    for (const f of ["btalk-core.wasm", "btalk-core.js"]) {
      const b = fs.readFileSync(dir + "/" + f); raw += b.length; gz += zlib.gzipSync(b, { level: 9 }).length;
    }
    const wasm = fs.readFileSync(dir + "/btalk-core.wasm");
    console.log(name.padEnd(34), String(wasm.length).padStart(9), String(raw).padStart(12), String(gz).padStart(12));
  ' "$1" "$2"
}

build_variant() { # name cmake-flags...
  local name=$1; shift
  local dir="$root/build/size-probe/$name"
  emcmake cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DBTALK_BUILD_TESTS=OFF \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" --target btalk_core_module >/dev/null
}

build_variant shipped
build_variant wasm-exceptions -DBTALK_WASM_EXCEPTIONS=ON
build_variant std-regex -DBTALK_PROBE_STD_REGEX=ON
echo "variant                             wasm raw  wasm+glue raw  wasm+glue gzip"
measure "shipped (-fno-exceptions, Pike VM)" "$root/build/size-probe/shipped"
measure "with -fwasm-exceptions" "$root/build/size-probe/wasm-exceptions"
measure "with std::regex linked in" "$root/build/size-probe/std-regex"
