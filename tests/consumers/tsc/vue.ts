// Vue: the elements are global components for vue-tsc/Volar.
import type { GlobalComponents } from 'vue';
import type {} from 'btalk-forms/vue';

type Known = GlobalComponents['btalk-address-form'] & GlobalComponents['btalk-voicesite-order'] & GlobalComponents['btalk-site-import'];
export const known: Known | null = null;
// @ts-expect-error only the package's elements are declared
export const unknown: GlobalComponents['btalk-nope'] | null = null;
