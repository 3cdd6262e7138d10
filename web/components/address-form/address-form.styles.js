// <btalk-address-form>'s styles: the shared base plus the form's own layout. Themable through
// the --btalk-* custom properties and ::part() (see the JSDoc of the element).
import { BASE_CSS } from '../../internal/shared.js';

export const ADDRESS_FORM_CSS = `${BASE_CSS}
.search { display: flex; flex-direction: column; gap: 0.25rem; position: relative; }
.candidates[role="listbox"] { max-height: 16rem; overflow-y: auto; }
.candidates [role="option"] { padding: 0.45rem 0.6rem; cursor: pointer; }
.candidates [role="option"][aria-selected="true"] {
  background: var(--btalk-color-selected, #ffe5cc);
  outline: 2px solid var(--btalk-color-text, #1f1f1f); outline-offset: -2px;
}
.candidates [role="option"]:hover { background: var(--btalk-color-hover, #f2f2f2); }
.candidates [role="option"][aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
.candidates[hidden] { display: none; }
/* The fields: one column; in a container wide enough, a short field shares its row. */
.fields {
  container-type: inline-size; container-name: btalk-fields;
  display: flex; flex-direction: column; gap: var(--btalk-field-gap, 0.6rem);
  min-width: 0;
}
.row { display: flex; flex-direction: column; gap: var(--btalk-field-gap, 0.6rem); min-width: 0; }
@container btalk-fields (min-width: 28rem) {
  /* The two fields share four grid rows (head, control, message, link): their inputs line up. */
  .row.pair { display: grid; grid-template-rows: repeat(4, auto); gap: 0 var(--btalk-gap, 0.9rem); align-items: start; }
  .row.pair > .field { display: grid; grid-row: span 4; grid-template-rows: subgrid; row-gap: 0.25rem; align-items: start; }
  .row.pair.sl { grid-template-columns: minmax(7rem, 1fr) 2.4fr; }
  .row.pair.ls { grid-template-columns: 2.4fr minmax(7rem, 1fr); }
  .row.pair.ss { grid-template-columns: 1fr 1fr; }
  /* A short field on its own row does not stretch across the whole form. */
  .field.short.alone { max-width: calc(50% - var(--btalk-gap, 0.9rem) / 2); }
}
/* Each field reserves one line for its message (error or "changed to" note): showing one on
   blur never moves the button under the pointer. Longer messages wrap and grow the line. */
.message { min-height: 1.5rem; }
.message > p { line-height: 1.5rem; }
.message .error:empty, .message .note:empty { display: none; }
/* Invalid: a thicker edge drawn inside the 1px border, so the input keeps its size. */
input[aria-invalid="true"], select[aria-invalid="true"] {
  border-width: 1px; box-shadow: inset 0 0 0 1px var(--btalk-color-error, #b00020);
}
input[aria-invalid="true"]:focus, select[aria-invalid="true"]:focus {
  box-shadow: inset 0 0 0 1px var(--btalk-color-error, #b00020), 0 0 0 2px var(--btalk-color-text, #1f1f1f);
}
.note { margin: 0; font-size: 0.9em; }
.field > .head, .field > .control { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
.field a[part="link"] { font-size: 0.9em; align-self: flex-start; margin-bottom: 0.5rem; }
.no-link { display: none; }
.verify-result { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
/* Empty, the live region stays rendered (so it is announced when filled) but takes no room. */
.verify-result:not(.status) {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.status.warning { border: 2px solid var(--btalk-color-accent, #ff7900); }
.field select:disabled { background: transparent; }
`;
