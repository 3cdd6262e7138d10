// <btalk-address-form>'s view of its look-ups, loaded with them (lookups.js): the search box above the
// fields (which stay folded until the address is wanted by hand), a field's suggestions, the "Verify
// address" button. Every list of suggestions is an ARIA combobox (list autocomplete, active
// descendant) whose listbox overlays the form, so nothing below it moves, with the typed words marked in
// each option. The form's view (address-form.view.js) hands it its DOM helpers, so this chunk shares no
// module with the first bundle. API texts reach the DOM as text nodes only, never as HTML.
import { highlight } from './highlight.js';
import { LOOKUPS_CSS } from './lookups.styles.js';

/**
 * Adds the look-ups to `view` and returns what renders them with the form.
 * @param {import('../address-form.view.js').AddressFormView} view
 * @param {{ h: Function, setText: (node: Node, text: unknown) => void, adoptStyles: Function }} dom
 */
export function lookupsView(view, { h, setText, adoptStyles }) {
  const { ui } = view;
  adoptStyles(view.root, LOOKUPS_CSS);
  let ctrl = null; // the form controller of the last render
  let disabled = false;
  let box = null; // the search box, built for the first country that has one
  let fieldCombos = new Map(); // look-up id -> a field's combobox
  let decorated = null; // the field list the field comboboxes were made for

  const lookups = () => ctrl?.lookups ?? null;

  /** Makes `input` an ARIA combobox over a new listbox (the caller puts the listbox after it). */
  function combobox(input, id, lookupId, part, isBox = false) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('keydown', (event) => onKey(event, lookupId, isBox));
    input.addEventListener('blur', () => lookups()?.leave(lookupId));
    const list = h('ul', { id, role: 'listbox', part: `candidates${part ? ` ${part}` : ''}`, class: 'listbox', hidden: true });
    // Pressing an option must not blur the input first (the list would close under the pointer).
    list.addEventListener('mousedown', (event) => event.preventDefault());
    return { input, list, key: null };
  }

  function onKey(event, id, isBox) {
    const entry = lookups()?.entries[id];
    if (!entry) return;
    const open = entry.items.length > 0;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open) {
      event.preventDefault();
      lookups().move(id, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && (isBox || (open && entry.active >= 0))) {
      // Enter in the search box never submits; in a field it submits unless an option is active.
      event.preventDefault();
      if (open && entry.active >= 0) choose(id, entry.active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      lookups().close(id);
    }
  }

  function choose(id, index) {
    const d = lookups()?.find(id);
    if (disabled || !d) return;
    lookups().choose(id, index);
    if (d.field) {
      view.focusField(d.field);
    } else {
      box.input.value = '';
      box.input.focus();
    }
  }

  function enterManually() {
    lookups()?.unfold();
    ctrl.changed();
    const first = ctrl.state.fields.find((field) => view.controls.has(field.name));
    if (first) view.focusField(first.name);
  }

  function renderCombobox(combo, d, entry) {
    const { items, active } = entry;
    const key = JSON.stringify([view.fieldsKey, entry.asked, items.map((item) => item.label), disabled]);
    if (key !== combo.key) {
      combo.key = key;
      combo.list.replaceChildren(...items.map((item, index) => h('li', {
        id: `${combo.list.id}-${index}`, role: 'option', part: 'candidate', class: 'option', 'aria-selected': 'false',
        'aria-disabled': disabled ? 'true' : null, onclick: () => choose(d.id, index),
      }, highlight(item.label, entry.asked).map(([text, matched]) => (matched ? h('mark', { part: 'match', text }) : text)))));
    }
    const open = items.length > 0;
    combo.list.hidden = !open;
    combo.input.setAttribute('aria-expanded', open ? 'true' : 'false');
    [...combo.list.children].forEach((item, index) => item.setAttribute('aria-selected', index === active ? 'true' : 'false'));
    if (open && active >= 0) {
      combo.input.setAttribute('aria-activedescendant', `${combo.list.id}-${active}`);
      combo.list.children[active]?.scrollIntoView?.({ block: 'nearest' });
    } else {
      combo.input.removeAttribute('aria-activedescendant');
    }
  }

  /** What a look-up's status line says: asking, nothing found (and what to do), or how many. */
  function statusText(d, entry, t, folded) {
    const label = lookups().label(d, t);
    if (entry.busy) return t(d.texts.busy, { label });
    if (entry.status === 'none') return t(folded ? 'searchNoneManual' : d.texts.none, { label, query: entry.asked });
    if (entry.status === 'found') return t(d.texts.found, { count: entry.items.length, label });
    return '';
  }

  // ---- the search box ------------------------------------------------------------------

  function buildBox(d) {
    const label = h('label', { for: 'search-input', class: 'label', id: 'search-label' });
    const description = h('p', { id: 'search-desc', class: 'description', part: 'description' });
    const input = h('input', {
      id: 'search-input', type: 'text', part: 'input search-input', 'aria-describedby': 'search-desc',
      oninput: () => lookups()?.type(box.id, input.value),
    });
    box = { id: d.id, input, label, description };
    box.combo = combobox(input, 'candidates', d.id, '', true);
    box.combo.list.setAttribute('aria-labelledby', 'search-label');
    // The status line has its room reserved: "No address found" appears without moving anything.
    box.status = h('p', { id: 'search-status', part: 'search-status', class: 'search-status', role: 'status', 'aria-live': 'polite' });
    box.manual = h('button', { type: 'button', part: 'manual', class: 'linklike manual', onclick: () => enterManually() });
    ui.search.append(label, description, h('div', { class: 'combo' }, input, box.combo.list), box.status, box.manual);
  }

  function renderBox(l, t) {
    const d = l.box;
    ui.search.hidden = !(d && ctrl.state.status === 'ready');
    if (!d) return;
    if (!box) buildBox(d);
    box.id = d.id;
    const entry = l.entries[d.id];
    setText(box.label, t(d.texts.label));
    setText(box.description, t(d.texts.description));
    box.input.disabled = disabled;
    if (entry.query === '' && box.input.value !== '') box.input.value = '';
    renderCombobox(box.combo, d, entry);
    const folded = l.folded;
    setText(box.status, statusText(d, entry, t, folded));
    box.manual.hidden = !folded;
    box.manual.disabled = disabled;
    setText(box.manual, t('enterManually'));
  }

  // ---- a field's suggestions --------------------------------------------------------------

  /** Makes the inputs of the fields with a suggest look-up comboboxes (after each rebuild of the fields). */
  function decorate(l) {
    fieldCombos = new Map();
    decorated = view.fieldsKey;
    for (const d of l.list) {
      const control = d.kind === 'suggest' && d.field ? view.controls.get(d.field) : null;
      if (!control || control.field.select) continue;
      const combo = combobox(control.input, `${control.input.id}-lookup`, d.id, d.part || 'suggestions');
      combo.status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
      control.input.parentElement.classList.add('combo');
      control.input.after(combo.list, combo.status);
      fieldCombos.set(d.id, combo);
    }
  }

  function renderFields(l, t) {
    if (decorated !== view.fieldsKey) decorate(l);
    for (const [id, combo] of fieldCombos) {
      const d = l.find(id);
      if (!d) continue;
      renderCombobox(combo, d, l.entries[id]);
      setText(combo.status, statusText(d, l.entries[id], t, false));
    }
  }

  // ---- verification -----------------------------------------------------------------------

  ui.verifyText = h('span');
  ui.verifyUse = h('button', {
    type: 'button', part: 'verify-use', class: 'secondary', hidden: true,
    onclick: () => {
      if (disabled) return;
      lookups()?.useVerifiedFormat();
      ui.verify.focus();
    },
  });
  // A live region in place before it speaks (it is announced when filled).
  ui.verifyResult = h('div', { part: 'verify-result', class: 'verify-result', role: 'status', 'aria-live': 'polite' },
    ui.verifyText, ui.verifyUse);
  ui.verify = h('button', {
    type: 'button', part: 'verify', class: 'secondary', hidden: true,
    onclick: () => { if (!disabled) lookups()?.verify(); },
  });
  ui.form.insertBefore(ui.verifyResult, ui.actions);
  ui.actions.prepend(ui.verify);

  function renderVerify(l, t) {
    const d = l.verifier;
    const entry = d ? l.entries[d.id] : { running: false, result: null };
    ui.verify.hidden = !(d && ctrl.state.status === 'ready') || l.folded;
    setText(ui.verify, entry.running ? t('verifying') : t('verify'));
    ui.verify.disabled = disabled || entry.running;
    ui.verifyResult.setAttribute('aria-busy', entry.running ? 'true' : 'false');
    const result = ui.verify.hidden ? null : entry.result;
    const texts = {
      found: () => t('verifyFound'),
      foundOther: () => t('verifyFoundOtherFormat', { label: result?.candidate?.label ?? '' }),
      closest: () => t('verifyClosest', { label: result?.candidate?.label ?? '' }),
      unknown: () => t('verifyUnknown'),
      empty: () => t('verifyEmpty'),
      applied: () => t('verifyApplied'),
    };
    setText(ui.verifyText, result ? texts[result.kind]?.() ?? '' : '');
    const kind = ['unknown', 'closest'].includes(result?.kind) ? 'warning' : result?.kind === 'empty' ? '' : 'success';
    ui.verifyResult.className = `verify-result${result ? ` status ${kind}` : ''}`;
    ui.verifyUse.hidden = result?.kind !== 'foundOther' && result?.kind !== 'closest';
    setText(ui.verifyUse, ui.verifyUse.hidden ? '' : t(result.kind === 'closest' ? 'verifyUseClosest' : 'verifyUseFormat'));
    ui.verifyUse.disabled = disabled;
  }

  return {
    /** Renders the look-ups of `formCtrl.lookups` (after the fields were built, before they render). */
    render(formCtrl, t, env) {
      ctrl = formCtrl;
      disabled = env.disabled;
      const l = lookups();
      if (!l) return;
      renderBox(l, t);
      renderFields(l, t);
      renderVerify(l, t);
      ui.fields.hidden = l.folded;
    },
  };
}
