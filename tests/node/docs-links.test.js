// Every relative link in README.md and docs/**/*.md leads to a file of the repository, and a
// `#fragment` on a Markdown page to one of its headings (GitHub's heading ids). Links inside code
// (fenced blocks, inline code) are text, not links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Markdown text without fenced code blocks and inline code spans (lines kept, for messages). */
function withoutCode(text) {
  return text
    .replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ''))
    .replace(/(`+)[^`\n][\s\S]*?\1/g, '');
}

/** [{ target, line }] of the inline links and images of a Markdown text. */
export function linksOf(text) {
  const links = [];
  const prose = withoutCode(text);
  const pattern = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
  for (const match of prose.matchAll(pattern)) {
    links.push({ target: match[1], line: prose.slice(0, match.index).split('\n').length });
  }
  return links;
}

/** GitHub's ids of a Markdown page's headings ("## From C++" -> "from-c"; repeats get -1, -2...). */
export function headingIds(text) {
  const ids = new Set();
  const seen = new Map();
  for (const match of withoutCode(text.replace(/`([^`\n]*)`/g, '$1')).matchAll(/^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = match[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  }
  return ids;
}

/** The broken links of the Markdown file `file`: [`line: target (why)`]. */
export function brokenLinks(file, text = readFileSync(file, 'utf8')) {
  const broken = [];
  for (const { target, line } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: ...: not a file of ours
    const [path, fragment] = target.split('#');
    const resolved = join(dirname(file), decodeURIComponent(path));
    if (path !== '' && !existsSync(resolved)) {
      broken.push(`${line}: ${target} (no such file)`);
      continue;
    }
    if (fragment === undefined || !(path === '' || (resolved.endsWith('.md') && statSync(resolved).isFile()))) continue;
    const page = path === '' ? text : readFileSync(resolved, 'utf8');
    if (!headingIds(page).has(decodeURIComponent(fragment))) broken.push(`${line}: ${target} (no such heading)`);
  }
  return broken;
}

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const pages = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];

for (const page of pages) {
  test(`every relative link of ${relative(root, page)} resolves`, () => {
    assert.deepEqual(brokenLinks(page), []);
  });
}

test('the checker finds broken files and headings, and skips code and other schemes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-links-'));
  try {
    writeFileSync(join(dir, 'core.md'), '# Core\n## From C++\n');
    const text = [
      '# A title',
      'See [core](core.md#from-c), [x](missing.md), [y](core.md#nowhere), [z](#a-title), [w](#from-c),',
      '![shot](screenshots/none.png) and [web](https://example.com/x.md).',
      '`[not](a-link.md)`',
      '```md',
      '[nor](this-one.md)',
      '```',
    ].join('\n');
    assert.deepEqual(brokenLinks(join(dir, 'page.md'), text), [
      '2: missing.md (no such file)',
      '2: core.md#nowhere (no such heading)',
      '2: #from-c (no such heading)',
      '3: screenshots/none.png (no such file)',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual([...headingIds('# `<btalk-site-import>`\n## Two modules: `loadCore` and x\n## Two modules: `loadCore` and x')],
    ['btalk-site-import', 'two-modules-loadcore-and-x', 'two-modules-loadcore-and-x-1']);
});

test('README.md links the docs index and every docs page is linked from it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.ok(linksOf(readme).some(({ target }) => target === 'docs/README.md'));
  const index = join(root, 'docs', 'README.md');
  const linked = new Set(linksOf(readFileSync(index, 'utf8'))
    .map(({ target }) => join(dirname(index), target.split('#')[0])));
  const unlisted = markdownFiles(join(root, 'docs')).filter((page) => page !== index && !linked.has(page));
  assert.deepEqual(unlisted.map((page) => relative(root, page)), []);
});
