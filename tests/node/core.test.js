// The public JS contract of the wasm core, as a front-end team uses it (issue #2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, BtalkCoreError } from '../../web/index.js';
import { isBuiltOrderBody } from '../../web/core-loader/core-order.js';

const core = await loadCore();

const postalCode = {
  pc: {
    usage: 'mandatory', defaultLabel: 'Postal code', defaultDescription: 'Enter the postal code',
    referenceUrl: '', valueType: 'freestring', minLength: 5, maxLength: 5,
    valueRegexp: '^[a-z0-9]{5}$', position: 10,
  },
};
const usSchema = {
  a1: {
    usage: 'mandatory', defaultLabel: 'State', defaultDescription: 'Choose the state',
    referenceUrl: 'https://www.usps.com/', valueType: 'enumeration', minLength: 1, maxLength: 100,
    valueRegexp: '', possibleValues: ['New York', 'Washington', 'Alabama'], position: 20,
  },
  sts: {
    usage: 'optional', defaultLabel: 'Street suffix', defaultDescription: '', referenceUrl: 'javascript:alert(1)',
    valueType: 'enumerationAssociative', minLength: 1, maxLength: 100, valueRegexp: '',
    possibleValues: [{ value: 'AVE', display: 'Avenue' }, { value: 'RD', display: 'Road' }], position: 30,
  },
  hno: {
    usage: 'optional', defaultLabel: 'Street number', defaultDescription: '', referenceUrl: '',
    valueType: 'freenumerical', minLength: 0, maxLength: 6, valueRegexp: '', position: 10,
  },
  a6: {
    usage: 'mandatory', defaultLabel: 'Street', defaultDescription: '', referenceUrl: '',
    valueType: 'freestring', minLength: 2, maxLength: 8, valueRegexp: '', position: 15,
  },
};
const codes = (result) => result.problems.map((p) => `${p.field}:${p.code}`).sort();

test('loadCore() needs no arguments in Node and returns one shared instance', async () => {
  assert.match(core.version, /^\d+\.\d+\.\d+$/);
  assert.equal(await loadCore(), core);
});

test('a valid address has no problems, given as objects or as JSON text', () => {
  assert.deepEqual(core.validateAddress(postalCode, { pc: 'ab123' }), { valid: true, problems: [] });
  assert.deepEqual(core.validateAddress(JSON.stringify(postalCode), '{"pc":" ab123 "}'), { valid: true, problems: [] });
});

test('every problem code reaches JS with field, code and a message', () => {
  const cases = [
    [postalCode, {}, ['pc:valueMissing']],
    [postalCode, { pc: 'ab12' }, ['pc:tooShort']],
    [postalCode, { pc: 'ab1234' }, ['pc:tooLong']],
    [postalCode, { pc: 'AB123' }, ['pc:patternMismatch']],
    [postalCode, { pc: 'ab123', zz: 'x' }, ['zz:unknownField']],
    [usSchema, { a1: 'Texas', a6: 'Main' }, ['a1:notAllowed']],
    [usSchema, { a1: 'Alabama', a6: 'Main', sts: 'Avenue' }, ['sts:notAllowed']],
    [usSchema, { a1: 'Alabama', a6: 'Main', hno: '12b' }, ['hno:typeMismatch']],
    [usSchema, { a1: 'Alabama', a6: 'M' }, ['a6:tooShort']],
  ];
  for (const [schema, address, expected] of cases) {
    const result = core.validateAddress(schema, address);
    assert.equal(result.valid, false, JSON.stringify(address));
    assert.deepEqual(codes(result), expected, JSON.stringify(address));
    for (const problem of result.problems) assert.ok(problem.message.length > 5, problem.message);
  }
  assert.equal(core.validateAddress(usSchema, { a1: 'Alabama', a6: 'Main', sts: 'AVE', hno: '12' }).valid, true);
});

test('lengths count code points, not UTF-16 units or bytes', () => {
  assert.equal(core.validateAddress(usSchema, { a1: 'Alabama', a6: 'Ça😀ée' }).valid, true);
  assert.deepEqual(codes(core.validateAddress(usSchema, { a1: 'Alabama', a6: '😀😀😀😀😀😀😀😀😀' })), ['a6:tooLong']);
});

test('a hostile pattern is matched in linear time and still answers', () => {
  const hostile = { a6: { ...usSchema.a6, maxLength: 1000, valueRegexp: '^(a+)+$' } };
  const result = core.validateAddress(hostile, { a6: `${'a'.repeat(999)}!` });
  assert.deepEqual(codes(result), ['a6:patternMismatch']);
});

test('unsupported regex syntax is a constraint error naming the element', () => {
  const lookahead = { pc: { ...postalCode.pc, valueRegexp: '^(?=1)[0-9]{5}$' } };
  const result = core.validateAddress(lookahead, { pc: '12345' });
  assert.equal(result.valid, false);
  assert.deepEqual(codes(result), ['pc:constraintError']);
  const form = core.addressForm(lookahead);
  assert.equal(form.constraintErrors[0].field, 'pc');
});

test('addressForm gives fields in position order with controls and options', () => {
  const form = core.addressForm(usSchema);
  assert.deepEqual(form.fields.map((f) => f.name), ['hno', 'a6', 'a1', 'sts']);
  const byName = Object.fromEntries(form.fields.map((f) => [f.name, f]));
  assert.equal(byName.hno.control, 'numeric');
  assert.equal(byName.a6.control, 'text');
  assert.equal(byName.a1.control, 'select');
  assert.equal(byName.a1.required, true);
  assert.equal(byName.sts.required, false);
  assert.deepEqual(byName.a1.options[0], { value: 'New York', display: 'New York' });
  assert.deepEqual(byName.sts.options[1], { value: 'RD', display: 'Road' });
  assert.equal(byName.a1.referenceUrl, 'https://www.usps.com/');
  assert.equal(byName.sts.referenceUrl, null, 'only http(s) links are offered');
  assert.equal(form.dialZone, undefined);
});

test('geographical constraints map fields to geo levels and set the dialzone mode', () => {
  const schema = {
    a1: { ...usSchema.a6, defaultLabel: 'Canton', maxLength: 50, position: 10 },
    a3: { ...usSchema.a6, defaultLabel: 'City', maxLength: 50, position: 20 },
  };
  const geo = {
    dialZoneSelection: 'manual',
    emergencyAreaRules: { area1_pidflo: 'a1', area2_pidflo: 'a3', area3_pidflo: 'notUsed', area4_pidflo: 'notUsed' },
  };
  const form = core.addressForm(schema, geo);
  assert.equal(form.dialZone, 'manual');
  assert.deepEqual(form.fields.map((f) => [f.name, f.geoLevel, f.control]), [['a1', 1, 'select'], ['a3', 2, 'select']]);

  const options = {
    geographicalConstraints: geo,
    geoAreas: { area1: [{ value: 'Vaud', display: 'Vaud' }], area2: ['Lausanne', 'Montreux'] },
  };
  assert.deepEqual(codes(core.validateAddress(schema, { a1: 'Vaud', a3: 'Lausanne' }, options)), ['dialZone:valueMissing']);
  assert.equal(core.validateAddress(schema, { a1: 'Vaud', a3: 'Lausanne', dialZone: '021' }, options).valid, true);
  assert.deepEqual(codes(core.validateAddress(schema, { a1: 'Vaud', a3: 'Genève', dialZone: '021' }, options)), ['a3:notAllowed']);
});

test('malformed input throws BtalkCoreError and the module stays usable', () => {
  const bad = ['{not json', '[1,2', 42, 'null', '"text"'];
  for (const input of bad) {
    assert.throws(() => core.validateAddress(input, {}), (error) => {
      assert.ok(error instanceof BtalkCoreError, `${input}: ${error}`);
      assert.equal(typeof error.message, 'string');
      assert.ok(error.message.length > 5);
      return true;
    });
  }
  const circular = {};
  circular.self = circular;
  assert.throws(() => core.validateAddress(postalCode, circular), BtalkCoreError);
  assert.throws(() => core.addressForm('{"pc": {"usage": 12'), BtalkCoreError);
  // Still alive and right after the errors.
  assert.equal(core.validateAddress(postalCode, { pc: 'ab123' }).valid, true);
});

test('broken elements are reported, valid ones still validate', () => {
  const schema = { ...postalCode, a3: { usage: 42, valueType: 'nonsense', maxLength: 'many' } };
  const form = core.addressForm(schema);
  assert.ok(form.constraintErrors.some((e) => e.field === 'a3' && e.code === 'constraintError'));
  assert.ok(form.fields.some((f) => f.name === 'pc'));
  const result = core.validateAddress(schema, { pc: 'AB' });
  assert.ok(codes(result).includes('pc:tooShort'));
});

test('huge values are refused before any regex runs and do not crash', () => {
  const free = { a6: { ...usSchema.a6, maxLength: null, valueRegexp: '^[a-z]*$' } };
  delete free.a6.maxLength;
  const result = core.validateAddress(free, { a6: 'a'.repeat(2_000_000) });
  assert.deepEqual(codes(result), ['a6:tooLong']);
});

test('order validation and request assembly come from the core', () => {
  const order = {
    customerOrderReference: 'myOrder', technicalSiteName: 'MY_VOICESITE',
    customerSiteLabel: 'My Voicesite in France', country: 'fr', vpnId: 'aa76e66dfc63',
  };
  assert.deepEqual(core.validateOrder(order), { valid: true, problems: [] });
  assert.deepEqual(core.buildOrderRequest(order), {
    customerOrderReference: 'myOrder',
    parameters: { technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63' },
  });
  const bad = { ...order, technicalSiteName: 'my site!', vpnId: '' };
  assert.deepEqual(codes(core.validateOrder(bad)), ['technicalSiteName:patternMismatch', 'vpnId:valueMissing']);
  assert.throws(() => core.buildOrderRequest(bad), (error) => error instanceof BtalkCoreError && error.code === 'invalidOrder'
    && error.problems.length === 2 && error.message === `The order is not valid: ${error.problems[0].message} (and 1 more)`);
  assert.throws(() => core.buildOrderRequest({ ...order, vpnId: '' }),
    (error) => error.message === 'The order is not valid: VPN is required');
});

test('orderRequest validates and builds in one call; validateOrder and buildOrderRequest are its views', () => {
  const order = {
    customerOrderReference: ' myOrder ', technicalSiteName: 'MY_VOICESITE',
    customerSiteLabel: 'My Voicesite in France', country: 'fr', vpnId: 42,
  };
  const module = core[Symbol.for('btalk-forms.coreInstance')].module;
  const bound = module.orderRequest;
  let crossings = 0;
  module.orderRequest = (...args) => { crossings += 1; return bound(...args); };
  try {
    const answer = core.orderRequest(order);
    assert.equal(crossings, 1);
    assert.deepEqual(answer, {
      valid: true, problems: [],
      body: { customerOrderReference: 'myOrder', parameters: { technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: '42' } },
    });
    assert.ok(Object.isFrozen(answer.body) && Object.isFrozen(answer.body.parameters), 'the body the client may post as it is');
    assert.ok(isBuiltOrderBody(answer.body));
    assert.equal(isBuiltOrderBody(structuredClone(answer.body)), false, 'a copy is not the core\'s');
    assert.equal(isBuiltOrderBody(core.buildOrderRequest(order)), false, 'buildOrderRequest keeps its plain object');
    assert.deepEqual(core.buildOrderRequest(order), answer.body);
    assert.deepEqual(core.validateOrder(order), { valid: true, problems: [] });
    assert.equal(crossings, 4, 'each is one call into the wasm');

    const bad = core.orderRequest({ ...order, technicalSiteName: 'my site!', country: 'FRA' });
    assert.deepEqual(Object.keys(bad).sort(), ['problems', 'valid'], 'no body for an invalid order');
    assert.deepEqual(codes(bad), ['country:patternMismatch', 'technicalSiteName:patternMismatch']);
    assert.deepEqual(core.validateOrder({ ...order, technicalSiteName: 'my site!', country: 'FRA' }), bad);
  } finally {
    module.orderRequest = bound;
  }
  // Not an order: the core's structured error, never a body.
  assert.throws(() => core.orderRequest([1]), (error) => error instanceof BtalkCoreError && error.code === 'invalidDocument');
  assert.throws(() => core.orderRequest('{'), (error) => error.code === 'invalidJson' && error.message.startsWith('Order: '));
  assert.throws(() => core.orderRequest(`{"vpnId": ${'['.repeat(5000)}${']'.repeat(5000)}}`), (error) => error.code === 'invalidJson');
  const long = core.orderRequest({ ...order, customerSiteLabel: 'x'.repeat(1_000_000) });
  assert.deepEqual(codes(long), ['customerSiteLabel:tooLong']);
  assert.ok(long.problems[0].message.length < 100, 'the value is not echoed');
});

test('parseResponse normalises the seed\'s documents', () => {
  assert.deepEqual(core.parseResponse('me', { rightsProfile: 'readonly' }), { rightsProfile: 'readonly', canOrder: false });
  assert.equal(core.parseResponse('me', '{"rightsProfile":"full"}').canOrder, true);
  const customers = core.parseResponse('customers', [{ name: 'My Customer', customerCode: 9999, contractNumber: '123456', type: 'direct' }]);
  assert.equal(customers[0].customerCode, '9999');
  const country = core.parseResponse('country', { name: 'France', iso2: 'FR', countryCode: '33', coverage: { businessTalkOnline: 'Yes' } });
  assert.equal(country.covered, true);
  assert.equal(core.parseResponse('country', { name: 'X', iso2: 'XX', coverage: { businessTalkOnline: 'No' } }).covered, false);
  assert.equal(core.parseResponse('orderResponse', { orderId: 'o1', parameters: { voiceSiteId: 'vs-1' } }).voiceSiteId, 'vs-1');
  assert.deepEqual(core.parseResponse('geoAreas', ['Vaud', { value: 'GE', display: 'Genève' }]),
    [{ value: 'Vaud', display: 'Vaud' }, { value: 'GE', display: 'Genève' }]);
  assert.throws(() => core.parseResponse('vpns', '{"oops": true}'), (e) => e instanceof BtalkCoreError && e.code === 'malformedResponse');
  assert.throws(() => core.parseResponse('nonsense', '[]'), (e) => e.code === 'unknownKind');
});
