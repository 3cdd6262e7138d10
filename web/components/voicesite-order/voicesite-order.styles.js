// Styles of <btalk-voicesite-order> (on top of shared.js BASE_CSS). Themable through the
// --btalk-* custom properties and ::part; the layout follows the element's own width (container
// queries), never the window's, and takes the whole width it is given.
export const STYLES = `
  /* No width cap of its own: the element fills the width its container gives it. */
  :host { width: 100%; }
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
  /* One sentence (access) or one button (order) needs no box of its own. */
  [data-step="access"], [data-step="order"] { border: 0; padding: 0; }
  .title { margin: 0; font-size: 1.25em; }
  .views { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .views button[aria-pressed="true"] { background: var(--btalk-color-accent, #ff7900); color: #000; }
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
  /* A slot that holds only a status for screen readers takes no room (nor a gap of its step). */
  .slot-body:not(:has(> :not(.visually-hidden))) { position: absolute; }
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
  .choices { display: grid; gap: var(--btalk-gap, 0.9rem); grid-template-columns: minmax(0, 1fr); }
  .list-tools { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  .list-tools .field { flex: 1 1 16rem; max-width: 32rem; }
  .pager { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.25rem; }
  .pager-position { font-size: 0.95em; }
  .list-count:empty { display: none; }
  td .cell-action { display: inline-block; margin-inline-start: 0.5rem; }
  /* "Missing" and its button on one line: a compact row. */
  td.missing { white-space: nowrap; }
  [part~="table"] td.missing { vertical-align: middle; }
  button.give { min-height: 2.25rem; padding: 0.25rem 0.75rem; white-space: nowrap; }
  td.id .cell-value { font-size: 0.85em; opacity: 0.85; }
  /* Wide: customer, VPN and country side by side, so the flow uses the width it is given. */
  @container (min-width: 44rem) {
    .choices { grid-template-columns: repeat(3, minmax(0, 1fr)); align-items: stretch; }
  }
  /* Side by side when the element (not the window) is wide enough; the subgrid lines the
     two inputs up even when one hint wraps to more lines than the other. */
  @container (min-width: 36rem) {
    .pair { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, auto); row-gap: 0; }
    .pair > .field { display: grid; grid-row: span 4; grid-template-rows: subgrid; row-gap: 0.25rem; align-content: start; }
  }
  /* Narrow: the steps drop their side padding and box (a line between them), so the fields and the
     embedded address form use the whole width. */
  @container (max-width: 30rem) {
    [part~="step"] { padding: 0.75rem 0 0; border-width: 1px 0 0; border-radius: 0; }
    [data-step="access"], [data-step="order"] { border: 0; padding: 0; }
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
    td .cell-action { grid-column: 2; margin: 0; }
    td.missing { white-space: normal; }
    tr.new { font-weight: inherit; }
  }
`;
