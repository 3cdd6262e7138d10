// The voicesites list of <btalk-voicesite-order>: a table (blocks of "label: value" lines in a
// narrow container), a filter and pages of PAGE_SIZE rows once there are more than that, and
// "Give its address" on every row whose address is missing. The model functions are DOM-free.
import { h } from '../../internal/shared.js';

export const PAGE_SIZE = 20;
// The names first; the id (a UUID, for support) last.
const COLUMNS = ['name', 'label', 'country', 'status', 'address', 'id'];

const fold = (text) => String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
// Each listed voicesite's searchable text, folded once (a list can hold thousands).
const haystacks = new WeakMap();
function haystackOf(site) {
  let text = haystacks.get(site);
  if (text === undefined) {
    text = fold([site.voiceSiteId, site.technicalSiteName, site.customerSiteLabel, site.country, site.status].join(' '));
    haystacks.set(site, text);
  }
  return text;
}

/**
 * The rows that match `filter` (case- and accent-insensitive, on id, names, country and status;
 * `shown(site)` adds the words shown for a site, e.g. its country's name and status label).
 */
export function filterSites(sites, filter, shown = null) {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (!words.length) return sites;
  return sites.filter((site) => {
    const haystack = shown ? `${haystackOf(site)} ${fold(shown(site).join(' '))}` : haystackOf(site);
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The newest voicesite first: by `creationDate` (newest first) where the API gives it; the list's
 * own order reversed otherwise (an API lists the oldest first). A new array; the input is kept.
 */
export function newestFirst(sites) {
  const time = (site) => {
    const value = Date.parse(site?.creationDate ?? '');
    return Number.isFinite(value) ? value : null;
  };
  return sites.map((site, index) => ({ site, index, at: time(site) }))
    .sort((a, b) => (a.at !== null && b.at !== null && a.at !== b.at ? b.at - a.at : b.index - a.index))
    .map(({ site }) => site);
}

/** A country code as its name in `lang` ("FR" -> "France", "Frankreich"); the code when unknown. */
export function countryName(iso2, lang) {
  const code = String(iso2 ?? '');
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A status as words: the catalogue's `list.status.<status>`, else the API's value, spaced ("inProgress" -> "In progress"). */
export function statusLabel(status, t) {
  const raw = String(status ?? '');
  if (!raw) return '';
  const key = `list.status.${raw}`;
  const text = t.t(key);
  if (text !== key) return text;
  const words = raw.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One page of the list: { rows, page, pages, from, to, total, paged }. `page` is clamped;
 * with `pinnedId` and no explicit page, the page holding that voicesite is chosen.
 */
export function pageOf(sites, { page = null, pinnedId = null, size = PAGE_SIZE } = {}) {
  const total = sites.length;
  const pages = Math.max(1, Math.ceil(total / size));
  let index = page;
  if (index === null) {
    const pinned = pinnedId === null ? -1 : sites.findIndex((s) => String(s.voiceSiteId) === String(pinnedId));
    index = pinned >= 0 ? Math.floor(pinned / size) : 0;
  }
  index = Math.min(Math.max(0, index), pages - 1);
  const rows = sites.slice(index * size, (index + 1) * size);
  return { rows, page: index, pages, from: total ? index * size + 1 : 0, to: index * size + rows.length, total, paged: total > size };
}

/**
 * Renders the list into `host`. `state`: { sites, filter, page, newId, formatAddress?, progress? }
 * (`progress`: { loaded, total, done } while the list still comes in pages);
 * `t`: the localizer; `actions`: { onGive(id), onFilter(text), onPage(index) }.
 * The filter input is kept across renders (typing in it never loses the focus).
 */
export class VoicesiteList {
  constructor(host, actions) {
    this.host = host;
    this.actions = actions;
    this.tools = h('div', { class: 'list-tools' });
    this.filterId = 'list-filter';
    this.filter = h('input', {
      part: 'input filter', id: this.filterId, type: 'search', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': 'list-filter-hint', 'aria-controls': 'list-results',
    });
    this.filterLabel = h('label', { part: 'label', for: this.filterId });
    this.filterHint = h('p', { class: 'hint', id: 'list-filter-hint' });
    this.filter.addEventListener('input', () => this.actions.onFilter(this.filter.value));
    this.tools.append(h('div', { class: 'field' }, this.filterLabel, this.filterHint, this.filter));
    this.body = h('div', { class: 'table-wrap', id: 'list-results' });
    this.pager = h('nav', { part: 'pager', class: 'pager' });
    this.count = h('p', { part: 'status', class: 'list-count', role: 'status', 'aria-live': 'polite' });
    // How far a long list has come in (its first page shows at once, the others follow).
    this.progress = h('p', { part: 'status', class: 'list-progress', role: 'status', 'aria-live': 'polite' });
    host.append(this.tools, this.progress, this.count, this.body, this.pager);
  }

  render(state, t) {
    const { sites } = state;
    const pagedAtAll = !!sites && sites.length > PAGE_SIZE;
    this.tools.hidden = !pagedAtAll;
    if (!pagedAtAll) this.tools.remove();
    else if (!this.tools.isConnected) this.host.prepend(this.tools);
    this.filterLabel.textContent = t.t('list.filter.label');
    this.filterHint.textContent = t.t('list.filter.hint');
    if (this.filter.value !== state.filter && this.host.getRootNode().activeElement !== this.filter) this.filter.value = state.filter;
    const progress = state.progress && !state.progress.done ? state.progress : null;
    const progressText = !progress ? ''
      : progress.total !== null ? t.t('list.progress', { loaded: t.number(progress.loaded), total: t.number(progress.total) })
        : t.t('list.progressUnknown', { loaded: t.number(progress.loaded) });
    if (this.progress.textContent !== progressText) this.progress.textContent = progressText;
    if (!sites) {
      this.count.textContent = '';
      this.body.replaceChildren();
      this.pager.remove();
      return;
    }
    if (sites.length === 0) {
      this.count.textContent = '';
      this.body.replaceChildren(h('p', { part: 'status', text: t.t('list.empty') }));
      this.pager.remove();
      return;
    }
    const shown = (site) => [countryName(site.country, t.lang), statusLabel(site.status, t)];
    const matching = filterSites(newestFirst(sites), pagedAtAll ? state.filter : '', shown);
    const view = pageOf(matching, { page: state.page, pinnedId: state.newId });
    // Said politely after each filter keystroke's result, not on each key; while pages still come in,
    // the count says it is of the voicesites loaded so far.
    const countKey = progress ? 'list.matchesSoFar' : 'list.matches';
    this.count.textContent = pagedAtAll && state.filter.trim()
      ? t.t(countKey, { count: matching.length, loaded: t.number(sites.length) }) : '';
    if (matching.length === 0) {
      this.body.replaceChildren(h('p', { part: 'status', text: t.t('list.noMatch', { filter: state.filter.trim() }) }));
    } else {
      this.body.replaceChildren(this.#table(view, state, t, progress?.total ?? sites.length));
    }
    this.#renderPager(view, t, pagedAtAll && view.paged);
  }

  #table(view, state, t, total) {
    const head = h('tr', { role: 'row' }, ...COLUMNS
      .map((key) => h('th', { scope: 'col', role: 'columnheader', text: t.t(`list.col.${key}`) })));
    // Each cell repeats its column name for the stacked layout (hidden from screen readers,
    // which get it from the column header). Explicit roles: a table shown as blocks on
    // narrow screens stays a table to screen readers.
    const cell = (key, value, attributes = {}) => h('td', { role: 'cell', 'data-column': key, ...attributes },
      h('span', { class: 'cell-label', 'aria-hidden': 'true', text: t.t(`list.col.${key}`) }),
      h('span', { class: 'cell-value', text: value }));
    const rows = view.rows.map((site) => {
      const id = String(site.voiceSiteId ?? '');
      const isNew = state.newId !== null && state.newId !== undefined && id === String(state.newId);
      const idCell = cell('id', id, { class: 'id' });
      const nameCell = cell('name', String(site.technicalSiteName ?? ''));
      if (isNew) nameCell.lastChild.append(h('span', { class: 'badge', text: t.t('list.new') }));
      const addressCell = cell('address', '');
      const lines = site.hasVoiceAddress ? addressLines(site, state.formatAddress) : null;
      if (lines?.length) {
        addressCell.lastChild.append(...lines.flatMap((line, i) => (i ? [h('br'), line] : [line])));
      } else {
        addressCell.lastChild.textContent = t.t(site.hasVoiceAddress ? 'list.address.yes' : 'list.address.no');
      }
      if (!site.hasVoiceAddress) {
        const give = h('button', {
          part: 'button give-address', type: 'button', class: 'secondary give',
          'aria-label': t.t('list.give.named', { name: site.technicalSiteName || id }),
          text: t.t('list.give'),
        });
        give.addEventListener('click', () => this.actions.onGive(id));
        addressCell.append(h('span', { class: 'cell-action' }, give));
        addressCell.classList.add('missing');
      }
      const row = h('tr', { role: 'row', part: isNew ? 'row row-new' : 'row', 'data-voicesite-id': id },
        nameCell,
        cell('label', String(site.customerSiteLabel ?? '')),
        cell('country', countryName(site.country, t.lang)),
        cell('status', statusLabel(site.status, t)),
        addressCell,
        idCell);
      if (isNew) {
        row.classList.add('new');
        row.setAttribute('aria-current', 'true');
      }
      return row;
    });
    return h('table', { part: 'table', role: 'table', id: 'list-table' },
      h('caption', { text: t.t('list.caption', { count: total }) }),
      h('thead', { role: 'rowgroup' }, head),
      h('tbody', { role: 'rowgroup' }, ...rows));
  }

  #renderPager(view, t, shown) {
    if (!shown) {
      this.pager.remove();
      return;
    }
    this.pager.setAttribute('aria-label', t.t('list.pager.label'));
    const hadFocus = this.pager.contains(this.host.getRootNode().activeElement);
    const button = (which, target, enabled) => {
      const b = h('button', {
        part: 'button', type: 'button', class: 'secondary', 'data-page': which,
        'aria-disabled': enabled ? null : 'true', text: t.t(`list.${which}`),
      });
      b.addEventListener('click', () => { if (enabled) this.actions.onPage(target); });
      return b;
    };
    const position = h('span', { class: 'pager-position', text: t.t('list.range', { from: t.number(view.from), to: t.number(view.to), count: view.total }) });
    this.pager.replaceChildren(button('previous', view.page - 1, view.page > 0), position,
      button('next', view.page + 1, view.page < view.pages - 1));
    if (!this.pager.isConnected) this.host.append(this.pager);
    if (hadFocus) {
      const enabled = [...this.pager.querySelectorAll('button:not([aria-disabled])')];
      enabled[0]?.focus();
    }
  }
}

/**
 * The address of a listed voicesite as lines, when the list carries it and the core can format
 * it (core.formatAddress(country, address) -> lines); null otherwise (the cell says "Given").
 */
export function addressLines(site, formatAddress) {
  if (typeof formatAddress !== 'function' || !site.voiceAddress || typeof site.voiceAddress !== 'object') return null;
  try {
    const lines = formatAddress(site.country, site.voiceAddress);
    return Array.isArray(lines) ? lines.map(String).filter((line) => line.trim() !== '') : null;
  } catch {
    return null; // an address the core cannot format: the cell says "Given" rather than nothing
  }
}
