// Styles of <btalk-site-import>, on top of the shared BASE_CSS (same --btalk-* properties).
export const SITE_IMPORT_CSS = `
  :host { max-width: 72rem; }
  .container { display: flex; flex-direction: column; gap: var(--btalk-gap, 0.9rem); min-width: 0; container-type: inline-size; }
  .title { margin: 0; font-size: 1.25em; }
  .container > :is(h1, h2, h3, h4, h5) { margin: 0; }
  [part~="step"] {
    display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; margin: 0;
    padding: 0.75rem; border: 1px solid var(--btalk-color-border, #8a8a8a);
    border-radius: var(--btalk-radius, 4px);
  }
  [part~="step"] > :is(h2, h3, h4, h5, h6) { margin: 0; font-size: 1.05em; }
  .hint { margin: 0; font-size: 0.9em; opacity: 0.85; }
  [part~="dropzone"] {
    display: flex; flex-direction: column; gap: 0.5rem; padding: 0.75rem;
    border: 2px dashed var(--btalk-color-border, #8a8a8a); border-radius: var(--btalk-radius, 4px);
  }
  [part~="dropzone"].over { border-color: var(--btalk-color-accent, #ff7900); background: color-mix(in srgb, var(--btalk-color-accent, #ff7900) 10%, transparent); }
  input[type="file"] { min-height: 0; border: 0; padding: 0; }
  textarea {
    width: 100%; min-height: 5rem; padding: 0.45rem 0.6rem; font-family: ui-monospace, monospace; font-size: 0.9em;
    border: 1px solid var(--btalk-color-border, #8a8a8a); border-radius: var(--btalk-radius, 4px);
    background: var(--btalk-color-bg, #fff);
  }
  .mapping-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.5rem 1rem; }
  .mapping-grid .field.unmapped label::after { content: " •"; color: var(--btalk-color-error, #b00020); }
  progress { width: 100%; height: 1.1rem; accent-color: var(--btalk-color-accent, #ff7900); }
  .counts { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
  /* No inner scroll box by default (it cut a row in half and hid the next ones with no cue): the rows
     flow with the page. A page that sets --btalk-import-table-height gets a box whose edges shade
     while more rows are above or below (scroll shadows). */
  .table-wrap {
    overflow: auto; max-width: 100%; max-height: var(--btalk-import-table-height, none);
    background:
      linear-gradient(var(--btalk-color-bg, #fff) 30%, transparent) center top / 100% 2.5rem no-repeat local,
      linear-gradient(transparent, var(--btalk-color-bg, #fff) 70%) center bottom / 100% 2.5rem no-repeat local,
      radial-gradient(farthest-side at 50% 0, rgb(0 0 0 / 0.3), transparent) center top / 100% 0.75rem no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, rgb(0 0 0 / 0.3), transparent) center bottom / 100% 0.75rem no-repeat scroll;
  }
  [part~="table"] { border-collapse: collapse; width: 100%; font-size: 0.92em; }
  [part~="table"] caption { text-align: start; font-weight: 600; padding-bottom: 0.25rem; }
  [part~="table"] th, [part~="table"] td {
    text-align: start; padding: 0.3rem 0.45rem; vertical-align: top;
    border-bottom: 1px solid var(--btalk-color-border, #8a8a8a);
  }
  [part~="table"] thead th { position: sticky; top: 0; background: var(--btalk-color-bg, #fff); white-space: nowrap; }
  [part~="table"] td { overflow-wrap: break-word; }
  td.site { min-width: 9rem; }
  .filter { display: inline-flex; align-items: center; gap: 0.5rem; font-weight: 400; }
  .filter input { width: 1.2rem; height: 1.2rem; min-height: 0; margin: 0; }
  td.address { white-space: pre-line; min-width: 12rem; }
  td.problems ul { margin: 0; padding-inline-start: 1rem; color: var(--btalk-color-error, #b00020); }
  [part~="badge"] {
    display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.85em; font-weight: 600;
    border: 1px solid currentColor; white-space: nowrap;
  }
  [part~="badge"][data-status="ready"], [part~="badge"][data-status="done"] { color: #1b5e20; }
  [part~="badge"][data-status="problems"], [part~="badge"][data-status="orderFailed"],
  [part~="badge"][data-status="orderedAddressMissing"] { color: var(--btalk-color-error, #b00020); }
  [part~="badge"][data-status="notCovered"] { color: #5f5f5f; }
  tr.editor > td { background: color-mix(in srgb, var(--btalk-color-accent, #ff7900) 8%, transparent); }
  .editor-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.4rem 0.75rem; }
  button.small { min-height: 2rem; padding: 0.2rem 0.6rem; font-size: 0.9em; }
  .actions { align-items: center; }
  p[part~="status"] { margin: 0; }
  p[part~="error"]:empty, p[part~="status"]:empty { display: none; }
  .editor .field.invalid input { border-color: var(--btalk-color-error, #b00020); box-shadow: inset 0 0 0 1px var(--btalk-color-error, #b00020); }
  .editor .field .error { margin: 0; color: var(--btalk-color-error, #b00020); font-weight: 600; font-size: 0.9em; }
  /* Narrow (a phone): each row is a card of "label: value" lines, with no sideways scroll. The
     labels are the column headers (data-label), hidden from assistive technology, which gets the
     table's own headers (explicit roles keep the table semantics). */
  @container (max-width: 40rem) {
    [part~="table"], [part~="table"] > caption, [part~="table"] > tbody, [part~="table"] tr, [part~="table"] td,
    [part~="table"] th[scope="row"] { display: block; }
    [part~="table"] > thead {
      position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
    }
    [part~="table"] tr { padding: 0.5rem 0; border-bottom: 1px solid var(--btalk-color-border, #8a8a8a); }
    [part~="table"] tr.editor > td { padding: 0.5rem; }
    [part~="table"] th, [part~="table"] td { border-bottom: 0; padding: 0.125rem 0.25rem; }
    [part~="table"] td[data-label] {
      display: grid; grid-template-columns: minmax(5.5rem, 32%) minmax(0, 1fr); gap: 0 0.5rem; min-width: 0;
      justify-items: start;
    }
    [part~="table"] td[data-label]::before { content: attr(data-label) / ""; font-weight: 600; }
    [part~="table"] td[data-label] > * { grid-column: 2; }
    [part~="table"] td[data-label]:empty { display: none; }
    [part~="table"] th[scope="row"]::before { content: attr(data-label) / ""; font-weight: 600; margin-inline-end: 0.5rem; }
    td.site, td.address { min-width: 0; }
    .editor-grid { grid-template-columns: minmax(0, 1fr); }
  }
`;
