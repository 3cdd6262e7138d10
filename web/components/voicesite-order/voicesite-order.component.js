// <btalk-voicesite-order>: the whole "first voicesite order" flow of the Business Talk
// getting-started guide as one guided element: access check (/me) -> customer -> VPN ->
// country -> site names + order reference -> order (exactly once) -> address (embeds
// <btalk-address-form>) -> the voicesites list.
//
// Order assembly and validation live in the wasm core (core.validateOrder, and the
// client's orderVoicesite which calls core.buildOrderRequest); this element only
// gathers input, shows the core's verdicts and drives the API calls.
//
// Rules kept throughout: API texts are data (textContent only); every API wait shows
// a loading state; every failure shows a clear message with Retry and never clears
// what the user typed; secrets never reach the DOM.

import { loadCore } from '../../core.js';
import { BASE_CSS, adoptStyles, clientFor, emit, format, h, headingLevelOf, upgradeProperties } from '../../internal/shared.js';
import { BaseElement } from '../../internal/base.js';

const DEFAULT_API_BASE = 'https://api.orange.com/btalk/v1';

/** Built-in texts; `strings` overrides any of them (flat, or per language). */
export const ORDER_STRINGS = {
  en: {
    title: 'Order a voicesite',
    'access.title': 'Access',
    'access.loading': 'Checking your access…',
    'access.ok': 'Rights profile: {profile}. You can order voicesites.',
    'access.readonly': 'Rights profile: {profile}. You can browse, but this profile cannot order voicesites.',
    'customer.label': 'Customer',
    'customer.loading': 'Loading your customers…',
    'customer.choose': 'Choose a customer',
    'customer.none': 'This API key gives access to no customer.',
    'customer.single': 'Customer: {name} ({code}).',
    'vpn.label': 'Voice VPN',
    'vpn.loading': 'Loading the VPNs…',
    'vpn.choose': 'Choose a VPN',
    'vpn.none': 'This customer has no voice VPN.',
    'vpn.needCustomer': 'Choose a customer first.',
    'country.label': 'Country of the site',
    'country.loading': 'Loading the countries…',
    'country.choose': 'Choose a country',
    'country.notCovered': '{name} (not covered)',
    'country.hint': 'Only countries covered by Business Talk Online can be chosen.',
    'site.title': 'Site and reference',
    'technicalSiteName.label': 'Technical site name',
    'technicalSiteName.hint': 'For example MY_VOICESITE.',
    'customerSiteLabel.label': 'Site label',
    'customerSiteLabel.hint': 'A name people recognise, for example "Paris office".',
    'customerOrderReference.label': 'Order reference',
    'customerOrderReference.hint': 'Unique per order: sending the same reference again never creates a second voicesite.',
    'customerOrderReference.locked': 'The reference is kept because the previous attempt may have reached the API: retrying with it cannot create a second voicesite.',
    'order.button': 'Order the voicesite',
    'order.sending': 'Sending the order…',
    'order.invalid': 'Some fields need attention: see the messages next to them.',
    'order.disabled.readonly': 'Ordering is disabled: the rights profile "{profile}" of this API key is read-only.',
    'order.disabled.access': 'Ordering is disabled until your access has been checked.',
    'order.disabled.core': 'Ordering is disabled until the validation module has loaded.',
    'order.created': 'Voicesite {id} created.',
    'order.createdDetails': 'Order {orderId}, reference {reference}, status {status}.',
    'order.noSiteId': 'Order {orderId} accepted (status {status}); the API has not given a voicesite id yet.',
    'order.another': 'Order another voicesite',
    'address.title': 'Address of the voicesite',
    'address.intro': 'Give voicesite {id} its address: it is required for local voice services.',
    'address.skip': 'Skip for now and show my voicesites',
    'list.title': 'Your voicesites',
    'list.loading': 'Loading your voicesites…',
    'list.empty': 'No voicesite yet.',
    'list.refresh': 'Refresh the list',
    'list.caption': 'Voicesites of your account ({count})',
    'list.col.id': 'Voicesite id',
    'list.col.name': 'Technical name',
    'list.col.label': 'Label',
    'list.col.country': 'Country',
    'list.col.status': 'Status',
    'list.col.address': 'Address',
    'list.address.yes': 'Given',
    'list.address.no': 'Missing',
    'list.new': 'New',
    'core.loading': 'Loading the validation module…',
    'error.retry': 'Retry',
    'error.http': 'The API answered {status}.',
    'error.401': 'The API refused the credentials (401).',
    'error.403': 'The API refused this operation (403).',
    'error.timeout': 'The API did not answer in time.',
    'error.network': 'The API could not be reached.',
    'error.malformed': 'The API sent an answer that could not be read.',
    'error.core': 'The validation module could not be loaded.',
    'error.credentials': 'The API credentials could not be obtained.',
    'error.config': 'The connection to the API is not set up correctly.',
    'error.unknown': 'Something went wrong.',
    'error.kept': 'Everything you typed is kept.',
    'problem.valueMissing': '{label} is required.',
    'problem.tooLong': '{label} must be at most {max} characters.',
    'problem.typeMismatch': '{label} must be text.',
    'problem.patternMismatch': '{label} is not in the expected format.',
    'problem.technicalSiteName.patternMismatch': '{label} may only contain letters A to Z, digits, underscores (_) and hyphens (-).',
    'problem.customerOrderReference.patternMismatch': '{label} must not contain control characters.',
    'problem.api': '{label}: {message}',
  },
  fr: {
    title: 'Commander un site voix',
    'access.title': 'Accès',
    'access.loading': 'Vérification de votre accès…',
    'access.ok': 'Profil de droits : {profile}. Vous pouvez commander des sites voix.',
    'access.readonly': 'Profil de droits : {profile}. Vous pouvez consulter, mais ce profil ne permet pas de commander.',
    'customer.label': 'Client',
    'customer.loading': 'Chargement de vos clients…',
    'customer.choose': 'Choisissez un client',
    'customer.none': 'Cette clé d’API ne donne accès à aucun client.',
    'customer.single': 'Client : {name} ({code}).',
    'vpn.label': 'VPN voix',
    'vpn.loading': 'Chargement des VPN…',
    'vpn.choose': 'Choisissez un VPN',
    'vpn.none': 'Ce client n’a aucun VPN voix.',
    'vpn.needCustomer': 'Choisissez d’abord un client.',
    'country.label': 'Pays du site',
    'country.loading': 'Chargement des pays…',
    'country.choose': 'Choisissez un pays',
    'country.notCovered': '{name} (non couvert)',
    'country.hint': 'Seuls les pays couverts par Business Talk Online peuvent être choisis.',
    'site.title': 'Site et référence',
    'technicalSiteName.label': 'Nom technique du site',
    'technicalSiteName.hint': 'Par exemple MON_SITE_VOIX.',
    'customerSiteLabel.label': 'Libellé du site',
    'customerSiteLabel.hint': 'Un nom parlant, par exemple « Bureau de Paris ».',
    'customerOrderReference.label': 'Référence de commande',
    'customerOrderReference.hint': 'Unique par commande : renvoyer la même référence ne crée jamais un second site voix.',
    'customerOrderReference.locked': 'La référence est conservée car la tentative précédente a pu atteindre l’API : réessayer avec elle ne peut pas créer un second site voix.',
    'order.button': 'Commander le site voix',
    'order.sending': 'Envoi de la commande…',
    'order.invalid': 'Certains champs sont à corriger : voyez les messages à côté.',
    'order.disabled.readonly': 'Commande impossible : le profil de droits « {profile} » de cette clé d’API est en lecture seule.',
    'order.disabled.access': 'Commande impossible tant que votre accès n’a pas été vérifié.',
    'order.disabled.core': 'Commande impossible tant que le module de validation n’est pas chargé.',
    'order.created': 'Site voix {id} créé.',
    'order.createdDetails': 'Commande {orderId}, référence {reference}, statut {status}.',
    'order.noSiteId': 'Commande {orderId} acceptée (statut {status}) ; l’API n’a pas encore donné d’identifiant de site voix.',
    'order.another': 'Commander un autre site voix',
    'address.title': 'Adresse du site voix',
    'address.intro': 'Donnez son adresse au site voix {id} : elle est requise pour les services voix locaux.',
    'address.skip': 'Passer pour l’instant et afficher mes sites voix',
    'list.title': 'Vos sites voix',
    'list.loading': 'Chargement de vos sites voix…',
    'list.empty': 'Aucun site voix pour l’instant.',
    'list.refresh': 'Actualiser la liste',
    'list.caption': 'Sites voix de votre compte ({count})',
    'list.col.id': 'Identifiant',
    'list.col.name': 'Nom technique',
    'list.col.label': 'Libellé',
    'list.col.country': 'Pays',
    'list.col.status': 'Statut',
    'list.col.address': 'Adresse',
    'list.address.yes': 'Renseignée',
    'list.address.no': 'Manquante',
    'list.new': 'Nouveau',
    'core.loading': 'Chargement du module de validation…',
    'error.retry': 'Réessayer',
    'error.http': 'L’API a répondu {status}.',
    'error.401': 'L’API a refusé les identifiants (401).',
    'error.403': 'L’API a refusé cette opération (403).',
    'error.timeout': 'L’API n’a pas répondu à temps.',
    'error.network': 'L’API est injoignable.',
    'error.malformed': 'L’API a envoyé une réponse illisible.',
    'error.core': 'Le module de validation n’a pas pu être chargé.',
    'error.credentials': 'Les identifiants de l’API n’ont pas pu être obtenus.',
    'error.config': 'La connexion à l’API est mal configurée.',
    'error.unknown': 'Une erreur s’est produite.',
    'error.kept': 'Tout ce que vous avez saisi est conservé.',
    'problem.valueMissing': '{label} : ce champ est obligatoire.',
    'problem.tooLong': '{label} : au plus {max} caractères.',
    'problem.typeMismatch': '{label} : un texte est attendu.',
    'problem.patternMismatch': '{label} : le format n’est pas valide.',
    'problem.technicalSiteName.patternMismatch': '{label} : uniquement des lettres A à Z, des chiffres, des soulignés (_) et des tirets (-).',
    'problem.customerOrderReference.patternMismatch': '{label} : les caractères de contrôle sont interdits.',
    'problem.api': '{label} : {message}',
  },
};

// The inner <btalk-address-form>'s parts, re-exported as address-<part>.
const ADDRESS_FORM_PARTS = ['form', 'field', 'label', 'input', 'select', 'description', 'error', 'summary',
  'search', 'candidates', 'save', 'status', 'link'];

const ORDER_FIELDS = ['customerOrderReference', 'technicalSiteName', 'customerSiteLabel', 'country', 'vpnId'];
// The fields that show problems: the order's, plus the customer (a path parameter,
// not part of the order body, so the core does not check it: this element does).
const SHOWN_FIELDS = ['customer', ...ORDER_FIELDS];

// What a field is called in problem messages: the label of the control that holds it.
const FIELD_LABEL_KEYS = {
  customer: 'customer.label',
  customerOrderReference: 'customerOrderReference.label',
  technicalSiteName: 'technicalSiteName.label',
  customerSiteLabel: 'customerSiteLabel.label',
  country: 'country.label',
  vpnId: 'vpn.label',
};

// The core's limits (core/src/order.cc), for messages that name them.
const FIELD_MAX_LENGTH = { customerOrderReference: 64, technicalSiteName: 50, customerSiteLabel: 100, vpnId: 64 };

const STYLES = `
  :host { max-width: 46rem; }
  form { display: flex; flex-direction: column; gap: var(--btalk-gap, 0.9rem); margin: 0; }
  .container {
    display: flex; flex-direction: column; gap: var(--btalk-gap, 0.9rem); min-width: 0;
    container-type: inline-size;
  }
  [part~="step"] {
    display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; margin: 0;
    padding: 0.75rem; border: 1px solid var(--btalk-color-border, #8a8a8a);
    border-radius: var(--btalk-radius, 4px);
  }
  [part~="step"] > h3 { margin: 0; font-size: 1.05em; }
  .title { margin: 0; font-size: 1.25em; }
  .hint { margin: 0; font-size: 0.9em; opacity: 0.85; }
  input[readonly] { background: transparent; border-style: dashed; }
  button[aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
  /* The accent ring alone is 2.6:1 on white (WCAG 1.4.11 wants 3:1 for a focus
     indicator): a ring in the text colour fills the gap between control and outline. */
  :focus-visible, input:focus, select:focus {
    outline: 3px solid var(--btalk-color-accent, #ff7900);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--btalk-color-text, #1f1f1f);
  }
  p[part~="error"] { margin: 0; color: var(--btalk-color-error, #b00020); font-weight: 600; font-size: 0.95em; }
  p[part~="error"]:empty, p[part~="status"]:empty, .slot-body:empty { display: none; }
  p[part~="status"] { margin: 0; }
  .slot { display: contents; }
  .slot-body { display: flex; flex-direction: column; gap: 0.5rem; }
  .failure {
    display: flex; flex-direction: column; gap: 0.375rem; align-items: flex-start;
    padding: 0.5rem 0.75rem; border: 2px solid var(--btalk-color-error, #b00020);
    border-radius: var(--btalk-radius, 4px);
  }
  .failure p { margin: 0; }
  .failure .headline { font-weight: 600; color: var(--btalk-color-error, #b00020); }
  .actions { align-items: center; }
  .result { margin: 0; font-size: 1.1em; }
  /* API ids and messages can be long unbroken strings: they wrap instead of widening the page. */
  .result, p[part~="status"], p[part~="error"], .failure p, .hint { overflow-wrap: anywhere; }
  td.id .cell-value { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  .table-wrap { overflow-x: auto; max-width: 100%; }
  [part~="table"] { border-collapse: collapse; width: 100%; font-size: 0.95em; }
  [part~="table"] caption { text-align: start; font-weight: 600; padding-bottom: 0.25rem; }
  [part~="table"] th, [part~="table"] td {
    text-align: start; padding: 0.375rem 0.5rem; vertical-align: top;
    border-bottom: 1px solid var(--btalk-color-border, #8a8a8a);
  }
  [part~="table"] th { white-space: nowrap; }
  [part~="table"] td { overflow-wrap: break-word; }
  tr.new { background: color-mix(in srgb, var(--btalk-color-accent, #ff7900) 18%, transparent); font-weight: 600; }
  .badge {
    display: inline-block; margin-inline-start: 0.375rem; padding: 0 0.4rem; font-size: 0.8em;
    color: #000; background: var(--btalk-color-accent, #ff7900); border-radius: 999px;
  }
  .pair { display: flex; flex-direction: column; gap: var(--btalk-gap, 0.9rem); }
  .cell-label { display: none; }
  /* Side by side when the element (not the window) is wide enough; the subgrid lines the
     two inputs up even when one hint wraps to more lines than the other. */
  @container (min-width: 36rem) {
    .pair { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, auto); row-gap: 0; }
    .pair > .field { display: grid; grid-row: span 4; grid-template-rows: subgrid; row-gap: 0.25rem; align-content: start; }
  }
  /* Narrow: each voicesite becomes a block of "label: value" lines instead of a table
     that scrolls sideways and hides most columns. The roles keep the table semantics. */
  @container (max-width: 35.99rem) {
    [part~="table"], [part~="table"] > tbody, [part~="table"] tr, [part~="table"] td, [part~="table"] caption { display: block; }
    [part~="table"] > thead {
      position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
    }
    [part~="table"] tr { padding: 0.375rem 0; border-bottom: 1px solid var(--btalk-color-border, #8a8a8a); }
    [part~="table"] td {
      display: grid; grid-template-columns: minmax(5.5rem, 38%) minmax(0, 1fr); gap: 0.5rem;
      padding: 0.125rem 0.5rem; border-bottom: 0; overflow-wrap: anywhere;
    }
    .cell-label { display: block; font-weight: 600; }
    tr.new { font-weight: inherit; }
  }
`;

/** A fresh order reference: date + 8 random base-32 characters (crypto-strong). */
export function generateOrderReference(now = new Date()) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let random = '';
  for (const byte of bytes) random += alphabet[byte % alphabet.length];
  const pad = (n) => String(n).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  return `ORD-${date}-${random}`;
}

/** Errors whose outcome is unknown: the POST may have created the voicesite. */
function outcomeUnknown(error) {
  const status = error?.status ?? 0;
  return status === 0 || status >= 500 || error?.code === 'malformedResponse' || error?.code === 'timeout';
}

/**
 * The guided "first voicesite order" flow: access check, customer, VPN, country, site names, order, address.
 * @tag btalk-voicesite-order
 * @attr {string} api-base - The API base URL (e.g. /proxy/btalk/v1 for a same-origin proxy).
 * @attr {string} lang - UI language: en or fr.
 * @attr {string} customer-code - Preselects the customer.
 * @attr {string} country - Preselects the country (ISO2).
 * @attr {number} heading-level - The title's heading level (1-5), the steps one below; default 2.
 * @prop {ElementClient|null} client - A BtalkClient; without one, a client is made from api-base.
 * @prop {CredentialsProvider|null} credentials - Gives the auto-made client its access token and API key (never an attribute).
 * @prop {Record<string, string>|Record<string, Record<string, string>>} strings - UI text overrides (flat, or per language).
 * @prop {string|null} voiceSiteId - The voicesite this element ordered, once the API delivered it (read-only).
 * @csspart container - The whole flow.
 * @csspart step - One step of the flow.
 * @csspart form - The site names form.
 * @csspart label - A label.
 * @csspart input - A text input.
 * @csspart select - A select.
 * @csspart button - A button.
 * @csspart table - The voicesites list.
 * @csspart status - Loading and result messages.
 * @csspart error - Error messages.
 * @cssproperty --btalk-font - Font family (default: the system UI font).
 * @cssproperty --btalk-color-text - Text colour.
 * @cssproperty --btalk-color-bg - Background of the element and its inputs.
 * @cssproperty --btalk-color-accent - Buttons, focus ring and warnings.
 * @cssproperty --btalk-color-error - Error messages and invalid inputs.
 * @cssproperty --btalk-color-border - Input borders.
 * @cssproperty --btalk-radius - Corner radius of inputs and buttons.
 * @cssproperty --btalk-gap - Space between fields.
 * @fires btalk-order-created {order, voiceSiteId} - The API created the voicesite (sent once per order).
 * @fires btalk-address-saved {voiceSiteId, address} - The embedded address form saved the address.
 * @fires btalk-error {message, status, code, step} - A step failed; the message says which and how to retry.
 */
export class BtalkVoicesiteOrder extends BaseElement {
  static get observedAttributes() {
    return ['api-base', 'lang', 'customer-code', 'country', 'heading-level'];
  }

  #client = null; // the client in use
  #clientFromProperty = null; // set by the page: wins over api-base
  #credentials = null;
  #overrides = null;
  #core = null;
  #generation = 0; // bumps on every reload so late answers of an old load are ignored
  #loadScheduled = false;
  #me = null;
  #customers = null;
  #vpns = null;
  #countries = null;
  #touched = new Set();
  #submitAttempted = false;
  #inFlight = false;
  #referenceLocked = false;
  #created = null; // { order, voiceSiteId, request }
  #problems = [];
  #apiProblems = [];
  #addressForm = null;
  #ui = {};
  #slots = {};

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, BASE_CSS);
    adoptStyles(root, STYLES);
    root.append(this.#build());
    this.#renderTexts();
    this.#applyHeadingLevel();
    upgradeProperties(this, ['client', 'credentials', 'strings']);
  }

  // ---------------------------------------------------------------- properties

  /** A BtalkClient shared with the page (and the embedded address form). */
  get client() {
    // Made on first use, so a page can share the element's client (same base + credentials).
    if (this.#clientFromProperty || this.#client) return this.#clientFromProperty ?? this.#client;
    try {
      return this.#ensureClient();
    } catch {
      return null; // a bad api-base/credentials pair: the element shows why
    }
  }

  set client(value) {
    this.#clientFromProperty = value ?? null;
    this.#client = null;
    this.#reload();
  }

  /** async () => ({ accessToken, apiKey }): direct mode. Kept in memory only. */
  get credentials() {
    return this.#credentials;
  }

  set credentials(value) {
    this.#credentials = typeof value === 'function' ? value : null;
    if (!this.#clientFromProperty) {
      this.#client = null;
      this.#reload();
    }
  }

  /** Text overrides: { key: text } or { en: {...}, fr: {...} }. */
  get strings() {
    return this.#overrides;
  }

  set strings(value) {
    this.#overrides = value && typeof value === 'object' ? value : null;
    this.#renderTexts();
    if (this.#addressForm) this.#addressForm.strings = this.#overrides;
  }

  get apiBase() {
    return this.getAttribute('api-base') ?? DEFAULT_API_BASE;
  }

  get lang() {
    const source = this.getAttribute('lang') ?? this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
    const lang = source.toLowerCase().slice(0, 2);
    return lang === 'fr' ? 'fr' : 'en';
  }

  set lang(value) {
    this.setAttribute('lang', value);
  }

  /** The new voicesite id once ordered, else null. */
  get voiceSiteId() {
    return this.#created?.voiceSiteId ?? null;
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    // Deferred: a page usually sets `client`/`credentials` right after appending.
    if (!this.#me && !this.#customers) this.#reload();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    switch (name) {
      case 'api-base':
        if (!this.#clientFromProperty) {
          this.#client = null;
          this.#reload();
        }
        break;
      case 'lang':
        this.#renderTexts();
        if (this.#addressForm) this.#addressForm.setAttribute('lang', this.lang);
        break;
      case 'customer-code':
        this.#applyPreferredCustomer();
        break;
      case 'country':
        this.#applyPreferredCountry();
        break;
      case 'heading-level':
        this.#applyHeadingLevel();
        break;
      default:
        break;
    }
  }

  /**
   * `heading-level="N"` (1-5) makes the title a level-N heading and the steps N+1, so
   * the element fits the page's outline (under a page's own h2, say 3). Default 2.
   */
  #applyHeadingLevel() {
    const level = headingLevelOf(this, 5);
    for (const heading of this.shadowRoot.querySelectorAll('h2, h3')) {
      if (level === null) heading.removeAttribute('aria-level');
      else heading.setAttribute('aria-level', String(heading.localName === 'h2' ? level : level + 1));
    }
    // The address form's error summary sits inside a step: one level below the steps.
    this.#addressForm?.setAttribute('heading-level', String(Math.min((level ?? 2) + 2, 6)));
  }

  // ---------------------------------------------------------------- text

  #t(key, vars) {
    const lang = this.lang;
    const o = this.#overrides;
    let text;
    if (o) {
      const perLang = o[lang];
      if (perLang && typeof perLang === 'object' && typeof perLang[key] === 'string') text = perLang[key];
      else if (typeof o[key] === 'string') text = o[key];
    }
    text ??= ORDER_STRINGS[lang]?.[key] ?? ORDER_STRINGS.en[key] ?? key;
    return format(text, vars);
  }

  #texts = []; // [node, key] pairs re-rendered on language change

  #text(node, key) {
    this.#texts.push([node, key]);
    return node;
  }

  #renderTexts() {
    for (const [node, key] of this.#texts) node.textContent = this.#t(key);
    for (const slot of Object.values(this.#slots)) slot.render();
    this.#renderCustomerOptions();
    this.#renderVpnOptions();
    this.#renderCountryOptions();
    this.#renderAccess();
    this.#renderProblems();
    this.#renderOrderState();
    this.#renderCreated();
    this.#renderList();
  }

  // ---------------------------------------------------------------- DOM

  #build() {
    const ui = this.#ui;
    const form = h('form', { part: 'form', novalidate: '' });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });

    ui.title = this.#text(h('h2', { class: 'title', id: 'title' }), 'title');

    // Access.
    ui.accessStep = h('section', { part: 'step', 'aria-labelledby': 'access-title', 'data-step': 'access' });
    ui.accessInfo = h('p', { part: 'status', id: 'access-info' });
    this.#slots.access = this.#makeSlot('access');
    ui.accessStep.append(
      this.#text(h('h3', { id: 'access-title' }), 'access.title'),
      ui.accessInfo,
      this.#slots.access.node,
    );

    // Customer.
    ui.customerStep = h('section', { part: 'step', 'aria-labelledby': 'customer-label', 'data-step': 'customer' });
    ui.customerSelect = this.#select('customer', 'customer.label');
    ui.customerInfo = h('p', { part: 'status', id: 'customer-info' });
    this.#slots.customers = this.#makeSlot('customers');
    ui.customerSelect.select.addEventListener('change', () => {
      this.#touched.add('customer');
      this.#onCustomerChange();
    });
    ui.customerStep.append(
      ui.customerSelect.wrap,
      ui.customerInfo,
      this.#slots.customers.node,
    );

    // VPN.
    ui.vpnStep = h('section', { part: 'step', 'aria-labelledby': 'vpnId-label', 'data-step': 'vpn' });
    ui.vpnSelect = this.#select('vpnId', 'vpn.label');
    ui.vpnInfo = h('p', { part: 'status', id: 'vpn-info' });
    this.#slots.vpns = this.#makeSlot('vpns');
    ui.vpnSelect.select.addEventListener('change', () => this.#onFieldInput('vpnId'));
    ui.vpnStep.append(
      ui.vpnSelect.wrap,
      ui.vpnInfo,
      this.#slots.vpns.node,
    );

    // Country.
    ui.countryStep = h('section', { part: 'step', 'aria-labelledby': 'country-label', 'data-step': 'country' });
    ui.countrySelect = this.#select('country', 'country.label', 'country.hint');
    this.#slots.countries = this.#makeSlot('countries');
    ui.countrySelect.select.addEventListener('change', () => this.#onFieldInput('country'));
    ui.countryStep.append(
      ui.countrySelect.wrap,
      this.#slots.countries.node,
    );

    // Site names + reference.
    ui.siteStep = h('section', { part: 'step', 'aria-labelledby': 'site-title', 'data-step': 'site' });
    ui.technicalSiteName = this.#input('technicalSiteName', { autocomplete: 'off', spellcheck: 'false' });
    ui.customerSiteLabel = this.#input('customerSiteLabel', { autocomplete: 'off' });
    ui.customerOrderReference = this.#input('customerOrderReference', { autocomplete: 'off', spellcheck: 'false' });
    ui.customerOrderReference.input.value = generateOrderReference();
    ui.referenceLockNote = h('p', { class: 'hint', id: 'customerOrderReference-lock', hidden: '' });
    this.#text(ui.referenceLockNote, 'customerOrderReference.locked');
    ui.customerOrderReference.wrap.append(ui.referenceLockNote);
    ui.siteStep.append(
      this.#text(h('h3', { id: 'site-title' }), 'site.title'),
      h('div', { class: 'pair' }, ui.technicalSiteName.wrap, ui.customerSiteLabel.wrap),
      ui.customerOrderReference.wrap,
    );

    // Order.
    ui.orderStep = h('section', { part: 'step', 'aria-labelledby': 'order-title', 'data-step': 'order' });
    ui.orderButton = h('button', { part: 'button', type: 'submit', id: 'order-button', 'aria-describedby': 'order-reason' });
    this.#text(ui.orderButton, 'order.button');
    ui.orderReason = h('p', { part: 'status', id: 'order-reason' });
    ui.orderSummary = h('p', { part: 'error', id: 'order-summary', role: 'alert' });
    ui.orderAnnounce = h('p', { class: 'visually-hidden', id: 'order-announce', role: 'alert' });
    this.#slots.core = this.#makeSlot('core');
    this.#slots.order = this.#makeSlot('order', { persistentStatus: true });
    ui.orderTitle = h('h3', { id: 'order-title', class: 'visually-hidden' });
    this.#text(ui.orderTitle, 'order.button');
    ui.orderStep.append(
      ui.orderTitle,
      h('div', { class: 'actions' }, ui.orderButton),
      ui.orderReason,
      ui.orderSummary,
      ui.orderAnnounce,
      this.#slots.core.node,
      this.#slots.order.node,
    );

    form.append(ui.accessStep, ui.customerStep, ui.vpnStep, ui.countryStep, ui.siteStep, ui.orderStep);

    // After the order: result + address + list (outside the order form so the inner
    // address form's Enter key never submits the order again).
    ui.createdStep = h('section', { part: 'step', 'aria-labelledby': 'created-title', 'data-step': 'created', hidden: '' });
    ui.createdTitle = h('h3', { id: 'created-title', class: 'result', tabindex: '-1' });
    ui.createdDetails = h('p', { part: 'status', id: 'created-details' });
    ui.anotherButton = h('button', { part: 'button', type: 'button', class: 'secondary' });
    this.#text(ui.anotherButton, 'order.another');
    ui.anotherButton.addEventListener('click', () => this.#orderAnother());
    ui.createdStep.append(ui.createdTitle, ui.createdDetails, h('div', { class: 'actions' }, ui.anotherButton));

    ui.addressStep = h('section', { part: 'step', 'aria-labelledby': 'address-title', 'data-step': 'address', hidden: '' });
    ui.addressIntro = h('p', { part: 'status', id: 'address-intro' });
    ui.addressHost = h('div', { class: 'address-host' });
    ui.skipButton = h('button', { part: 'button', type: 'button', class: 'secondary' });
    this.#text(ui.skipButton, 'address.skip');
    ui.skipButton.addEventListener('click', () => this.#showList());
    ui.addressStep.append(
      this.#text(h('h3', { id: 'address-title' }), 'address.title'),
      ui.addressIntro,
      ui.addressHost,
      h('div', { class: 'actions' }, ui.skipButton),
    );

    ui.listStep = h('section', { part: 'step', 'aria-labelledby': 'list-title', 'data-step': 'list', hidden: '' });
    ui.listTitle = h('h3', { id: 'list-title', tabindex: '-1' });
    this.#text(ui.listTitle, 'list.title');
    this.#slots.list = this.#makeSlot('list');
    ui.listTableHost = h('div', { class: 'table-wrap' });
    ui.refreshButton = h('button', { part: 'button', type: 'button', class: 'secondary' });
    this.#text(ui.refreshButton, 'list.refresh');
    ui.refreshButton.addEventListener('click', () => this.#loadList());
    ui.listStep.append(ui.listTitle, this.#slots.list.node, ui.listTableHost, h('div', { class: 'actions' }, ui.refreshButton));

    // The inner form's save ends the address step.
    ui.addressStep.addEventListener('btalk-address-saved', (event) => this.#onAddressSaved(event));

    ui.form = form;
    return h('div', { part: 'container', class: 'container' }, ui.title, form, ui.createdStep, ui.addressStep, ui.listStep);
  }

  #select(name, labelKey, hintKey) {
    const id = `${name}-select`;
    const label = this.#text(h('label', { part: 'label', for: id, id: `${name}-label` }), labelKey);
    const select = h('select', { part: 'select', id, name, 'aria-describedby': `${name}-error${hintKey ? ` ${name}-hint` : ''}` });
    const error = h('p', { part: 'error', id: `${name}-error` });
    const wrap = h('div', { class: 'field', 'data-field': name }, label);
    if (hintKey) wrap.append(this.#text(h('p', { class: 'hint', id: `${name}-hint` }), hintKey));
    wrap.append(select, error);
    return { wrap, label, select, error };
  }

  #input(name, attributes = {}) {
    const id = `${name}-input`;
    const label = this.#text(h('label', { part: 'label', for: id }), `${name}.label`);
    const hint = this.#text(h('p', { class: 'hint', id: `${name}-hint` }), `${name}.hint`);
    const input = h('input', {
      part: 'input', id, name, type: 'text', 'aria-describedby': `${name}-hint ${name}-error`, ...attributes,
    });
    const error = h('p', { part: 'error', id: `${name}-error` });
    input.addEventListener('input', () => this.#onFieldInput(name));
    input.addEventListener('blur', () => this.#onFieldBlur(name));
    const wrap = h('div', { class: 'field', 'data-field': name }, label, hint, input, error);
    return { wrap, label, input, error };
  }

  /**
   * A status area for one API wait: shows a loading text, or an error (status, API
   * message) with a Retry button. Re-renders on language change.
   *
   * Load slots (`load: true` in fail) share their Retry: when the API is down the
   * access, customers and countries steps all fail at once, and one press retries
   * them all; only the first of identical failures is an alert, so a screen reader
   * hears the outage once, not three times.
   *
   * `persistentStatus`: the status text goes in one live region that exists from the
   * start, so its change is announced (a live region inserted with its text often is
   * not). Used for the order, which the user starts; page-load waits stay quiet.
   */
  #makeSlot(name, { persistentStatus = false } = {}) {
    const node = h('div', { class: 'slot', 'data-slot': name });
    const status = persistentStatus ? h('p', { part: 'status', role: 'status', 'aria-live': 'polite' }) : null;
    const body = h('div', { class: 'slot-body' });
    if (status) node.append(status);
    node.append(body);
    const slot = {
      node,
      state: null, // { kind: 'loading', key } | { kind: 'error', error, retry, load, announce }
      loading: (key) => {
        slot.state = { kind: 'loading', key };
        slot.render();
      },
      fail: (error, retry, { load = false } = {}) => {
        const { headline } = this.#describeError(error);
        const announced = load && Object.values(this.#slots).some((other) => other !== slot
          && other.state?.kind === 'error' && other.state.load && other.state.announce
          && this.#describeError(other.state.error).headline === headline);
        slot.state = { kind: 'error', error, retry, load, announce: !announced };
        slot.render();
      },
      clear: () => {
        slot.state = null;
        slot.render();
      },
      get busy() {
        return slot.state?.kind === 'loading';
      },
      render: () => {
        // Focus inside what is replaced (a pressed Retry) would fall to <body>: keep it in the step.
        const hadFocus = node.contains(this.shadowRoot?.activeElement ?? null);
        body.replaceChildren();
        const state = slot.state;
        const step = node.closest('[part~="step"]');
        if (step) step.setAttribute('aria-busy', String(state?.kind === 'loading'));
        if (status) status.textContent = state?.kind === 'loading' ? this.#t(state.key) : '';
        if (state?.kind === 'loading' && !status) {
          body.append(h('p', { part: 'status', role: 'status', 'aria-live': 'polite', text: this.#t(state.key) }));
        }
        if (state?.kind === 'error') {
          const { headline, detail } = this.#describeError(state.error);
          const box = h('div', {
            part: 'error', class: 'failure', role: state.announce ? 'alert' : null,
            'data-error-status': String(state.error?.status ?? 0),
          }, h('p', { class: 'headline', text: headline }));
          if (detail) box.append(h('p', { class: 'detail', text: detail }));
          box.append(h('p', { class: 'kept', text: this.#t('error.kept') }));
          if (state.retry) {
            const retry = h('button', { part: 'button', type: 'button', class: 'retry', text: this.#t('error.retry') });
            retry.addEventListener('click', () => (state.load ? this.#retryFailedLoads() : state.retry()));
            box.append(retry);
          }
          body.append(box);
        }
        if (hadFocus && !node.contains(this.shadowRoot.activeElement)) this.#keepFocusIn(step, node);
      },
    };
    return slot;
  }

  /** Retries every load that is in error (one Retry press for an API outage). */
  #retryFailedLoads() {
    for (const slot of Object.values(this.#slots)) {
      if (slot.state?.kind === 'error' && slot.state.load) slot.state.retry();
    }
  }

  /** Focus for a step whose Retry vanished: its new Retry, its first usable control, or the step. */
  #keepFocusIn(step, slotNode) {
    const target = slotNode.querySelector('button.retry')
      ?? step?.querySelector('select:not(:disabled), input:not(:disabled), button:not(:disabled):not([hidden])');
    if (target) {
      target.focus();
    } else if (step) {
      step.setAttribute('tabindex', '-1');
      step.focus();
    }
  }

  #describeError(error) {
    const status = Number(error?.status) || 0;
    const code = typeof error?.code === 'string' ? error.code : '';
    let headline;
    if (error?.name === 'BtalkCoreError') headline = this.#t('error.core');
    else if (error instanceof TypeError) headline = this.#t('error.config');
    else if (code === 'timeout') headline = this.#t('error.timeout');
    else if (code === 'network') headline = this.#t('error.network');
    else if (code === 'malformedResponse') headline = this.#t('error.malformed');
    else if (code === 'credentialsUnavailable' || code === 'invalidCredentials') headline = this.#t('error.credentials');
    else if (status === 401) headline = this.#t('error.401');
    else if (status === 403) headline = this.#t('error.403');
    else if (status > 0) headline = this.#t('error.http', { status });
    else headline = this.#t('error.unknown');
    const parts = [];
    if (status > 0 && !headline.includes(String(status))) parts.push(String(status));
    if (code && !['timeout', 'network', 'malformedResponse', 'credentialsUnavailable', 'invalidCredentials'].includes(code)) parts.push(code);
    const messages = [];
    const message = typeof error?.message === 'string' ? error.message : '';
    if (message) messages.push(message);
    const apiMessage = error?.body && typeof error.body.message === 'string' ? error.body.message : '';
    if (apiMessage && !message.includes(apiMessage)) messages.push(apiMessage);
    const prefix = parts.length ? `[${parts.join(' ')}] ` : '';
    const detail = messages.length || prefix ? `${prefix}${messages.join(' — ')}`.trim() : '';
    return { headline, detail };
  }

  // ---------------------------------------------------------------- loading

  #ensureClient() {
    if (this.#clientFromProperty) {
      this.#client = this.#clientFromProperty;
    } else if (!this.#client) {
      // Shared with other elements of the page that have the same base and credentials.
      this.#client = clientFor({
        client: null,
        credentials: this.#credentials,
        getAttribute: (name) => (name === 'api-base' ? this.apiBase : this.getAttribute(name)),
      });
    }
    return this.#client;
  }

  /** Reloads everything the form shows (access, customers, countries), keeping input. */
  #reload() {
    if (this.#loadScheduled) return;
    this.#loadScheduled = true;
    queueMicrotask(() => {
      this.#loadScheduled = false;
      if (!this.isConnected) return;
      this.#generation += 1;
      this.#vpnsFor = null; // another client may see other VPNs for the same customer
      try {
        this.#ensureClient();
      } catch (error) {
        // e.g. credentials with a plain-http base URL: said once, in the access step.
        this.#me = null;
        this.#renderAccess();
        this.#slots.access.fail(error, () => this.#reload());
        this.#renderOrderState();
        this.#emitError(error, 'access');
        return;
      }
      this.#loadCore();
      this.#loadAccess();
      this.#loadCustomers();
      this.#loadCountries();
      if (this.#addressForm) this.#addressForm.client = this.#client;
    });
  }

  async #track(slotName, loadingKey, work, apply) {
    const generation = this.#generation;
    const slot = this.#slots[slotName];
    const retry = () => this.#track(slotName, loadingKey, work, apply);
    slot.loading(loadingKey);
    this.#renderOrderState();
    try {
      const value = await work();
      if (generation !== this.#generation) return;
      slot.clear();
      apply(value);
    } catch (error) {
      if (generation !== this.#generation) return;
      slot.fail(error, retry, { load: true });
      this.#emitError(error, slotName);
    }
    this.#renderOrderState();
  }

  #loadCore() {
    if (this.#core) return;
    this.#track('core', 'core.loading', () => (typeof this.#client.core === 'function' ? this.#client.core() : loadCore()), (core) => {
      this.#core = core;
      this.#validate();
    });
  }

  #loadAccess() {
    this.#me = null;
    this.#renderAccess();
    this.#track('access', 'access.loading', () => this.#client.me(), (me) => {
      this.#me = me;
      this.#renderAccess();
    });
  }

  #loadCustomers() {
    this.#track('customers', 'customer.loading', () => this.#client.customers(), (customers) => {
      this.#customers = Array.isArray(customers) ? customers : [];
      this.#renderCustomerOptions();
      this.#applyPreferredCustomer();
      this.#onCustomerChange();
    });
  }

  #loadCountries() {
    this.#track('countries', 'country.loading', () => this.#client.countries(), (countries) => {
      this.#countries = Array.isArray(countries) ? countries : [];
      this.#renderCountryOptions();
      this.#applyPreferredCountry();
      this.#validate();
    });
  }

  #loadVpns(customerCode) {
    this.#vpns = null;
    this.#renderVpnOptions();
    if (!customerCode) {
      this.#slots.vpns.clear();
      return;
    }
    this.#track('vpns', 'vpn.loading', () => this.#client.vpns(customerCode), (vpns) => {
      if (this.#customerCode() !== customerCode) return; // the user moved on meanwhile
      this.#vpns = Array.isArray(vpns) ? vpns : [];
      this.#renderVpnOptions();
      this.#validate();
    });
  }

  // ---------------------------------------------------------------- rendering

  #renderAccess() {
    const info = this.#ui.accessInfo;
    if (!info) return;
    const me = this.#me;
    if (!me) {
      info.textContent = '';
      return;
    }
    const profile = typeof me.rightsProfile === 'string' && me.rightsProfile ? me.rightsProfile : '?';
    info.textContent = this.#t(me.canOrder ? 'access.ok' : 'access.readonly', { profile });
  }

  #customerCode() {
    return this.#ui.customerSelect?.select.value ?? '';
  }

  #renderCustomerOptions() {
    const ui = this.#ui;
    if (!ui.customerSelect) return;
    const select = ui.customerSelect.select;
    const customers = this.#customers;
    const previous = select.value;
    if (!customers) {
      select.replaceChildren(h('option', { value: '', text: this.#t('customer.choose') }));
      select.disabled = true;
      ui.customerInfo.textContent = '';
      return;
    }
    const options = customers.map((c) => h('option', { value: String(c.customerCode ?? ''), text: c.name ? `${c.name} (${c.customerCode})` : String(c.customerCode ?? '') }));
    if (customers.length !== 1) options.unshift(h('option', { value: '', text: this.#t('customer.choose') }));
    select.replaceChildren(...options);
    if (previous && customers.some((c) => String(c.customerCode) === previous)) select.value = previous;
    select.disabled = customers.length === 0;
    // One customer: chosen automatically, and said so.
    ui.customerSelect.wrap.hidden = customers.length === 1;
    if (customers.length === 0) ui.customerInfo.textContent = this.#t('customer.none');
    else if (customers.length === 1) ui.customerInfo.textContent = this.#t('customer.single', { name: customers[0].name ?? '', code: customers[0].customerCode });
    else ui.customerInfo.textContent = '';
  }

  #applyPreferredCustomer() {
    const wanted = this.getAttribute('customer-code');
    const select = this.#ui.customerSelect.select;
    if (!wanted || !this.#customers) return;
    if (this.#customers.some((c) => String(c.customerCode) === wanted) && select.value !== wanted) {
      select.value = wanted;
      this.#onCustomerChange();
    }
  }

  #onCustomerChange() {
    const code = this.#customerCode();
    if (code === this.#vpnsFor) return;
    this.#vpnsFor = code;
    this.#loadVpns(code);
    this.#validate();
  }

  #vpnsFor = null;

  #renderVpnOptions() {
    const ui = this.#ui;
    if (!ui.vpnSelect) return;
    const select = ui.vpnSelect.select;
    const previous = select.value || this.#pendingVpn;
    const vpns = this.#vpns;
    if (!vpns) {
      select.replaceChildren(h('option', { value: '', text: this.#t('vpn.choose') }));
      select.disabled = true;
      ui.vpnInfo.textContent = this.#customerCode() || !this.#customers ? '' : this.#t('vpn.needCustomer');
      this.#pendingVpn = previous;
      return;
    }
    const options = vpns.map((v) => h('option', { value: String(v.vpnId ?? ''), text: v.name ? `${v.name} (${v.vpnCode ?? v.vpnId})` : String(v.vpnId ?? '') }));
    if (vpns.length !== 1) options.unshift(h('option', { value: '', text: this.#t('vpn.choose') }));
    select.replaceChildren(...options);
    if (previous && vpns.some((v) => String(v.vpnId) === previous)) select.value = previous;
    this.#pendingVpn = '';
    select.disabled = vpns.length === 0 || this.#isLocked();
    ui.vpnInfo.textContent = vpns.length === 0 ? this.#t('vpn.none') : '';
  }

  #pendingVpn = '';

  #renderCountryOptions() {
    const ui = this.#ui;
    if (!ui.countrySelect) return;
    const select = ui.countrySelect.select;
    const previous = select.value || this.#pendingCountry;
    const countries = this.#countries;
    if (!countries) {
      select.replaceChildren(h('option', { value: '', text: this.#t('country.choose') }));
      select.disabled = true;
      this.#pendingCountry = previous;
      return;
    }
    const collator = new Intl.Collator(this.lang);
    const sorted = [...countries].sort((a, b) => collator.compare(String(a.name ?? a.iso2), String(b.name ?? b.iso2)));
    const options = [h('option', { value: '', text: this.#t('country.choose') })];
    for (const country of sorted) {
      const name = String(country.name || country.iso2);
      const option = h('option', {
        value: String(country.iso2 ?? ''),
        text: country.covered ? name : this.#t('country.notCovered', { name }),
      });
      if (!country.covered) option.disabled = true;
      options.push(option);
    }
    select.replaceChildren(...options);
    const coveredPrevious = previous && countries.some((c) => c.iso2 === previous && c.covered);
    if (coveredPrevious) select.value = previous;
    this.#pendingCountry = '';
    select.disabled = this.#isLocked();
  }

  #pendingCountry = '';

  #applyPreferredCountry() {
    const wanted = (this.getAttribute('country') ?? '').toUpperCase();
    if (!wanted) return;
    const select = this.#ui.countrySelect.select;
    if (!this.#countries) {
      this.#pendingCountry = wanted;
      return;
    }
    if (this.#countries.some((c) => c.iso2 === wanted && c.covered) && !this.#isLocked()) {
      select.value = wanted;
      this.#validate();
    }
  }

  // ---------------------------------------------------------------- validation

  #currentOrder() {
    const ui = this.#ui;
    return {
      customerOrderReference: ui.customerOrderReference.input.value,
      technicalSiteName: ui.technicalSiteName.input.value,
      customerSiteLabel: ui.customerSiteLabel.input.value,
      country: ui.countrySelect.select.value,
      vpnId: ui.vpnSelect.select.value,
    };
  }

  #onFieldInput(name) {
    this.#touched.add(name);
    // What the API said about this field concerned the old value.
    this.#apiProblems = this.#apiProblems.filter((p) => p.field !== name);
    this.#validate();
  }

  #onFieldBlur(name) {
    if (this.#ui[name]?.input.value !== '') this.#touched.add(name);
    this.#renderProblems();
  }

  #validate() {
    if (!this.#core) return null;
    let result;
    try {
      result = this.#core.validateOrder(this.#currentOrder());
    } catch (error) {
      // The core refuses only malformed input, which this element never builds.
      result = { valid: false, problems: [{ field: '', code: error.code ?? 'internal', message: error.message }] };
    }
    this.#problems = Array.isArray(result?.problems) ? result.problems : [];
    // Several customers and none chosen: that is the problem to fix first (the VPN list
    // waits for it, so "VPN is required" on a disabled list would only confuse).
    if (this.#customers?.length > 1 && !this.#customerCode()) {
      this.#problems = [{ field: 'customer', code: 'valueMissing', message: 'customer is required' },
        ...this.#problems.filter((p) => p.field !== 'vpnId')];
      result = { ...result, valid: false };
    }
    this.#renderProblems();
    return result;
  }

  #problemText(problem) {
    const labelKey = FIELD_LABEL_KEYS[problem.field];
    const label = labelKey ? this.#t(labelKey) : String(problem.field ?? '');
    const message = typeof problem.message === 'string' ? problem.message : String(problem.code ?? '');
    // The API's own words (data) for what it refused; our texts for the core's verdicts.
    if (problem.fromApi) return this.#t('problem.api', { label, message });
    const vars = { label, max: FIELD_MAX_LENGTH[problem.field] };
    for (const key of [`problem.${problem.field}.${problem.code}`, `problem.${problem.code}`]) {
      const text = this.#t(key, vars);
      if (text !== key) return text;
    }
    return message;
  }

  /** The API's field problems (400/409), mapped from "parameters.x" to our fields. */
  #apiProblemsOf(error) {
    const list = Array.isArray(error?.problems) && error.problems.length ? error.problems
      : Array.isArray(error?.body?.problems) ? error.body.problems : [];
    return list
      .filter((p) => p && typeof p.field === 'string')
      .map((p) => ({
        field: p.field.replace(/^parameters\./, ''),
        code: typeof p.code === 'string' ? p.code : 'invalid',
        message: typeof p.message === 'string' ? p.message : '',
        fromApi: true,
      }))
      .filter((p) => ORDER_FIELDS.includes(p.field));
  }

  #renderProblems() {
    const ui = this.#ui;
    if (!ui.customerOrderReference) return;
    const controls = {
      customer: ui.customerSelect,
      customerOrderReference: ui.customerOrderReference,
      technicalSiteName: ui.technicalSiteName,
      customerSiteLabel: ui.customerSiteLabel,
      country: ui.countrySelect,
      vpnId: ui.vpnSelect,
    };
    const shown = new Set();
    for (const field of SHOWN_FIELDS) {
      const control = controls[field];
      const element = control.input ?? control.select;
      const visible = this.#submitAttempted || this.#touched.has(field);
      const problems = [
        ...(visible ? this.#problems.filter((p) => p.field === field) : []),
        ...this.#apiProblems.filter((p) => p.field === field),
      ];
      if (problems.length) shown.add(field);
      control.error.textContent = problems.map((p) => this.#problemText(p)).join(' ');
      if (problems.length) element.setAttribute('aria-invalid', 'true');
      else element.removeAttribute('aria-invalid');
    }
    if (this.#submitAttempted && this.#problems.length && !this.#created) {
      const other = this.#problems.filter((p) => !SHOWN_FIELDS.includes(p.field)).map((p) => this.#problemText(p));
      ui.orderSummary.textContent = [this.#t('order.invalid'), ...other].join(' ');
    } else {
      ui.orderSummary.textContent = '';
    }
  }

  // ---------------------------------------------------------------- ordering

  #isLocked() {
    return this.#inFlight || !!this.#created;
  }

  /** Why ordering is impossible right now, or '' when it is possible. */
  #orderBlockReason() {
    if (!this.#me) return this.#slots.access?.busy || !this.#slots.access?.state ? '' : this.#t('order.disabled.access');
    if (!this.#me.canOrder) return this.#t('order.disabled.readonly', { profile: this.#me.rightsProfile ?? '?' });
    if (!this.#core) return this.#slots.core?.busy ? '' : this.#t('order.disabled.core');
    return '';
  }

  #renderOrderState() {
    const ui = this.#ui;
    if (!ui.orderButton) return;
    const reason = this.#orderBlockReason();
    const ready = !!this.#me?.canOrder && !!this.#core;
    // aria-disabled, not disabled: the button stays focusable, so keyboard and screen
    // reader users reach it and hear why (aria-describedby), and pressing it while an
    // order is in flight keeps the focus where it was instead of dropping it to <body>.
    // #submit refuses every press while it is blocked.
    ui.orderButton.setAttribute('aria-disabled', String(!ready || this.#inFlight || !!this.#created));
    ui.orderReason.textContent = this.#created ? '' : reason;
    if (ready) ui.orderAnnounce.textContent = '';
    const locked = this.#isLocked();
    ui.technicalSiteName.input.readOnly = locked;
    ui.customerSiteLabel.input.readOnly = locked;
    ui.customerOrderReference.input.readOnly = locked || this.#referenceLocked;
    ui.referenceLockNote.hidden = !(this.#referenceLocked && !this.#created);
    const describedBy = ['customerOrderReference-hint', 'customerOrderReference-error'];
    if (!ui.referenceLockNote.hidden) describedBy.push('customerOrderReference-lock');
    ui.customerOrderReference.input.setAttribute('aria-describedby', describedBy.join(' '));
    ui.customerSelect.select.disabled = locked || !this.#customers || this.#customers.length === 0;
    ui.vpnSelect.select.disabled = locked || !this.#vpns || this.#vpns.length === 0;
    ui.countrySelect.select.disabled = locked || !this.#countries;
  }

  async #submit() {
    // The in-flight guard is set before any await: a second click or Enter in the
    // same tick finds it and does nothing, so one reference gives one POST at a time.
    if (this.#inFlight || this.#created) return;
    if (!this.#me?.canOrder || !this.#core) {
      this.#renderOrderState();
      // Said on each press, so pressing the (aria-)disabled button is never silent. The
      // reason is already on screen: this region is for screen readers only, emptied
      // first so the same words are announced again.
      const announce = this.#ui.orderAnnounce;
      const reason = this.#orderBlockReason() || this.#t(this.#me ? 'order.disabled.core' : 'order.disabled.access');
      announce.textContent = '';
      setTimeout(() => { announce.textContent = reason; }, 50);
      return;
    }
    this.#submitAttempted = true;
    const result = this.#validate();
    if (!result?.valid) {
      this.#focusFirstInvalid();
      return;
    }
    const customerCode = this.#customerCode();
    const order = this.#currentOrder();
    this.#inFlight = true;
    this.#apiProblems = [];
    this.#slots.order.loading('order.sending');
    this.#renderOrderState();
    try {
      const created = await this.#client.orderVoicesite(customerCode, order);
      this.#inFlight = false;
      this.#slots.order.clear();
      const voiceSiteId = created?.voiceSiteId ?? null;
      this.#created = { order: created, voiceSiteId, customerCode, request: order };
      this.#renderOrderState();
      this.#renderProblems();
      this.#renderCreated();
      emit(this, 'btalk-order-created', { order: created, voiceSiteId });
      if (voiceSiteId) await this.#showAddressStep();
      else this.#showList();
      this.#ui.createdTitle.focus();
    } catch (error) {
      this.#inFlight = false;
      // A timeout, network error or 5xx may still have created the voicesite: keep
      // the reference so the Retry sends the same idempotency key.
      if (outcomeUnknown(error)) this.#referenceLocked = true;
      this.#apiProblems = this.#apiProblemsOf(error);
      this.#slots.order.fail(error, () => this.#submit());
      this.#renderOrderState();
      this.#renderProblems();
      this.#emitError(error, 'order');
    }
  }

  #focusFirstInvalid() {
    const ui = this.#ui;
    const order = [
      ['customer', ui.customerSelect.select],
      ['vpnId', ui.vpnSelect.select],
      ['country', ui.countrySelect.select],
      ['technicalSiteName', ui.technicalSiteName.input],
      ['customerSiteLabel', ui.customerSiteLabel.input],
      ['customerOrderReference', ui.customerOrderReference.input],
    ];
    for (const [field, element] of order) {
      if (this.#problems.some((p) => p.field === field) && !element.disabled) {
        element.focus();
        return;
      }
    }
  }

  #renderCreated() {
    const ui = this.#ui;
    if (!ui.createdStep) return;
    const created = this.#created;
    ui.createdStep.hidden = !created;
    if (!created) return;
    const order = created.order ?? {};
    const vars = {
      id: created.voiceSiteId,
      orderId: order.orderId ?? '?',
      reference: order.customerOrderReference ?? created.request.customerOrderReference,
      status: order.status ?? '?',
    };
    ui.createdTitle.textContent = created.voiceSiteId ? this.#t('order.created', vars) : this.#t('order.noSiteId', vars);
    ui.createdDetails.textContent = this.#t('order.createdDetails', vars);
    ui.addressIntro.textContent = created.voiceSiteId ? this.#t('address.intro', vars) : '';
  }

  async #showAddressStep() {
    const ui = this.#ui;
    const created = this.#created;
    ui.addressStep.hidden = false;
    // Set properties only once the class is defined, so the element's own accessors
    // receive them (an instance property set before upgrade would shadow them).
    if (!customElements.get('btalk-address-form')) await customElements.whenDefined('btalk-address-form');
    if (this.#created !== created) return;
    const form = document.createElement('btalk-address-form');
    form.setAttribute('country', created.request.country);
    form.setAttribute('customer-code', created.customerCode);
    form.setAttribute('voicesite-id', created.voiceSiteId);
    form.setAttribute('lang', this.lang);
    form.setAttribute('api-base', this.apiBase);
    form.client = this.#client;
    if (this.#overrides) form.strings = this.#overrides;
    form.setAttribute('exportparts', ADDRESS_FORM_PARTS.map((part) => `${part}: address-${part}`).join(', '));
    this.#addressForm = form;
    this.#applyHeadingLevel();
    ui.addressHost.replaceChildren(form);
  }

  #onAddressSaved(event) {
    // The inner form announces the save itself; the flow moves on to the list.
    if (event.target !== this.#addressForm) return;
    this.#showList();
  }

  #showList() {
    const ui = this.#ui;
    ui.listStep.hidden = false;
    ui.skipButton.hidden = true;
    this.#loadList().then(() => ui.listTitle.focus());
  }

  #voicesites = null;

  #loadList() {
    return this.#track('list', 'list.loading', () => this.#client.voicesites(), (sites) => {
      this.#voicesites = Array.isArray(sites) ? sites : [];
      this.#renderList();
    });
  }

  #renderList() {
    const ui = this.#ui;
    if (!ui.listTableHost) return;
    const sites = this.#voicesites;
    if (!sites) {
      ui.listTableHost.replaceChildren();
      return;
    }
    if (sites.length === 0) {
      ui.listTableHost.replaceChildren(h('p', { part: 'status', text: this.#t('list.empty') }));
      return;
    }
    const newId = this.#created?.voiceSiteId ?? null;
    const columns = ['id', 'name', 'label', 'country', 'status', 'address'];
    // Explicit roles: a table shown as blocks on narrow screens stays a table to screen readers.
    const head = h('tr', { role: 'row' }, ...columns
      .map((key) => h('th', { scope: 'col', role: 'columnheader', text: this.#t(`list.col.${key}`) })));
    // Each cell repeats its column name for the stacked layout (hidden from screen
    // readers, which get it from the column header).
    const cell = (key, value, attributes = {}) => h('td', { role: 'cell', ...attributes },
      h('span', { class: 'cell-label', 'aria-hidden': 'true', text: this.#t(`list.col.${key}`) }),
      h('span', { class: 'cell-value', text: value }));
    const rows = sites.map((site) => {
      const isNew = newId !== null && String(site.voiceSiteId) === String(newId);
      const idCell = cell('id', String(site.voiceSiteId ?? ''), { class: 'id' });
      if (isNew) idCell.lastChild.append(h('span', { class: 'badge', text: this.#t('list.new') }));
      const row = h('tr', { role: 'row', part: isNew ? 'row row-new' : 'row', 'data-voicesite-id': String(site.voiceSiteId ?? '') },
        idCell,
        cell('name', String(site.technicalSiteName ?? '')),
        cell('label', String(site.customerSiteLabel ?? '')),
        cell('country', String(site.country ?? '')),
        cell('status', String(site.status ?? '')),
        cell('address', this.#t(site.hasVoiceAddress ? 'list.address.yes' : 'list.address.no')));
      if (isNew) {
        row.classList.add('new');
        row.setAttribute('aria-current', 'true');
      }
      return row;
    });
    const table = h('table', { part: 'table', role: 'table' },
      h('caption', { text: this.#t('list.caption', { count: sites.length }) }),
      h('thead', { role: 'rowgroup' }, head),
      h('tbody', { role: 'rowgroup' }, ...rows));
    ui.listTableHost.replaceChildren(table);
  }

  #orderAnother() {
    const ui = this.#ui;
    this.#created = null;
    this.#referenceLocked = false;
    this.#submitAttempted = false;
    this.#touched.clear();
    this.#voicesites = null;
    this.#addressForm = null;
    ui.technicalSiteName.input.value = '';
    ui.customerSiteLabel.input.value = '';
    ui.customerOrderReference.input.value = generateOrderReference();
    ui.addressHost.replaceChildren();
    ui.addressStep.hidden = true;
    ui.listStep.hidden = true;
    ui.skipButton.hidden = false;
    this.#slots.list.clear();
    this.#renderCreated();
    this.#renderList();
    this.#renderOrderState();
    this.#validate();
    ui.technicalSiteName.input.focus();
  }

  #emitError(error, step) {
    emit(this, 'btalk-error', {
      message: typeof error?.message === 'string' ? error.message : String(error),
      status: Number(error?.status) || 0,
      code: typeof error?.code === 'string' ? error.code : 'error',
      step,
    });
  }
}
