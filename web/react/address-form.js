// <BtalkAddressForm> for React 18 and 19: defines <btalk-address-form>; object props are set as properties, on<Event> props
// are listeners (./create-component.js).
import React from 'react';
import '../components/address-form/address-form.js';
import { createComponent } from './create-component.js';
import { ADDRESS_FORM } from './specs.js';

export const BtalkAddressForm = /* @__PURE__ */ createComponent(React, ADDRESS_FORM);
