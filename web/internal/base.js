// The element classes' base: HTMLElement where a DOM exists, a plain class elsewhere (Node during SSR:
// Next.js, Nuxt, Astro and SvelteKit import components on the server), so importing any entry never throws.
// Nothing is defined there: define.js only defines where a custom element registry exists.
export const BaseElement = globalThis.HTMLElement ?? class {};
