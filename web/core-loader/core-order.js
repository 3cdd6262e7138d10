// The full core's order, PIDF-LO and postal-line methods (web/core.js gives them to its loader; the
// address-only module binds none of them, so the address form's bundle holds none of this).
import { BtalkCoreError, toText } from './core-envelope.js';
import { exportOptions } from './core-api.js';

// The request bodies orderRequest() built: frozen, so one found here is exactly what the core
// validated and built. The client posts such a body as it is (no second validation).
// (buildOrderRequest's body stays a plain object, as it always was.)
const built = new WeakSet();

/** True when `body` is a request body core.orderRequest() built (BtalkClient.orderVoicesite's `body`). */
export const isBuiltOrderBody = (body) => typeof body === 'object' && body !== null && built.has(body);

/** The error buildOrderRequest() throws for an order with problems (the first named, the rest counted). */
function invalidOrder(problems) {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new BtalkCoreError('invalidOrder', `The order is not valid: ${problems[0]?.message ?? ''}${more}`, problems);
}

/** @param {(name: string, ...args: any[]) => any} call a core function's unwrapped answer */
export function orderApi(call) {
  // An order -> core (wasm/bindings.cc orderRequest -> order_request_json -> PrepareOrder, core/src/order.cc):
  // one call validates it and, when it is valid, builds its request body. validateOrder and
  // buildOrderRequest are views of that one answer.
  const prepare = (order) => call('orderRequest', toText(order, 'order'));
  return {
    orderRequest(order) {
      const answer = prepare(order);
      if (answer.valid) {
        Object.freeze(answer.body.parameters);
        built.add(Object.freeze(answer.body));
      }
      return answer;
    },
    validateOrder(order) {
      const { valid, problems } = prepare(order);
      return { valid, problems };
    },
    buildOrderRequest(order) {
      const answer = prepare(order);
      if (!answer.valid) throw invalidOrder(answer.problems);
      return answer.body;
    },
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
