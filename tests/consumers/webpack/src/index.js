// A webpack 5 app with no webpack.config.js (the defaults: src/index.js -> dist/main.js).
import 'btalk-forms/address-form';
import { mountAddressForm } from '../../shared/mount.js';

mountAddressForm();
