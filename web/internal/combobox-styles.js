// The type-ahead combobox's styles (a chunk of its own, with combobox.js): adopted by a shadow root
// the first time a long list shows there.
// Generated from combobox.css by scripts/build-css.js (minified): edit the .css, then run it.

export const COMBOBOX_CSS = ".choice,.combobox{display:flex;flex-direction:column;gap:.25rem;min-width:0}.combobox-list{max-height:calc(18rem + 2px);overflow-y:auto;overscroll-behavior:contain;border:1px solid var(--btalk-color-border, #8a8a8a);border-radius:var(--btalk-radius, 4px);background:var(--btalk-color-bg, #fff)}.combobox-option{height:2.25rem;line-height:2.25rem;padding:0 .6rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:pointer}.combobox-option[aria-selected=true]{background:var(--btalk-color-selected, #ffe5cc);outline:2px solid var(--btalk-color-text, #1f1f1f);outline-offset:-2px}.combobox-option:hover{background:var(--btalk-color-hover, #f2f2f2)}.combobox-option[aria-disabled=true]{opacity:.6;cursor:not-allowed}";
