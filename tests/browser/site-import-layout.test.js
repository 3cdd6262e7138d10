// <btalk-site-import>'s table and mapping (issue 18, item 8): no inner scroll box that cuts rows with
// no cue; at 390 px each row is a card (no sideways scroll); *Edit row* focuses and marks the field
// the check refused; the column mapping names the fields in words, not codes, without cutting them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from './helpers.js';
import { csvOf, importUi, mountImport, openImportPage, validSite } from './site-import-helpers.js';

const VPN = 'aa76e66dfc63'; // "My VPN 1" of customer 9999
const env = browserSuite({ reset: true });

/** 12 FR rows with the API's own headers plus an unknown "Notes" column; row 3 (the second) has a bad postal code. */
async function twelveRows() {
  const p = `LAY${Date.now().toString(36).toUpperCase()}`;
  const rows = [];
  for (let i = 1; i <= 12; i += 1) rows.push({ ...(await validSite('FR', `${p}_${i}`, VPN)), Notes: `note ${i}` });
  rows[1].pc = '1';
  const headers = [...Object.keys(rows[0])];
  return { headers, text: csvOf(headers, rows) };
}

async function load(page, { headers, text }) {
  await mountImport(page, { attributes: { 'customer-code': '9999' } });
  const ui = importUi(page);
  await ui.paste.fill(text);
  await ui.pasteButton.click();
  await ui.apply.waitFor();
  return { ui, headers };
}

test('mapping in words, uncut; every row visible; Edit row focuses and marks the refused field', { skip: env.skip }, async () => {
  const data = await twelveRows();
  const page = await openImportPage(env.browser, env.server.origin, { viewport: { width: 1280, height: 900 } });
  try {
    const { ui, headers } = await load(page, data);
    const street = ui.mapping(headers.indexOf('a6'));
    assert.equal(await street.locator('option[value="a6"]').textContent(), 'Street name', 'words, not "a6 (Address element a6)"');
    assert.equal(await street.locator('option[value="technicalSiteName"]').textContent(), 'Technical site name');
    const cut = await ui.root.evaluate((el) => [...el.shadowRoot.querySelectorAll('select[data-column]')].flatMap((select) => {
      const text = select.selectedOptions[0]?.textContent ?? '';
      const context = document.createElement('canvas').getContext('2d');
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The text has the width between the paddings, less the arrow (about 1.5rem).
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
      return context.measureText(text).width > room ? [`${text} (${Math.round(context.measureText(text).width)} > ${Math.round(room)} px)`] : [];
    }));
    assert.deepEqual(cut, [], 'no mapping text is cut off');
    await ui.apply.click();
    await ui.summary.filter({ hasText: '1 with problems' }).waitFor();
    const box = await ui.root.evaluate((el) => {
      const wrap = el.shadowRoot.querySelector('.table-wrap');
      return { scroll: wrap.scrollHeight, client: wrap.clientHeight, rows: wrap.querySelectorAll('tbody tr').length };
    });
    assert.equal(box.rows, 12);
    assert.ok(box.scroll <= box.client + 1, `no row is hidden in an inner scroll box (${box.scroll} > ${box.client} px)`);

    await ui.row(3).locator('button[data-action="edit"]').click();
    const pcColumn = headers.indexOf('pc');
    const focused = await ui.root.evaluate((el) => {
      const active = el.shadowRoot.activeElement;
      return { column: active?.dataset.column, invalid: active?.getAttribute('aria-invalid'), error: el.shadowRoot.getElementById(active?.getAttribute('aria-describedby') ?? '')?.textContent ?? '' };
    });
    assert.equal(focused.column, String(pcColumn), 'the refused postal code has the focus, not the site name');
    assert.equal(focused.invalid, 'true');
    assert.match(focused.error, /Postal code/);
    assert.equal(await ui.root.locator(`tr[data-editor="3"] input[data-column="${headers.indexOf('a6')}"]`).getAttribute('aria-invalid'), null, 'only the refused field is marked');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('at 390 px the rows are cards: no sideways scroll, each value with its column\'s name', { skip: env.skip }, async () => {
  const data = await twelveRows();
  const page = await openImportPage(env.browser, env.server.origin, { viewport: { width: 390, height: 900 } });
  try {
    const { ui } = await load(page, data);
    await ui.apply.click();
    await ui.summary.filter({ hasText: '1 with problems' }).waitFor();
    const layout = await ui.root.evaluate((el) => {
      const wrap = el.shadowRoot.querySelector('.table-wrap');
      const row = wrap.querySelector('tbody tr');
      const country = row.querySelector('td[data-label="Country"]');
      return {
        scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth, display: getComputedStyle(row).display,
        label: country ? getComputedStyle(country, '::before').content : null,
        role: wrap.querySelector('table').getAttribute('role'),
      };
    });
    assert.ok(layout.scrollWidth <= layout.clientWidth + 1, `no sideways scroll (${layout.scrollWidth} > ${layout.clientWidth} px)`);
    assert.equal(layout.display, 'block', 'a row is a card');
    assert.match(layout.label ?? '', /Country/, 'each value shows its column\'s name');
    assert.equal(layout.role, 'table', 'still a table to assistive technology');
  } finally {
    await page.closeAll();
  }
});
