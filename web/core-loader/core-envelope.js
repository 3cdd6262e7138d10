// The core's answer envelope ({ok} / {error}), its error class and how values become its JSON text.

/** An error from the core: bad input, or a document the core cannot use. */
export class BtalkCoreError extends Error {
  constructor(code, message, problems) {
    super(message);
    this.name = 'BtalkCoreError';
    this.code = code;
    if (problems) this.problems = problems;
  }
}

// Emscripten 3.1.6 turns a lone surrogate into bytes that swallow the next
// character; as a JSON escape the core reads it and reports the field (badInput).
const loneSurrogate = /\p{Cs}/gu;

export function toText(value, what) {
  if (typeof value === 'string') return value.replace(loneSurrogate, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  if (value === undefined || value === null) return '';
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new BtalkCoreError('invalidInput', `${what} cannot be converted to JSON: ${cause.message}`);
  }
}

export function unwrap(text) {
  let envelope;
  try {
    envelope = JSON.parse(text);
  } catch {
    // Only a broken build could do this: said as the core's own failure, not as the caller's input.
    throw new BtalkCoreError('internal', 'The core returned an unreadable answer.');
  }
  if (envelope && 'ok' in envelope) return envelope.ok;
  const error = envelope?.error ?? {};
  throw new BtalkCoreError(error.code ?? 'internal', error.message ?? 'The core rejected the input.', error.problems);
}

