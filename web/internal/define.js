// Defines a custom element once, and only where a registry exists (never during SSR in plain Node).
/** Defines `name` as `constructor` in `registry` (default: the page's) unless it is already defined. */
export function defineElement(name, constructor, registry = globalThis.customElements) {
  if (!registry || registry.get(name)) return;
  registry.define(name, constructor);
}
