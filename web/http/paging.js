// Reading a whole paged collection of the Business Talk API (beside transport.js). The API pages every collection: `offset` (0-based index of the first
// item) and `limit` (most items wanted, default 40), a bare JSON array per page, and two headers,
// X-Total-Count (items in the whole collection) and X-Result-Count (items in this answer).
// The server may answer fewer than asked (its own cap), so the client keeps asking until it holds
// X-Total-Count items; without that header (a cross-origin API that does not expose it) a page
// shorter than an earlier one, or an empty page, ends the list. The work is bounded (pages, items)
// and a server whose pages contradict themselves gets a specific error, never an endless loop.
import { BtalkApiError, abortedError } from './client-common.js';

/** Items asked for per page, as the real API's own client does; a server may cap it lower. */
export const PAGE_LIMIT = 1000;
/** Default bounds of one list read: pages asked for, items held. */
export const MAX_LIST_PAGES = 500;
export const MAX_LIST_ITEMS = 100_000;

/**
 * A count header as a whole number >= 0, or undefined when absent or unreadable.
 * @param {Headers|undefined} headers
 * @param {string} name
 */
export function countHeader(headers, name) {
  const value = headers?.get?.(name);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

function pagingError(code, path, message) {
  return new BtalkApiError({ status: 200, code, url: path, message });
}

/** Checks the `maxListPages` / `maxListItems` client options. */
export function checkListBounds(label, { maxListPages = MAX_LIST_PAGES, maxListItems = MAX_LIST_ITEMS } = {}) {
  if (!(Number.isInteger(maxListPages) && maxListPages >= 1)) throw new TypeError(`${label}: maxListPages must be an integer >= 1`);
  if (!(Number.isInteger(maxListItems) && maxListItems >= 1)) throw new TypeError(`${label}: maxListItems must be an integer >= 1`);
  return { maxPages: maxListPages, maxItems: maxListItems };
}

/**
 * Every item of a collection, page after page.
 * @param {(offset: number, limit: number) => Promise<{ items: unknown[], headers?: Headers, text: string } | null>} readPage
 *   one page (parsed); null when the collection is absent (a 404 the caller accepts: first page only)
 * @param {{ path: string, signal?: AbortSignal, limit?: number, maxPages: number, maxItems: number }} options
 * @returns {Promise<unknown[] | null>} the items, or null when the first page was absent
 */
export async function readAllPages(readPage, { path, signal, limit = PAGE_LIMIT, maxPages, maxItems }) {
  const items = [];
  let total;
  let largestPage = 0;
  let previousText = null;
  for (let page = 0; ; page += 1) {
    if (signal?.aborted) throw abortedError(path, signal.reason);
    if (page >= maxPages) {
      throw pagingError('tooManyPages', path,
        `The Business Talk API list did not end within ${maxPages} pages (${items.length} items read): it was not read further.`);
    }
    const answer = await readPage(items.length, limit);
    if (answer === null) {
      if (page === 0) return null;
      throw pagingError('pagingInconsistent', path, `The Business Talk API list vanished while it was read (at item ${items.length}). Try again.`);
    }
    const pageTotal = countHeader(answer.headers, 'x-total-count');
    if (pageTotal !== undefined) {
      if (total !== undefined && pageTotal !== total) {
        throw pagingError('pagingInconsistent', path,
          `The Business Talk API list changed while it was read (${total} items, then ${pageTotal}). Try again.`);
      }
      total = pageTotal;
      if (total > maxItems) {
        throw pagingError('listTooLong', path,
          `The Business Talk API list holds ${total} items, more than the ${maxItems} this client reads.`);
      }
    }
    const count = answer.items.length;
    if (count > 0 && answer.text === previousText) {
      throw pagingError('pagingInconsistent', path,
        `The Business Talk API sent the same page again for items from ${items.length} on: it does not page this list.`);
    }
    previousText = answer.text;
    if (items.length + count > maxItems) {
      throw pagingError('listTooLong', path,
        `The Business Talk API list holds more than the ${maxItems} items this client reads.`);
    }
    for (const item of answer.items) items.push(item);
    if (total !== undefined) {
      if (items.length === total) return items;
      if (items.length > total) {
        throw pagingError('pagingInconsistent', path,
          `The Business Talk API sent more items (${items.length}) than its list holds (${total}). Try again.`);
      }
      if (count === 0) {
        throw pagingError('pagingInconsistent', path,
          `The Business Talk API list ended at ${items.length} of the ${total} items it announced. Try again.`);
      }
    } else if (count === 0 || (count < limit && count < largestPage)) {
      // No total: an empty page ends the list, and so does a page shorter than one the server
      // already sent (its cap is at least that). A first short page may be the server's cap, so
      // one more page is asked for; an empty answer then ends it.
      return items;
    }
    largestPage = Math.max(largestPage, count);
  }
}
