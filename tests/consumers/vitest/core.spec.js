// @vitest-environment happy-dom
// A component test suite in Vitest with happy-dom: window exists, yet the core must load from disk.
import { expect, test } from 'vitest';
import { loadCore } from 'btalk-forms';
import { BtalkAddressForm } from 'btalk-forms/address-form';

test('loadCore() works under happy-dom and validates', async () => {
  expect(typeof window).toBe('object');
  const core = await loadCore();
  expect(core.version).toMatch(/^\d+\.\d+\.\d+$/);
  const constraints = {
    pc: { usage: 'mandatory', defaultLabel: 'Postal code', valueType: 'freestring', minLength: 5, maxLength: 5, valueRegexp: '^[0-9]{5}$', position: 1 },
  };
  expect(core.validateAddress(constraints, { pc: '75001' }).valid).toBe(true);
  const bad = core.validateAddress(constraints, { pc: 'abc' });
  expect(bad.valid).toBe(false);
  expect(bad.problems.map((p) => p.field)).toContain('pc');
});

test('importing the element entry defines it in the emulated DOM', () => {
  // (Constructing one needs ElementInternals, which happy-dom 21 does not implement.)
  expect(customElements.get('btalk-address-form')).toBe(BtalkAddressForm);
  expect(BtalkAddressForm.prototype).toBeInstanceOf(HTMLElement);
});
