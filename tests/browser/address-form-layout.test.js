// <btalk-address-form>'s layout while it loads (issue 18, item 7): the first load shows a skeleton
// of fields of about the form's size; switching country keeps the old form in place, dimmed and
// inert, until the new country's form is ready; the status line ("Loading…", "Searching
// addresses…") sits beside the Save button, so showing it never moves the fields.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage } from './helpers.js';

const env = browserSuite();

/** Holds the answers to `pattern` until `release()` is called. */
async function holdRequests(page, pattern) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const fieldsState = (page) => page.locator('btalk-address-form').evaluate((el) => {
  const fields = el.shadowRoot.querySelector('.fields');
  const inputs = [...fields.querySelectorAll('[part~="field"]')];
  return {
    height: el.getBoundingClientRect().height,
    firstTop: inputs[0]?.getBoundingClientRect().top ?? null,
    inputs: inputs.length,
    skeleton: fields.querySelectorAll('.skeleton').length,
    stale: fields.classList.contains('stale'),
    inert: fields.inert,
    status: el.shadowRoot.querySelector('[part="status"][role="status"]')?.textContent ?? '',
  };
});

describe('<btalk-address-form> layout while loading', { skip: env.skip }, () => {
  test('the first load shows placeholder fields, not a single "Loading…" line', async () => {
    const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html?country=FR&customer=9999');
    try {
      // The page may have loaded already: load another country, held, in a fresh element.
      const release = await holdRequests(page, '**/countries/DE/addressconstraints');
      await page.evaluate(() => {
        const form = document.createElement('btalk-address-form');
        form.id = 'second';
        form.setAttribute('api-base', '/proxy/btalk/v1');
        form.setAttribute('country', 'DE');
        document.body.append(form);
      });
      const second = page.locator('#second');
      await page.waitForFunction(() => document.querySelector('#second').shadowRoot?.querySelector('.fields .skeleton'));
      const loading = await second.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        hidden: [...el.shadowRoot.querySelectorAll('.skeleton')].every((s) => s.getAttribute('aria-hidden') === 'true'),
      }));
      assert.ok(loading.height >= 400, `the loading form has the room of a form (${loading.height} px)`);
      assert.equal(loading.hidden, true, 'placeholders are hidden from assistive technology');
      release();
      await page.waitForFunction(() => document.querySelector('#second').shadowRoot.querySelector('[part~="field"] input, [part~="field"] select'));
      assert.equal(await second.evaluate((el) => el.shadowRoot.querySelectorAll('.skeleton').length), 0, 'the placeholders are gone');
    } finally {
      await page.closeAll();
    }
  });

  test('switching country keeps the old form, dimmed and inert, until the new one is ready; the fields do not move', async () => {
    const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html?country=US&customer=9999');
    try {
      await page.locator('btalk-address-form [part~="field"] input').first().waitFor();
      const before = await fieldsState(page);
      const release = await holdRequests(page, '**/countries/DE/addressconstraints');
      await page.locator('btalk-address-form').evaluate((el) => el.setAttribute('country', 'DE'));
      await page.waitForFunction(() => document.querySelector('btalk-address-form').shadowRoot.querySelector('[part="status"][role="status"]').textContent !== '');
      const during = await fieldsState(page);
      assert.equal(during.stale, true, 'the old form is marked stale (dimmed)');
      assert.equal(during.inert, true, 'and cannot be typed in');
      assert.equal(during.inputs, before.inputs, 'the old fields stay');
      assert.ok(during.status, 'the status says the form loads');
      assert.ok(Math.abs(during.firstTop - before.firstTop) < 1, `the status does not push the fields (${before.firstTop} -> ${during.firstTop})`);
      assert.ok(during.height >= before.height * 0.95, `the form does not collapse (${before.height} -> ${during.height})`);
      release();
      await page.waitForFunction(() => !document.querySelector('btalk-address-form').shadowRoot.querySelector('.fields.stale'));
      const after = await fieldsState(page);
      assert.equal(after.inert, false);
      assert.ok(after.inputs > 0);
      assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), [], 'no script error');
    } finally {
      await page.closeAll();
    }
  });
});
