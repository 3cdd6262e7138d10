#!/usr/bin/env node
// Where the module's bytes go: sections, then code by kind and the largest
// functions. Needs a build that keeps function names (same code as shipped):
//   bash scripts/size-breakdown.sh        (builds build/size-names, then runs this)
//   node scripts/size-breakdown.js build/size-names/btalk-core.wasm [top N]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const [file = 'build/size-names/btalk-core.wasm', topArg = '25'] = process.argv.slice(2);
const buf = readFileSync(file);
let p = 8;
const leb = () => { let r = 0; let s = 0; let b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
const sections = [];
let imported = 0;
const bodies = [];
const names = new Map();
const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'elem', 'code', 'data', 'datacount'];
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const start = p;
  const end = p + size;
  let label = SECTION[id] ?? `#${id}`;
  if (id === 2) {
    for (let n = leb(), i = 0; i < n; i += 1) {
      for (let k = 0; k < 2; k += 1) { const len = leb(); p += len; } // module and field names
      const kind = buf[p++];
      if (kind === 0) { leb(); imported += 1; } else if (kind === 1 || kind === 2) { if (kind === 1) p += 1; const flags = leb(); leb(); if (flags & 1) leb(); } else { p += 2; }
    }
  } else if (id === 10) {
    for (let n = leb(), i = 0; i < n; i += 1) { const len = leb(); bodies.push({ size: len, bytes: buf.subarray(p, p + len) }); p += len; }
  } else if (id === 0) {
    const len = leb();
    label = `custom "${buf.subarray(p, p + len)}"`;
    if (String(buf.subarray(p, p + len)) === 'name') {
      p += len;
      while (p < end) {
        const sub = buf[p++]; const subLen = leb(); const subEnd = p + subLen;
        if (sub === 1) for (let n = leb(), i = 0; i < n; i += 1) { const idx = leb(); const l = leb(); names.set(idx, String(buf.subarray(p, p + l))); p += l; }
        p = subEnd;
      }
    }
  }
  sections.push({ label, size, gzip: gzipSync(buf.subarray(start, end), { level: 9 }).length });
  p = end;
}
const mangled = bodies.map((_, i) => names.get(i + imported) ?? `f${i + imported}`);
let demangled = mangled;
try {
  demangled = execFileSync('c++filt', { input: mangled.join('\n'), maxBuffer: 1 << 26 }).toString().split('\n');
} catch { /* no c++filt: mangled names */ }

const kindOf = (full) => {
  const n = full.replaceAll('(anonymous namespace)', '{anon}').split('(')[0]; // its own name, not its parameters
  if (/^btalk::(Parse(Me|Customers|Vpns|Country|Countries|OrderResponse|Voicesites|Choices|AddressCandidates|DialZones|ApiError|PostalCodes|Parishes)|NormalizeResponse|ApiErrorFromText|IsResponseKind)|IsCovered/.test(n)) return 'API responses (parse_response_json)';
  if (/nlohmann/.test(n)) return 'nlohmann/json (parse, dump, the DOM)';
  if (/btalk::.*(Parser|Emitter|Regex|AddThread|Normalize)|Regex::/.test(n)) return 'regex (Pike VM: parser, emitter, matcher)';
  if (/^btalk|^{anon}::|^void btalk/.test(n)) return 'core logic (constraints, validation, form, order, facade, bindings)';
  if (/embind|emscripten::|_embind_|EmscriptenBindingInitializer/.test(n)) return 'embind';
  if (/strtod|scanexp|floatscan|tf3$|tf2$|fmodl|scalbn|copysignl|__shgetc|__shlim|ti3$|__multi3|__floatsitf|__floatunsitf|frexp/.test(n)) return 'libc: strtod and its long-double arithmetic';
  if (/printf|snprintf|pop_arg|fmt_|^out$|^pad$|getint|sn_write|wctomb|__towrite/.test(n)) return 'libc: snprintf';
  if (/malloc|free|sbrk|claim_more|attempt_allocate|emmalloc|mem(cpy|set|move|cmp|chr)|strlen|operator new|operator delete/.test(n)) return 'allocator and memory';
  if (/cxxabiv1|type_info|dynamic_cast|__cxa_/.test(n)) return 'C++ ABI (typeinfo for embind)';
  if (/^std::|^void std::|^bool std::|^unsigned\b.*std::|std::__2/.test(n)) return 'libc++ templates (string, vector, map, sort)';
  return 'other';
};
const kinds = new Map();
for (let i = 0; i < bodies.length; i += 1) {
  const k = kindOf(demangled[i]);
  const e = kinds.get(k) ?? { size: 0, count: 0 };
  e.size += bodies[i].size; e.count += 1;
  kinds.set(k, e);
}
const codeTotal = bodies.reduce((t, b) => t + b.size, 0);
const fmt = (n) => n.toLocaleString('en-US');
console.log(`${file}: ${fmt(buf.length)} bytes, ${bodies.length} functions (${imported} imported)\n`);
console.log('section                     bytes   gzip -9 alone');
for (const s of sections) console.log(`${s.label.padEnd(22)} ${fmt(s.size).padStart(10)} ${fmt(s.gzip).padStart(10)}`);
console.log('\ncode by kind                                                     bytes  share  functions');
for (const [k, e] of [...kinds].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`${k.padEnd(62)} ${fmt(e.size).padStart(8)} ${((100 * e.size) / codeTotal).toFixed(1).padStart(5)}%  ${String(e.count).padStart(5)}`);
}
console.log(`\nlargest functions (bytes of code)`);
const order = bodies.map((b, i) => i).sort((a, b) => bodies[b].size - bodies[a].size).slice(0, Number(topArg));
for (const i of order) console.log(`${fmt(bodies[i].size).padStart(7)}  ${demangled[i].replace(/std::__2::/g, 'std::').replace(/nlohmann::json_abi_v3_11_2::/g, 'nlohmann::').replace(/basic_json<[^]*?>(?=::|\(| |,|$)/, 'json').slice(0, 110)}`);
