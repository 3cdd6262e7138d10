// The flat module graph of the address form (issue #19, scripts/flat-imports.js) and the waves `npm run size`
// prints for it unbundled (scripts/size-ways.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADDRESS_FORM_ENTRY, flatProblems, importsOf, moduleGraph, staticWaves, withFlatImports } from '../../scripts/flat-imports.js';
import { unbundledWaves } from '../../scripts/size-ways.js';

// An in-memory tree of modules: path -> text.
const files = (tree) => ({ read: (file) => { if (!(file in tree)) throw new Error(`no ${file}`); return tree[file]; } });

test('the address form\'s entry names every module of its static graph, and its chunks name their modules', () => {
  assert.deepEqual(flatProblems(ADDRESS_FORM_ENTRY), []);
  // Hence: every module in wave 2 at the latest, the glue (and the wasm, the API requests) in wave 3.
  const graph = moduleGraph(ADDRESS_FORM_ENTRY);
  assert.equal(Math.max(...staticWaves(graph, ADDRESS_FORM_ENTRY).values()), 2);
  assert.deepEqual(unbundledWaves(graph, ADDRESS_FORM_ENTRY).waves, 3);
});

test('importsOf: static statements and bare imports; import() calls, not types or comments; preloadBeside lists', () => {
  const { statics, dynamics } = importsOf([
    "import { a } from './a.js';",
    "export { b } from '../b.js';",
    "import './c.js';",
    "/** @param {import('./typed.js').T} x */",
    "// a comment naming import('./commented.js')",
    "const m = () => import('./chunk.js');",
    "preloadBeside(import.meta.url, '/x.js', ['./chunk-dep.js', './other.js']);",
    "import('papaparse');",
  ].join('\n'));
  assert.deepEqual(statics, ['./a.js', '../b.js', './c.js']);
  assert.deepEqual(dynamics, ['./chunk.js', './chunk-dep.js', './other.js']);
});

test('flatProblems: a module deeper than wave 2, and a chunk\'s module left for a later wave, are named', () => {
  const tree = {
    '/v/entry.js': "import './a.js';\n",
    '/v/a.js': "import './b.js';\nexport const load = () => import('./chunk.js');\n",
    '/v/b.js': '',
    '/v/chunk.js': "import './chunk-dep.js';\nimport './b.js';\n",
    '/v/chunk-dep.js': '',
  };
  const problems = flatProblems('/v/entry.js', files(tree));
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /entry\.js does not import .*\/v\/b\.js/);
  assert.match(problems[1], /a\.js imports .*chunk\.js but not .*chunk-dep\.js beside it/);
  // Fixed: the entry names b.js, a.js asks for chunk-dep.js beside its chunk (b.js is in the first load).
  tree['/v/entry.js'] = "import './a.js';\nimport './b.js';\n";
  tree['/v/a.js'] = "import './b.js';\nexport const load = () => [import('./chunk.js'), import('./chunk-dep.js')];\n";
  assert.deepEqual(flatProblems('/v/entry.js', files(tree)), []);
});

test('withFlatImports: adds the missing modules after the entry\'s own imports, and rebuilds its block', () => {
  const tree = {
    '/v/entry.js': "// entry\nimport { a } from './a.js';\n\nexport { a };\n",
    '/v/a.js': "import './sub/b.js';\n",
    '/v/sub/b.js': "import '../c.js';\n",
    '/v/c.js': '',
  };
  const once = withFlatImports('/v/entry.js', tree['/v/entry.js'], files(tree));
  assert.match(once, /^\/\/ entry\nimport \{ a \} from '\.\/a\.js';\n\/\/ <flat-imports[^\n]*\n\/\/[^\n]*\nimport '\.\/c\.js';\nimport '\.\/sub\/b\.js';\n\/\/ <\/flat-imports>\n\nexport \{ a \};\n$/);
  assert.equal(withFlatImports('/v/entry.js', once, files(tree)), once);
  tree['/v/entry.js'] = once;
  assert.deepEqual(flatProblems('/v/entry.js', files(tree)), []);
});

test('unbundledWaves: breadth first (a module comes with its first importer), the glue one wave after the deepest', () => {
  const graph = new Map([
    ['/e.js', { statics: ['/a.js', '/d.js'], dynamics: [] }],
    ['/a.js', { statics: ['/b.js'], dynamics: [] }],
    ['/b.js', { statics: ['/d.js'], dynamics: ['/dist/btalk-address-core.js'] }],
    ['/d.js', { statics: [], dynamics: [] }],
  ]);
  assert.deepEqual([...staticWaves(graph, '/e.js')], [['/e.js', 1], ['/a.js', 2], ['/d.js', 2], ['/b.js', 3]]);
  assert.deepEqual(unbundledWaves(graph, '/e.js'), { waves: 4, glue: true, modules: ['/e.js', '/a.js', '/d.js', '/b.js'] });
  graph.get('/b.js').dynamics = [];
  assert.equal(unbundledWaves(graph, '/e.js').waves, 3);
});
