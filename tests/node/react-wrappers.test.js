// The React wrappers' logic (web/react/create-component.js), without React or a DOM: which props become
// properties, listeners or attributes, and what a render does to the element. React itself is exercised by
// the consumer matrix (a React 18 app in Chromium). Each wrapper's lists match the element (custom-elements.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ElementBinding, eventProp, splitProps } from '../../web/react/create-component.js';
import { ADDRESS_FORM, SITE_IMPORT, VOICESITE_ORDER } from '../../web/react/specs.js';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);

/** An element stand-in: an EventTarget that records each property it is given. */
class FakeElement extends EventTarget {
  sets = [];
  constructor(properties) {
    super();
    for (const name of properties) {
      let value = null;
      Object.defineProperty(this, name, { get: () => value, set: (v) => { value = v; this.sets.push([name, v]); } });
    }
  }
}

test('eventProp: the React prop of an event type', () => {
  assert.equal(eventProp('btalk-address-saved'), 'onBtalkAddressSaved');
  assert.equal(eventProp('btalk-change'), 'onBtalkChange');
  assert.equal(eventProp('btalk-import-progress'), 'onBtalkImportProgress');
});

test('splitProps: object props are properties, on<Event> props handlers, booleans present or absent, the rest attributes', () => {
  const credentials = async () => ({ accessToken: 't', apiKey: 'k' });
  const saved = () => {};
  const split = splitProps({
    country: 'FR', 'api-base': '/proxy/btalk/v1', 'heading-level': 3, className: 'wide', children: 'x',
    credentials, client: undefined, value: { pc: '75001' },
    onBtalkAddressSaved: saved, onBtalkError: undefined, onClick: saved,
    disabled: false,
  }, ADDRESS_FORM);
  assert.deepEqual(split.properties, { credentials, value: { pc: '75001' } });
  assert.deepEqual(split.handlers, { 'btalk-address-saved': saved });
  // React's own props (onClick, className, children) stay with React; disabled={false} writes no attribute.
  assert.deepEqual(split.attributes, {
    country: 'FR', 'api-base': '/proxy/btalk/v1', 'heading-level': 3, className: 'wide', children: 'x', onClick: saved,
  });
  assert.deepEqual(splitProps({ disabled: true }, ADDRESS_FORM).attributes, { disabled: '' });
});

test('ElementBinding: a property is set when it changes, reset to null when its prop goes', () => {
  const element = new FakeElement(['client', 'credentials', 'strings']);
  const binding = new ElementBinding();
  const credentials = async () => ({});
  binding.apply(element, { properties: { credentials, strings: { save: 'Go' } }, handlers: {} });
  assert.deepEqual(element.sets.map(([name]) => name), ['credentials', 'strings']);
  // The same function again (a re-render): no setter call, so no reload in the element.
  const strings = { save: 'Store' };
  binding.apply(element, { properties: { credentials, strings }, handlers: {} });
  assert.deepEqual(element.sets.slice(2), [['strings', strings]]);
  binding.apply(element, { properties: { strings }, handlers: {} });
  assert.deepEqual(element.sets.slice(3), [['credentials', null]]);
  assert.equal(element.credentials, null);
});

test('ElementBinding: one listener per event type calls the latest handler; a removed handler stops listening', () => {
  const element = new FakeElement([]);
  const binding = new ElementBinding();
  const calls = [];
  const added = [];
  const add = element.addEventListener.bind(element);
  element.addEventListener = (type, listener) => { added.push(type); add(type, listener); };
  binding.apply(element, { properties: {}, handlers: { 'btalk-address-saved': (e) => calls.push(['first', e.detail]) } });
  element.dispatchEvent(new CustomEvent('btalk-address-saved', { detail: 1 }));
  binding.apply(element, { properties: {}, handlers: { 'btalk-address-saved': (e) => calls.push(['second', e.detail]) } });
  element.dispatchEvent(new CustomEvent('btalk-address-saved', { detail: 2 }));
  assert.deepEqual(calls, [['first', 1], ['second', 2]]);
  assert.deepEqual(added, ['btalk-address-saved'], 'a new handler reuses the listener');
  binding.apply(element, { properties: {}, handlers: {} });
  element.dispatchEvent(new CustomEvent('btalk-address-saved', { detail: 3 }));
  assert.equal(calls.length, 2);
});

test('ElementBinding: unmount (dispose) and a new element start over', () => {
  const first = new FakeElement(['credentials']);
  const second = new FakeElement(['credentials']);
  const binding = new ElementBinding();
  const calls = [];
  const credentials = async () => ({});
  const handlers = { 'btalk-loaded': (e) => calls.push(e.target) };
  binding.apply(first, { properties: { credentials }, handlers });
  binding.apply(second, { properties: { credentials }, handlers });
  assert.equal(second.credentials, credentials, 'the new element gets the properties too');
  first.dispatchEvent(new CustomEvent('btalk-loaded'));
  second.dispatchEvent(new CustomEvent('btalk-loaded'));
  assert.deepEqual(calls, [second], 'the old element is no longer listened to');
  binding.dispose();
  second.dispatchEvent(new CustomEvent('btalk-loaded'));
  assert.equal(calls.length, 1);
  binding.apply(null, { properties: { credentials }, handlers });
});

for (const spec of [ADDRESS_FORM, VOICESITE_ORDER, SITE_IMPORT]) {
  test(`the ${spec.displayName} wrapper covers <${spec.tagName}>: its settable properties, its events, its boolean attributes`, () => {
    const declaration = declarations.find((d) => d.tagName === spec.tagName);
    assert.ok(declaration, spec.tagName);
    assert.equal(declaration.name, spec.displayName);
    const settable = declaration.members.filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && !m.readonly);
    assert.deepEqual([...spec.properties].sort(), settable.map((m) => m.name).sort());
    assert.deepEqual([...spec.events].sort(), declaration.events.map((e) => e.name).sort());
    const booleans = declaration.attributes.filter((a) => a.type?.text === 'boolean').map((a) => a.name);
    assert.deepEqual([...spec.booleans].sort(), booleans.sort());
  });
}
