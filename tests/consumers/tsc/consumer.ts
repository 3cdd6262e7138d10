// A strict TypeScript app using every entry of btalk-forms; compiled with moduleResolution bundler and node16.
import { loadCore, BtalkClient, BtalkCoreError } from 'btalk-forms';
import { BtalkAddressForm } from 'btalk-forms/address-form';
import { BtalkVoicesiteOrder } from 'btalk-forms/voicesite-order';
import { defineElements } from 'btalk-forms/components';
import type { BtalkAddressFormProps } from 'btalk-forms/jsx';
import 'btalk-forms/elements';

export async function check(): Promise<string> {
  const core = await loadCore({ wasmUrl: '/assets/btalk-core.wasm' });
  const version: string = core.version;
  const client = new BtalkClient({ baseUrl: '/proxy/btalk/v1' });
  // The tag name map comes from the classes: no cast needed.
  const form: BtalkAddressForm = document.createElement('btalk-address-form');
  const order: BtalkVoicesiteOrder | null = document.querySelector('btalk-voicesite-order');
  form.client = client;
  form.value = { pc: '75001' };
  const saved = await form.save();
  const ok: boolean = saved.saved;
  form.addEventListener('btalk-validity', (event) => {
    const valid: boolean = event.detail.valid;
    console.log(valid, event.detail.problems.length);
  });
  // @ts-expect-error a secret provider is a function, never a string
  form.credentials = 'token';
  // @ts-expect-error heading-level is a number or text, not an object
  const props: BtalkAddressFormProps = { country: 'FR', 'heading-level': {} };
  defineElements(new CustomElementRegistry());
  if (order && !(new BtalkCoreError() instanceof Error)) return 'never';
  return `${version} ${ok} ${props.country}`;
}
