// A Vite app, no vite.config: `vite` (dev server) and `vite build`.
import 'btalk-forms/address-form';
import { mountAddressForm } from '../shared/mount.js';

mountAddressForm();
