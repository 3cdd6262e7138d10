// btalk-forms/site-import: defines <btalk-site-import> (and nothing else) and exports its class.
// Papa Parse, its CSV reader, is loaded only when a file is read.
import { BtalkSiteImport } from './site-import.component.js';
import { defineElement } from '../../internal/define.js';

export { BtalkSiteImport };
defineElement('btalk-site-import', BtalkSiteImport);
