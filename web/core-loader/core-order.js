// The full core's order, PIDF-LO and postal-line methods (web/core.js gives them to its loader; the
// address-only module binds none of them, so the address form's bundle holds none of this).
import { BtalkCoreError, toText } from './core-envelope.js';
import { exportOptions } from './core-api.js';

/** @param {(name: string, ...args: any[]) => any} call a core function's unwrapped answer */
export function orderApi(call) {
  return {
    validateOrder: (order) => call('validateOrder', toText(order, 'order')),
    buildOrderRequest: (order) => call('buildOrderRequest', toText(order, 'order')).body,
    toPidfLo(address, options = {}) {
      const o = exportOptions(options, ['entity', 'country', 'lang', 'tupleId', 'timestamp', 'retentionExpiry', 'method']);
      const allowed = options?.retransmissionAllowed ?? false;
      if (typeof allowed !== 'boolean') {
        throw new BtalkCoreError('invalidOptions', 'retransmissionAllowed must be true or false');
      }
      return call('pidfLo', toText(address, 'address'), o.entity, o.country, o.lang, o.tupleId, o.timestamp,
        o.retentionExpiry, allowed, options?.method ?? 'Manual').xml;
    },
    formatAddress(address, options = {}) {
      const o = exportOptions(options, ['country']);
      return call('formatAddress', toText(address, 'address'), o.country,
        toText(options?.constraints, 'constraints')).lines;
    },
  };
}
