// <btalk-address-form>'s view of the address services: the address search (an ARIA combobox), the
// postal code list and the verification. Loaded on demand with the look-ups (address-form.lookups.js),
// only for a country that offers one; then it renders with the view (address-form.view.js), which
// hands it its DOM helpers (so this chunk shares no module with the first bundle). API texts reach
// the DOM as text only.

/**
 * Adds the search box and the verification to `view` (its `ui` and handlers) and returns what
 * renders them.
 * @param {import('./address-form.view.js').AddressFormView} view
 * @param {{ h: Function, setText: (node: Node, text: unknown) => void }} dom
 */
export default function servicesView(view, { h, setText }) {
  const { ui, on } = view;
  // The search box follows the ARIA combobox pattern (list autocomplete, active descendant).
  ui.searchLabel = h('label', { for: 'search-input', class: 'label', id: 'search-label' });
  ui.searchDescription = h('p', { id: 'search-desc', class: 'description', part: 'description' });
  ui.searchInput = h('input', {
    id: 'search-input', type: 'text', part: 'input search-input', role: 'combobox', autocomplete: 'off',
    'aria-autocomplete': 'list', 'aria-describedby': 'search-desc', 'aria-controls': 'candidates', 'aria-expanded': 'false',
    oninput: () => on.search(ui.searchInput.value),
    onkeydown: (event) => on.searchKey(event),
    onblur: () => on.searchBlur?.(),
  });
  ui.candidates = h('ul', { id: 'candidates', part: 'candidates', class: 'candidates', role: 'listbox', 'aria-labelledby': 'search-label', hidden: true });
  // Pressing an option must not blur the input first (the list would close under the pointer).
  ui.candidates.addEventListener('mousedown', (event) => event.preventDefault());
  ui.searchStatus = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  ui.search.append(ui.searchLabel, ui.searchDescription, ui.searchInput, ui.candidates, ui.searchStatus);
  ui.verifyText = h('span');
  ui.verifyUse = h('button', { type: 'button', part: 'verify-use', class: 'secondary', hidden: true, onclick: () => on.useFormat() });
  // A live region in place before it speaks (it is announced when filled).
  ui.verifyResult = h('div', { part: 'verify-result', class: 'verify-result', role: 'status', 'aria-live': 'polite' },
    ui.verifyText, ui.verifyUse);
  ui.verify = h('button', { type: 'button', part: 'verify', class: 'secondary', hidden: true, onclick: () => on.verify() });
  ui.form.insertBefore(ui.verifyResult, ui.actions);
  ui.actions.prepend(ui.verify);
  let candidatesKey = null;

  function renderSearch(ctrl, t, env) {
    const { state } = ctrl;
    setText(ui.searchLabel, t('searchLabel'));
    setText(ui.searchDescription, t('searchDescription'));
    ui.search.hidden = !(state.status === 'ready' && state.services.search);
    ui.searchInput.disabled = env.disabled;
    if (state.search.query === '' && ui.searchInput.value !== '') ui.searchInput.value = '';
    const { candidates, active, status } = state.search;
    // The fields were rebuilt (another country or language): the options are made anew.
    const key = JSON.stringify([view.fieldsKey, candidates.map((c) => c.label ?? ''), env.disabled]);
    if (key !== candidatesKey) {
      candidatesKey = key;
      ui.candidates.replaceChildren(...candidates.map((candidate, index) => h('li', {
        id: `candidate-${index}`, role: 'option', part: 'candidate', class: 'candidate', 'aria-selected': 'false',
        'aria-disabled': env.disabled ? 'true' : null,
        text: String(candidate.label ?? Object.values(candidate.address).join(', ')),
        onclick: () => { if (!env.disabled) on.choose(index); },
      })));
    }
    const open = candidates.length > 0 && !ui.search.hidden;
    ui.candidates.hidden = !open;
    ui.searchInput.setAttribute('aria-expanded', open ? 'true' : 'false');
    [...ui.candidates.children].forEach((item, index) => item.setAttribute('aria-selected', index === active ? 'true' : 'false'));
    if (open && active >= 0) {
      ui.searchInput.setAttribute('aria-activedescendant', `candidate-${active}`);
      ui.candidates.children[active]?.scrollIntoView?.({ block: 'nearest' });
    } else {
      ui.searchInput.removeAttribute('aria-activedescendant');
    }
    setText(ui.searchStatus, status === 'none' ? t('searchNone')
      : status === 'found' ? t('searchFound', { count: candidates.length }) : '');
  }

  function renderVerify(state, t, env) {
    const { running, result: verdict } = state.verify;
    ui.verify.hidden = !(state.status === 'ready' && state.services.verify);
    setText(ui.verify, running ? t('verifying') : t('verify'));
    ui.verify.disabled = env.disabled || running;
    ui.verifyResult.setAttribute('aria-busy', running ? 'true' : 'false');
    const result = ui.verify.hidden ? null : verdict;
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
    ui.verifyUse.disabled = env.disabled;
  }

  /** Arrow keys and Escape in the postal code list. */
  function listKey(event, control) {
    const buttons = [...control.lookup.querySelectorAll('button')];
    const index = buttons.indexOf(event.currentTarget);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) control.input.focus();
      else buttons[Math.min(next, buttons.length - 1)].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      on.closePostal();
      control.input.focus();
    }
  }

  return {
    render(ctrl, t, env) {
      renderSearch(ctrl, t, env);
      renderVerify(ctrl.state, t, env);
    },

    /** The postal code list under a free-text postal code field (Portugal). */
    renderPostalCodes(ctrl, control, t, env) {
      const { codes, status } = ctrl.state.postal;
      const key = JSON.stringify([codes.map((c) => [c.value, c.display]), env.disabled]);
      if (key !== control.codesKey) {
        control.codesKey = key;
        control.lookup.replaceChildren(...codes.map((code, index) => h('li', {}, h('button', {
          type: 'button', class: 'candidate', disabled: env.disabled, text: String(code.display || code.value),
          onclick: () => on.choosePostal(index),
          onkeydown: (event) => listKey(event, control),
        }))));
      }
      setText(control.lookupStatus, status === 'none' ? t('postalCodesNone')
        : status === 'found' ? t('postalCodesFound', { count: codes.length }) : '');
    },
  };
}
