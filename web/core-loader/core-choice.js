// Which core the address form gets from loadAddressCore(): the full one when the page has it
// (loading or loaded, or a page that also shows the order element), else the address-only
// module. No glue is imported here, so the address form's bundle holds only its own module.

let fullCurrent = null; // () => the full core's shared promise, or null
let preferred = null; // loadCore, set where the order element is defined

/** web/core.js: its shared instance is loading (current() gives it, null once it failed). */
export function noteFullCore(current) {
  fullCurrent = current;
}

/** The element entries that define <btalk-voicesite-order>: address forms on that page use the full core. */
export function preferFullCore(loadCore) {
  preferred = loadCore;
}

/** The full core's promise when it is in use (or preferred), else null. */
export function fullCoreInUse() {
  return fullCurrent?.() ?? preferred?.() ?? null;
}
