// <BtalkVoicesiteOrder> for React 18 and 19: defines <btalk-voicesite-order>; object props are set as properties, on<Event> props
// are listeners (./create-component.js).
import React from 'react';
import '../components/voicesite-order/voicesite-order.js';
import { createComponent } from './create-component.js';
import { VOICESITE_ORDER } from './specs.js';

export const BtalkVoicesiteOrder = /* @__PURE__ */ createComponent(React, VOICESITE_ORDER);
