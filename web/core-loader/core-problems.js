// Problems cross the wasm boundary as numbers (core/include/btalk/compact_problem.h): a record
// index, a field index, a problem code and a detail per problem, plus the few texts that follow
// what was typed. Their texts come from a table the core gives once per compiled schema
// (compiled_problem_table_json: every message that depends only on the field, the code and the
// detail, spelled by the core itself); only the messages around a typed text are put together
// here, with the core's wording (ExpandProblem in core/src/address_validator.cc;
// tests/node/core-problems.test.js compares them for every kind of problem). A refusal thus
// costs about what an acceptance costs.

/**
 * The table of one compiled schema, from the core's answer ({ codes: [name by code number],
 * fields: [{ label, messages: { 'code:detail': text }, format?, example?, legend? }] }, the dial
 * zone last) and the field names in compiled order.
 */
export function problemTable(answer, names) {
  answer.fields.forEach((field, i) => { field.name = names[i] ?? 'dialZone'; });
  return answer;
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
  if (detail >= 0 && code === 'notAllowed') {
    return { code, field: field.name, message: `"${text(detail)}" is not a known ${field.label}` };
  }
  const own = detail < 0 && code === 'patternMismatch';
  if (!own && code === 'patternMismatch') {
    const [format, example, legend] = [text(detail), text(detail + 1), text(detail + 2)];
    let message = `${field.label} does not have the expected format`;
    if (format) message += `: ${format}`;
    if (example) message += ` (for example ${example})`;
    return example ? { code, field: field.name, message, format, example, legend } : { code, field: field.name, message };
  }
  const problem = { code, field: field.name, message: field.messages[`${codeNumber}:${detail}`] ?? code };
  if (own && field.example) Object.assign(problem, { format: field.format, example: field.example, legend: field.legend });
  return problem;
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
