// Problems cross the wasm boundary as numbers (core/include/btalk/compact_problem.h): a record
// index, a field index, a problem code and a detail per problem, plus the few texts that follow
// what was typed. Their texts come from a table the core gives once per compiled schema
// (compiled_problem_table_json: every message that depends only on the field, the code and the
// detail, spelled by the core itself); only the messages around a typed text are put together
// here, with the core's wording (ExpandProblem in core/src/address_validator.cc;
// tests/node/core-problems.test.js compares them for every kind of problem). A refusal thus
// costs about what an acceptance costs. A hint that follows what was typed (a pattern with
// choices, such as the US ZIP code's optional +4) costs a core call: it is worked out only
// when the problem's message or hint is first read (pendingProblem below).

/**
 * The table of one compiled schema, from the core's answer ({ codes: [name by code number],
 * fields: [{ label, messages: { 'code:detail': text }, format?, example?, legend?, pattern? }] },
 * the dial zone last) and the field names in compiled order. `hint(pattern, typed)`: the core's
 * formatExample answer ({ format, example, legend } or null), for the hints that follow what
 * was typed; a few are remembered by (field, typed text).
 */
export function problemTable(answer, names, hint) {
  answer.fields.forEach((field, i) => {
    field.name = names[i] ?? 'dialZone';
    // The messages by detail * 16 + code number (a number key: no string built per problem).
    field.spelled = new Map(Object.entries(field.messages).map(([key, message]) => {
      const [code, detail] = key.split(':').map(Number);
      return [detail * 16 + code, message];
    }));
  });
  answer.hint = hint;
  answer.hints = new Map();
  return answer;
}

// The message of a pattern mismatch, as ExpandProblem spells it.
const mismatch = (label, { format, example }) => `${label} does not have the expected format${
  format ? `: ${format}` : ''}${example ? ` (for example ${example})` : ''}`;
const HINT_KEYS = ['message', 'format', 'example', 'legend'];

const TYPED = Symbol('btalk-forms.typedText'); // a pending problem's typed text: not enumerable, not in the result
const define = (object, name, value) => {
  Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
};

// message, format, example and legend for `typed` in `field`: the core's formatExample
// (stateless, so it still answers once the compiled object is disposed), or the field's own
// hint when it has none or the core fails. The last hints are remembered by (field, typed).
function hintValues(table, field, typed) {
  const key = `${field.name}\0${typed}`;
  let hint = table.hints.get(key);
  if (hint === undefined) {
    try {
      hint = table.hint(field.pattern, typed);
    } catch { /* the core is unusable: the field's own hint, true of the pattern too */ }
    if (!hint?.example) hint = field;
    if (table.hints.size >= 256) table.hints.clear();
    table.hints.set(key, hint);
  }
  return { message: mismatch(field.label, hint), format: hint.format, example: hint.example, legend: hint.legend };
}

// The accessors of one field's pending problems, made once per table: shared functions, so
// every pending problem is a small object of one shape (cheap to make and to collect).
function pendingAccessors(table, field) {
  const resolve = (problem) => {
    const values = hintValues(table, field, problem[TYPED]);
    try { // plain data properties from now on (in place: the key order stays)
      for (const name of HINT_KEYS) define(problem, name, values[name]);
    } catch { /* frozen by its reader: the accessors keep answering */ }
    return values;
  };
  return HINT_KEYS.map((name) => [name, {
    get() { return resolve(this)[name]; },
    set(value) {
      resolve(this);
      define(this, name, value);
    },
    enumerable: true,
    configurable: true,
  }]);
}

/**
 * A pattern mismatch whose hint follows `typed` (the core's detail -2 - k, texts[k] = the
 * trimmed typed text): the same own enumerable keys, in the same order, with the same values
 * as the core's problem, but message, format, example and legend are accessors that work the
 * hint out on first read (hintValues) and then become plain data properties.
 */
function pendingProblem(table, code, field, typed) {
  const accessors = field.pending ??= pendingAccessors(table, field);
  const problem = { code, field: field.name };
  // One defineProperty per key costs less than one defineProperties.
  for (let i = 0; i < accessors.length; i += 1) Object.defineProperty(problem, accessors[i][0], accessors[i][1]);
  Object.defineProperty(problem, TYPED, { value: typed });
  return problem;
}

/**
 * One problem as the public result shows it ({ code, field, message } and, for a pattern
 * mismatch with a sample, format, example and legend): a fresh object each time.
 * `text(i)` gives the i-th text of the answer.
 */
export function spellProblem(table, fieldIndex, codeNumber, detail, text) {
  const code = table.codes[codeNumber];
  const field = table.fields[fieldIndex];
  if (detail < -1 && field?.pattern !== undefined) return pendingProblem(table, code, field, text(-2 - detail));
  if (field === undefined) { // a key that is not a field
    return { code, field: text(detail), message: `"${text(detail + 1)}" is not an address field for this country` };
  }
  if (detail >= 0 && code === 'notAllowed') {
    return { code, field: field.name, message: `"${text(detail)}" is not a known ${field.label}` };
  }
  if (code === 'patternMismatch') {
    const hint = detail < 0 ? field : { format: text(detail), example: text(detail + 1), legend: text(detail + 2) };
    const message = detail < 0 ? field.spelled.get(detail * 16 + codeNumber) ?? code : mismatch(field.label, hint);
    if (!hint.example) return { code, field: field.name, message };
    return { code, field: field.name, message, format: hint.format, example: hint.example, legend: hint.legend };
  }
  return { code, field: field.name, message: field.spelled.get(detail * 16 + codeNumber) ?? code };
}

const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : null;

/**
 * Reads the answer of the core's btalk_validate_input from the module's memory and calls
 * `each(record, problem)` for every problem, in order. `count` is what btalk_validate_input
 * returned (the number of problems, > 0).
 */
export function readProblems(module, table, count, each) {
  const words = module.HEAP32;
  const base = module._btalk_compact_words() >> 2;
  const ends = base + 2 + 4 * count;
  const bytes = module.HEAPU8;
  const start = module._btalk_compact_texts();
  const text = (i) => {
    const from = start + (i ? words[ends + i - 1] : 0);
    const to = start + words[ends + i];
    // Short ASCII texts (hints, most keys) without TextDecoder, which costs more per call.
    let ascii = '';
    for (let p = from; p < to; p += 1) {
      if (bytes[p] >= 0x80 || to - from > 64) return decoder.decode(bytes.subarray(from, to));
      ascii += String.fromCharCode(bytes[p]);
    }
    return ascii;
  };
  for (let i = 0, at = base + 2; i < count; i += 1, at += 4) {
    each(words[at], spellProblem(table, words[at + 1], words[at + 2], words[at + 3], text));
  }
}
