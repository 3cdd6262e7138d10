// Problems cross the wasm boundary as numbers (core/include/btalk/compact_problem.h): a record
// index, a field index, a problem code and a detail per problem, plus the few texts that follow
// what was typed. Their English texts are spelled out here, from a table the core gives once per
// compiled schema (compiled_problem_table_json), with the very wording of the core's
// ExpandProblem (core/src/address_validator.cc): tests/node/core-problems.test.js compares the two
// for every kind of problem. A refusal thus costs about what an acceptance costs.

const BAD_INPUT = ' contains a character that is not valid text (a lone UTF-16 surrogate); please retype it';
const characters = (n) => `${n} ${n === 1 ? 'character' : 'characters'}`;

/**
 * The table of one compiled schema, from the core's answer
 * ({ codes: [name by code number], fields: [{ label, error?, format, example, legend }] }) and the
 * field names in compiled order. Messages that depend only on (field, code, detail) are kept.
 */
export function problemTable(answer, names) {
  const fields = answer.fields.map((field, i) => ({ ...field, name: names[i], memo: new Map() }));
  fields.push({ name: 'dialZone', label: 'Dial zone', dial: true, memo: new Map() });
  return { codes: answer.codes, fields };
}

// The message of a problem whose texts are all in the table.
function message(field, code, detail) {
  const { label } = field;
  switch (code) {
    case 'valueMissing': return `${label}${field.dial ? ' is required for this country' : ' is required'}`;
    case 'tooShort': return `${label} must be at least ${characters(detail)}`;
    case 'tooLong': return `${label} must be at most ${characters(detail)}`;
    case 'typeMismatch': return `${label}${detail === 1 ? ' must contain only digits (0 to 9)' : ' must be text'}`;
    case 'notAllowed':
      return `${label}${field.dial ? ' is chosen automatically for this country and must be left empty'
        : ' must be one of the proposed values'}`;
    case 'constraintError': return `${label} cannot be checked because its rule from the API is invalid: ${field.error ?? ''}`;
    case 'tooComplex':
      return `${label} cannot be checked: its format rule from the API needs too much work for this address (try a shorter value)`;
    case 'badInput': return `${label}${BAD_INPUT}`;
    default: return code;
  }
}

function mismatch(field, format, example, legend) {
  let text = `${field.label} does not have the expected format`;
  if (format) text += `: ${format}`;
  if (example) text += ` (for example ${example})`;
  const problem = { code: 'patternMismatch', field: field.name, message: text };
  if (example) Object.assign(problem, { format, example, legend });
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
  if (field === undefined) { // a key that is not a field
    return { code, field: text(detail), message: `"${text(detail + 1)}" is not an address field for this country` };
  }
  if (code === 'patternMismatch') {
    return detail < 0 ? mismatch(field, field.format, field.example, field.legend)
      : mismatch(field, text(detail), text(detail + 1), text(detail + 2));
  }
  if (code === 'notAllowed' && detail >= 0) {
    return { code, field: field.name, message: `"${text(detail)}" is not a known ${field.label}` };
  }
  const key = codeNumber * 65536 + detail;
  let spelled = field.memo.get(key);
  if (spelled === undefined) {
    spelled = message(field, code, detail);
    field.memo.set(key, spelled);
  }
  return { code, field: field.name, message: spelled };
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
  const textCount = words[base + 1];
  const ends = base + 2 + 4 * count;
  let text = null;
  if (textCount > 0) {
    const bytes = module.HEAPU8;
    const start = module._btalk_compact_texts();
    text = (i) => {
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
  }
  for (let i = 0, at = base + 2; i < count; i += 1, at += 4) {
    each(words[at], spellProblem(table, words[at + 1], words[at + 2], words[at + 3], text));
  }
}
