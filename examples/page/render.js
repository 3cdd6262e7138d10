// The demo page, made from its one template (index.html in this folder) for each target:
//   demo  `npm start` (examples/serve.js renders it at /): the stand-in behind the same-origin proxy
//         of serve.js, which adds the credentials on the server; entry script examples/demo/demo.js.
//   site  `npm run build:site` (scripts/build-site.js writes it to site/index.html): the stand-in
//         inside the page, through the client's fetch seam; entry script examples/site/site.js,
//         bundled to assets/site.js.
// Both share page.js (the page's behaviour), demo.css, favicon.svg and sample-sites.csv of this folder.
import { readFile } from 'node:fs/promises';
import { LANGUAGES } from '../../web/internal/localize.js';

export const TEMPLATE_URL = new URL('./index.html', import.meta.url);

/** What differs between the two pages, besides the template's "if demo" / "if site" blocks. */
export const TARGETS = Object.freeze({
  demo: Object.freeze({
    title: 'btalk-forms demo: order a Business Talk voicesite',
    script: 'demo.js',
    placeholders: 'web/elements/placeholders.css',
    apiBase: '/proxy/btalk/v1',
  }),
  site: Object.freeze({
    title: 'btalk-forms demo: order a Business Talk voicesite (static, built-in stand-in)',
    script: 'assets/site.js',
    placeholders: 'placeholders.css',
    // Not a real host (.invalid never resolves): the stand-in answers it inside the page, and a
    // request that escaped the fetch seam would fail rather than reach the static host.
    apiBase: 'https://standin.invalid/btalk/v1',
  }),
});

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A language's own name, capitalised as at the start of a sentence: 'it' -> 'Italiano'. */
export function languageName(code) {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** The language menu's options: every language of web/internal/localize.js LANGUAGES, each in itself. */
export function languageOptions(languages = LANGUAGES) {
  return languages.map((code) => `            <option value="${escapeHtml(code)}" lang="${escapeHtml(code)}">${escapeHtml(languageName(code))}</option>`).join('\n');
}

/**
 * The page of `target` from the template text: "<!--#" comments dropped, "if" blocks of the other
 * target dropped (and the markers of its own), then each {{name}} replaced by the target's value
 * (HTML-escaped) or the language options. An unknown name, target or an unbalanced block throws.
 */
export function renderPage(template, target) {
  const values = TARGETS[target];
  if (!values) throw new Error(`no page target "${target}" (${Object.keys(TARGETS).join(', ')})`);
  let html = template.replace(/<!--#[\s\S]*?-->\n?/g, '');
  html = html.replace(/^<!-- if (\w+) -->\n([\s\S]*?)^<!-- end if -->\n/gm, (whole, name, body) => {
    if (!TARGETS[name]) throw new Error(`template: "if ${name}" names no target`);
    return name === target ? body : '';
  });
  const stray = html.match(/<!-- (?:if \w+|end if) -->/);
  if (stray) throw new Error(`template: unbalanced or nested "${stray[0]}"`);
  return html.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
    if (name === 'languageOptions') return languageOptions();
    if (!Object.hasOwn(values, name)) throw new Error(`template: {{${name}}} has no value for "${target}"`);
    return escapeHtml(values[name]);
  });
}

/** Reads the template and renders the page of `target`. */
export async function buildPage(target, templateUrl = TEMPLATE_URL) {
  return renderPage(await readFile(templateUrl, 'utf8'), target);
}
