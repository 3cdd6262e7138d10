// <BtalkSiteImport> for React 18 and 19: defines <btalk-site-import>; object props are set as properties, on<Event> props
// are listeners (./create-component.js).
import React from 'react';
import '../components/site-import/site-import.js';
import { createComponent } from './create-component.js';
import { SITE_IMPORT } from './specs.js';

export const BtalkSiteImport = /* @__PURE__ */ createComponent(React, SITE_IMPORT);
