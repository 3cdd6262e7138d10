// DOM-free part of scripts/bench-browser.js: the "waves" of module requests as the browser fetched them.
//
// A wave is one level of the module graph as fetched: the page's own module scripts are wave 1, and a module
// asked for by an `import` statement is one wave deeper than the module holding that statement. Chromium names
// that module in each request's initiator (DevTools protocol, Network.requestWillBeSent: `initiator.url`).
// A request made by running code (a dynamic `import()`, a fetch: `initiator.stack`, no url) leaves once the
// modules that code needed have arrived: it is one wave deeper than the deepest module whose download had
// finished when it left (Network.loadingFinished). Two dynamic imports made in the same tick share a wave, and
// an API request gets a wave too: the one it left in. The depth is thus read from what was fetched, not from
// the source: an import the page never reaches does not count, and a dynamic import counts where it happens.

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
 * The wave of every request.
 * @param {({ type: 'sent', id: string, url: string, script: boolean, initiator: string|null, code: boolean }
 *   | { type: 'done', id: string })[]} events in the order the browser reported them; `code`: made by running
 *   code (a dynamic import, a fetch), not by an import statement or the HTML
 * @returns {Map<string, number>} request id -> wave (1 = asked for by the page itself)
 */
export function requestWaves(events) {
  const waves = new Map();
  const moduleWave = new Map(); // module url -> wave, for the import statements it holds
  const scripts = new Set();
  let arrived = 0; // deepest wave among the modules downloaded so far
  for (const event of events) {
    if (event.type === 'done') {
      if (scripts.has(event.id)) arrived = Math.max(arrived, waves.get(event.id));
      continue;
    }
    if (waves.has(event.id)) continue; // a redirect keeps its first wave
    // An importer that is no fetched module (the document, an inline script) is the page: wave 0.
    const wave = event.code ? arrived + 1 : (moduleWave.get(event.initiator) ?? 0) + 1;
    waves.set(event.id, wave);
    if (event.script) {
      scripts.add(event.id);
      if (!moduleWave.has(event.url)) moduleWave.set(event.url, wave);
    }
  }
  return waves;
}

/**
 * How many waves of module requests had started before time `t` (same clock as the requests' `start`):
 * the deepest wave among the script requests sent before it.
 * @param {{ id: string, script: boolean, start: number }[]} requests
 * @param {Map<string, number>} waves from requestWaves
 */
export function wavesBefore(requests, waves, t) {
  let deepest = 0;
  for (const request of requests) {
    if (request.script && request.start < t) deepest = Math.max(deepest, waves.get(request.id) ?? 0);
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

/** Issue #19's goals for the first typeable field: median navigation→typeable, and waves for the unbundled form. */
export const GOALS = Object.freeze({ bundled: 250, unbundled: 400, wavesUnbundled: 3 });

/** "met by N unit", or "missed by N unit (x× the goal)". */
export const verdict = (value, goal, unit) => (value <= goal
  ? `met by ${(goal - value).toFixed(0)} ${unit}`
  : `missed by ${(value - goal).toFixed(0)} ${unit} (${(value / goal).toFixed(2)}× the goal)`);

/** One goal as printed: "median from navigation ≤ 250 ms: met by 58 ms". */
export const goalText = (g) => `${g.what} ≤ ${g.goal}${g.unit === 'ms' ? ' ms' : ''}: ${verdict(g.value, g.goal, g.unit)}`;

/**
 * The goals a case's figures are held to: [{ what, goal, unit, value, met, by }].
 * @param {'bundled'|'unbundled'} variant
 * @param {{ navigation: number, waves: number }} figures  median navigation→typeable (ms), deepest wave before typeable
 */
export function goalsOf(variant, { navigation, waves }) {
  const goal = (what, limit, unit, value) => ({ what, goal: limit, unit, value, met: value <= limit, by: Math.abs(Math.round(value - limit)) });
  const list = [goal('median from navigation', GOALS[variant], 'ms', navigation)];
  if (variant === 'unbundled') list.push(goal('module waves', GOALS.wavesUnbundled, 'wave(s)', waves));
  return list;
}
