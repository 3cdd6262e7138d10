// An app bundled by esbuild for the browser: `esbuild main.js --bundle --format=esm --outdir=dist`.
import 'btalk-forms/address-form';
import { mountAddressForm } from '../shared/mount.js';

mountAddressForm();
