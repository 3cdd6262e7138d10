// Reads one collection the way the real API pages it (offset/limit, X-Total-Count, X-Result-Count),
// and finds out what a client would get. Unlike the product, it does not stop at the first short
// page when no total is given: it asks once more past it, to see whether the server caps `limit`
// below what was asked (then the short-page rule loses items). Bounded by a page and an item cap.
import { listIn } from './shapes.js';

const intHeader = (headers, name) => {
  const raw = headers.get(name);
  if (raw === null) return null;
  const n = Number(raw.trim());
  return Number.isSafeInteger(n) && n >= 0 ? n : 'invalid';
};

/** An item's identity, for duplicates and an ignored offset: its id field, else its JSON text. */
const identity = (item, idKeys) => {
  if (item && typeof item === 'object') {
    for (const key of idKeys) if (typeof item[key] === 'string' || typeof item[key] === 'number') return `${key}=${item[key]}`;
  }
  return JSON.stringify(item);
};

/**
 * Pages through one collection.
 * @param {Function} get the GET function of http.js
 * @param {{template: string, path: string}} endpoint
 * @param {{ pageSize: number, maxPages: number, maxItems: number, idKeys: string[] }} options
 * @returns {Promise<object>} { answers, pageAnswers, items, paging, failure }
 *   `answers`: every answer (statuses, CORS headers); `pageAnswers`: those whose items were taken
 *   (what the core parses); `failure`: the first answer that was not a 2xx JSON list, or null.
 */
export async function readCollection(get, endpoint, { pageSize, maxPages, maxItems, idKeys }) {
  const items = [];
  const pages = [];
  const answers = [];
  const pageAnswers = [];   // the 2xx answers whose items were taken (not a repeated page)
  const seen = new Set();
  let duplicates = 0;
  let offset = 0;
  let shortStop = null;     // how many items the short-page rule would have read
  let total = null;         // the last X-Total-Count seen
  let totalHeaderPages = 0;
  let resultHeaderPages = 0;
  let resultMismatch = false;
  let offsetIgnored = false;
  let end = 'complete';
  let failure = null;
  let bodyShape = null;
  for (;;) {
    if (pages.length >= maxPages || items.length >= maxItems) { end = 'bound'; break; }
    const answer = await get(endpoint, { offset, limit: pageSize });
    answers.push(answer);
    if (answer.error || answer.status < 200 || answer.status > 299) { failure = answer; end = 'failed'; break; }
    let value;
    try { value = JSON.parse(answer.text); } catch { failure = { ...answer, notJson: true }; end = 'failed'; break; }
    const { list, shape } = listIn(value);
    bodyShape ??= shape;
    if (!list) { failure = { ...answer, notList: shape }; end = 'failed'; break; }
    const pageTotal = intHeader(answer.headers, 'x-total-count');
    const pageResult = intHeader(answer.headers, 'x-result-count');
    if (pageTotal !== null) totalHeaderPages += 1;
    if (pageResult !== null) resultHeaderPages += 1;
    if (pageResult !== null && pageResult !== list.length) resultMismatch = true;
    if (typeof pageTotal === 'number') total = pageTotal;
    pages.push({ offset, limit: pageSize, count: list.length, status: answer.status,
      totalCount: pageTotal, resultCount: pageResult });
    // A page of items all seen before: the server ignores offset.
    const ids = list.map((item) => identity(item, idKeys));
    if (list.length > 0 && offset > 0 && ids.every((id) => seen.has(id))) { offsetIgnored = true; pages.at(-1).repeated = true; break; }
    pageAnswers.push(answer);
    for (let i = 0; i < list.length; i += 1) {
      if (seen.has(ids[i])) duplicates += 1;
      seen.add(ids[i]);
      items.push(list[i]);
    }
    if (shortStop === null && list.length < pageSize) shortStop = items.length;
    if (list.length === 0) break;
    if (typeof pageTotal === 'number' && items.length >= pageTotal) break;
    offset += list.length;
  }
  const headers = totalHeaderPages === 0 && resultHeaderPages === 0 ? 'none'
    : totalHeaderPages === pages.length && resultHeaderPages === pages.length ? 'both'
      : totalHeaderPages === pages.length ? 'totalOnly' : resultHeaderPages === pages.length ? 'resultOnly' : 'partial';
  return {
    answers,
    pageAnswers,
    items,
    failure,
    paging: {
      end,
      bodyShape,
      pageSizeAsked: pageSize,
      pages: pages.length,
      pageCounts: pages.map((p) => p.count),
      items: items.length,
      longerThan40: items.length > 40,
      headers,
      totalCount: total,
      totalMatches: total === null ? null : total === items.length,
      resultCountMatches: resultHeaderPages === 0 ? null : !resultMismatch,
      // The server answered fewer than asked although more followed: its own page size.
      serverPageCap: items.length > pages[0]?.count && pages[0].count < pageSize ? pages[0].count : null,
      shortPageRuleReads: shortStop ?? items.length,
      offsetIgnored,
      duplicates,
    },
  };
}
