// The wasm core in Chromium: issue 9's reproducers answer with structured
// errors, and a broken instance is replaced synchronously on the main thread
// (Chromium allows `new WebAssembly.Instance` of an already compiled module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, coreIsBuilt, openPage } from './helpers.js';

const env = browserSuite();

test('Chromium: budgets answer, and the core recovers from a broken instance on the next call', { skip: !coreIsBuilt() && 'wasm core not built' }, async () => {
  const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html');
  try {
    const outcome = await page.evaluate(async () => {
      const { loadCore } = await import('/web/core.js');
      const core = await loadCore();
      const instance = core[Symbol.for('btalk-forms.coreInstance')];
      const schema = { pc: { usage: 'mandatory', valueRegexp: '^[0-9]{5}$' } };
      const codes = (result) => result.problems.map((p) => `${p.field}:${p.code}`).join(',');
      const many = {};
      for (let i = 0; i < 2000; i += 1) many[`e${i}`] = { valueRegexp: '(?:.{999}){19}' };
      let tooComplex = '';
      try { core.addressForm(many); } catch (error) { tooComplex = error.code; }
      const surrogate = codes(core.validateAddress(schema, { pc: '1\ud800' }));
      const broken = instance.module;
      broken.HEAPU8.fill(0xff);
      let thrown = '';
      try { core.validateAddress(schema, { pc: '75006' }); } catch (error) { thrown = error.code; }
      const after = core.validateAddress(schema, { pc: '7500' });
      return {
        tooComplex, surrogate, thrown, after: codes(after), fresh: instance.module !== broken,
        generation: instance.generation, same: (await loadCore()) === core,
      };
    });
    assert.deepEqual(outcome, {
      tooComplex: 'tooComplex', surrogate: 'pc:badInput', thrown: 'internal', after: 'pc:patternMismatch',
      fresh: true, generation: 1, same: true,
    });
  } finally {
    await page.closeAll();
  }
});
