// DOM-free part of scripts/bench-browser.js: the "waves" of module requests as the browser fetched them.
//
// A wave is one level of the module graph as fetched: the page's own module scripts are wave 1, and a module
// asked for by an `import` statement is one wave deeper than the module holding that statement. Chromium names
// that module in each request's initiator (DevTools protocol, Network.requestWillBeSent: `initiator.url`).
// A module asked for by running code (a dynamic `import()`: `initiator.stack`, no url) can only leave once the
// static graph it runs in has been fetched and evaluated, so it is one wave deeper than the deepest module
// requested before it. The depth is thus read from what was fetched, not from the source: an import the page
// never reaches does not count, and a dynamic import counts where it happens.

/**
 * Who made a request: `{ url, code }`, url the module (or document) that asked for it (the initiator's url,
 * else the first frame of its stack that has one), code true when running code asked (a stack: a dynamic
 * import, a fetch) rather than an import statement or the HTML.
 */
export function initiatorOf(initiator) {
  if (!initiator) return { url: null, code: false };
  if (initiator.url) return { url: initiator.url, code: false };
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames?.find((f) => f.url);
    if (frame) return { url: frame.url, code: true };
  }
  return { url: null, code: Boolean(initiator.stack) };
}

/**
 * Wave of every script request.
 * @param {{ url: string, script: boolean, initiator: string|null, code?: boolean }[]} requests in the order
 *   they were sent; `code`: asked for by running code (a dynamic import), not by an import statement
 * @returns {Map<string, number>} url -> wave (1 = asked for by the page itself)
 */
export function moduleWaves(requests) {
  const waves = new Map();
  let deepest = 0;
  for (const request of requests) {
    if (!request.script || waves.has(request.url)) continue;
    // A static import: one deeper than its importer; an importer that is no fetched module (the document, an
    // inline script) is the page, wave 0. A dynamic import: one deeper than every module requested before it.
    const wave = request.code ? deepest + 1 : (waves.get(request.initiator) ?? 0) + 1;
    waves.set(request.url, wave);
    deepest = Math.max(deepest, wave);
  }
  return waves;
}

/**
 * How many waves of module requests had started before time `t` (same clock as the requests' `start`):
 * the deepest wave among the script requests sent before it.
 * @param {{ url: string, script: boolean, start: number }[]} requests
 * @param {Map<string, number>} waves from moduleWaves
 */
export function wavesBefore(requests, waves, t) {
  let deepest = 0;
  for (const request of requests) {
    if (request.script && request.start < t) deepest = Math.max(deepest, waves.get(request.url) ?? 0);
  }
  return deepest;
}

/** Minimum and median of a list of numbers (the median of an even count is the mean of the middle two). */
export function minMedian(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median };
}
