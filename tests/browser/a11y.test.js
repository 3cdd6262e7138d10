// Accessibility checks of the demo page (examples/page, served by npm start) with both elements, written
// in-test instead of pulling in axe-core: every control named and every aria reference
// resolving, headings that nest under the page's own sections, invalid fields tied to
// a visible message, no live region chattering on each keystroke, and a focus
// indicator of at least 3:1 (WCAG 1.4.11) on every stop of a Tab walk through the page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, coreIsBuilt, openPage, resetStandIn, setFaults, waitForChoices } from './helpers.js';
import { deepActiveId } from './order-helpers.js';
import { auditPage, contrast } from './a11y-audit.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';

const env = browserSuite();

async function openDemo(options) {
  await resetStandIn(env.server.origin);
  const page = await openPage(env.browser, env.server.origin, '/', options);
  await waitForChoices(page.locator('#order #country-select'));
  // FR has a search: its fields are folded under it until the address is typed by hand.
  await page.locator('#standalone-address input[name="pc"]').waitFor({ state: 'attached' });
  return page;
}

describe('demo page accessibility', { skip }, () => {
  test('controls are named, references resolve, headings nest under the page sections, invalid fields name their message', async () => {
    const page = await openDemo({ viewport: { width: 1280, height: 900 } });
    try {
      const initial = await page.evaluate(auditPage);
      assert.deepEqual(initial.problems, [], initial.headings.join(' | '));
      assert.equal(initial.headings.filter((h) => h.startsWith('h1 ')).length, 1, 'one h1');
      // An empty order: every field's problem is tied to its control.
      await page.locator('#order #order-button').click();
      await page.locator('#order #customer-select[aria-invalid="true"]').waitFor();
      const invalid = await page.evaluate(auditPage);
      assert.deepEqual(invalid.problems, []);
      // The standalone address form's error summary is a heading too: it must nest under its section.
      assert.equal(await page.evaluate(() => document.querySelector('#standalone-address').reportValidity()), false);
      await page.locator('#standalone-address [part~="summary"]:not([hidden])').waitFor();
      const summary = await page.evaluate(auditPage);
      assert.deepEqual(summary.problems, [], summary.headings.join(' | '));
      assert.ok(summary.headings.some((h) => h.startsWith('h3 ')), summary.headings.join(' | '));
    } finally {
      await page.closeAll();
    }
  });

  test('typing in the forms does not make any live region speak on each keystroke', async () => {
    const page = await openDemo();
    try {
      await page.evaluate(() => {
        window.__spoken = new Set();
        const watch = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.matches('[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]')) {
              const name = `${el.localName}${el.id ? `#${el.id}` : ''}.${el.className}`;
              new MutationObserver(() => window.__spoken.add(name))
                .observe(el, { subtree: true, childList: true, characterData: true });
            }
            if (el.shadowRoot) watch(el.shadowRoot);
          }
        };
        watch(document);
      });
      const keystrokesHeard = {};
      const typeWatching = async (locator, text) => {
        await locator.click();
        for (const character of text) {
          await page.keyboard.type(character);
          // Let debounced validation and the event log catch up with this keystroke.
          await page.waitForTimeout(250);
          const spoken = await page.evaluate(() => {
            const names = [...window.__spoken];
            window.__spoken.clear();
            return names;
          });
          for (const name of spoken) keystrokesHeard[name] = (keystrokesHeard[name] ?? 0) + 1;
        }
      };
      await page.locator('#standalone-address [part~="manual"]').click();
      await typeWatching(page.locator('#standalone-address input[name="pc"]'), '7501');
      await typeWatching(page.locator('#order #technicalSiteName-input'), 'SITE');
      const chatty = Object.entries(keystrokesHeard).filter(([, count]) => count >= 3);
      assert.deepEqual(chatty, [], 'a live region changed on most keystrokes');
      // The event log still records them, silently.
      assert.ok(await page.locator('#event-log li[data-event="btalk-validity"]').count() >= 1);
    } finally {
      await page.closeAll();
    }
  });

  test('every Tab stop of the page and the order element shows a focus indicator of at least 3:1', async () => {
    const page = await openDemo({ viewport: { width: 1280, height: 900 } });
    try {
      // Direct mode shows the settings fields too.
      await page.locator('input[name="mode"][value="direct"]').check();
      await page.locator('#order #customer-select').selectOption('9999');
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      const seen = [];
      const failures = [];
      for (let stop = 0; stop < 60; stop += 1) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          let active = document.activeElement;
          const hosts = [];
          while (active?.shadowRoot?.activeElement) {
            hosts.push(active.localName);
            active = active.shadowRoot.activeElement;
          }
          if (!active || active === document.body) return null;
          const style = getComputedStyle(active);
          const colours = [];
          if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) colours.push(style.outlineColor);
          for (const match of style.boxShadow.matchAll(/rgba?\([^)]*\)/g)) colours.push(match[0]);
          return { id: `${hosts.join('>')}${hosts.length ? '>' : ''}${active.localName}#${active.id}`, hosts, colours };
        });
        if (!focus) continue;
        if (seen.includes(focus.id)) break; // wrapped around
        seen.push(focus.id);
        const best = Math.max(0, ...focus.colours.map((colour) => contrast(colour, 'rgb(255, 255, 255)')));
        if (best < 3) failures.push(`${focus.id}: best indicator contrast ${best.toFixed(2)} (${focus.colours.join(', ') || 'none'})`);
      }
      assert.ok(seen.some((id) => id.includes('btalk-voicesite-order>select#customer-select')), `the walk reached the order element: ${seen.join(' ')}`);
      assert.ok(seen.some((id) => id.includes('#client-secret')), 'the walk reached the settings');
      assert.deepEqual(failures, []);
    } finally {
      await page.closeAll();
    }
  });

  test('the standalone country picker says when the countries failed and loads them again on request', async () => {
    await resetStandIn(env.server.origin);
    await setFaults(env.server.origin, { failRate: 1, failStatus: 500 });
    const page = await openPage(env.browser, env.server.origin, '/');
    try {
      const status = page.locator('#standalone-country-status');
      await page.waitForFunction(() => document.querySelector('#standalone-country-status').textContent.includes('could not be loaded'));
      const retry = page.locator('#standalone-country-retry');
      assert.equal(await retry.isVisible(), true);
      await resetStandIn(env.server.origin);
      await retry.focus();
      await page.keyboard.press('Enter');
      await page.locator('#standalone-country option[value="CH"]').waitFor({ state: 'attached' });
      assert.match(await status.textContent(), /^\d+ countries\.$/);
      assert.equal(await retry.isVisible(), false);
      assert.equal(await deepActiveId(page), 'standalone-country', 'focus stays next to the vanished button');
    } finally {
      await page.closeAll();
      await resetStandIn(env.server.origin);
    }
  });
});
