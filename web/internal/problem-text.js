// How an address problem from the core reads in the UI. One wording for every element that
// shows one (<btalk-address-form> beside its fields, <btalk-site-import> in its table), so a
// problem says the same thing wherever it appears. DOM-free; the strings are the address
// form's catalogues (components/address-form/i18n/), passed in as `t(key, params)`, which
// gives the key itself when a string is missing.

const LEGEND_KEYS = {
  digit: 'legend.digit', 'capital letter': 'legend.capitalLetter', letter: 'legend.letter',
  'small letter': 'legend.smallLetter', 'letter or digit': 'legend.letterOrDigit',
};

/**
 * The "expected format" hint of a pattern mismatch in the UI language, from the core's
 * formatExample answer ({ format, example, legend }, legend like "9 = digit, A = capital
 * letter"): '' when the core gave nothing, so nothing false is said.
 */
export function formatHintText(answer, t) {
  const format = typeof answer?.format === 'string' ? answer.format : '';
  const example = typeof answer?.example === 'string' ? answer.example : '';
  if (!format) return example ? t('formatExampleOnly', { example }) : '';
  const legend = String(answer.legend ?? '').split(/,\s*/).filter(Boolean).map((entry) => {
    const [symbol, meaning] = entry.split(/\s*=\s*/);
    const key = LEGEND_KEYS[String(meaning ?? '').trim()];
    return key ? `${symbol} = ${t(key)}` : entry;
  }).join(', ');
  if (!legend) return example && example !== format ? t('formatHintExample', { format, example, legend: '' }).replace(' ()', '') : t('formatHint', { format, legend: '' }).replace(' ()', '');
  return example && example !== format ? t('formatHintExample', { format, example, legend }) : t('formatHint', { format, legend });
}

/**
 * Format hints of pattern fields: the hint the problem carries when the core's validation gave
 * one (it follows the typed value), else the core's formatExample answer, asked once per pattern
 * (one instance per element), else the problem's bare example. '' when none says.
 */
export class FormatHints {
  #answers = new Map();

  clear() {
    this.#answers.clear();
  }

  /** The hint for `field` (with its `pattern`) in the words of `t`. */
  text(core, field, problem, t) {
    if (!field?.pattern) return '';
    // The core's validation follows what was typed (the SW1A of "SW1A 1A"): its hint, when it has one.
    if (typeof problem?.legend === 'string' && typeof problem.example === 'string' && problem.example) {
      return formatHintText({ format: problem.format ?? '', example: problem.example, legend: problem.legend }, t);
    }
    if (!this.#answers.has(field.pattern)) {
      let answer = null;
      try {
        answer = typeof core?.formatExample === 'function' ? core.formatExample(field.pattern) : null;
      } catch {
        answer = null; // nothing rather than something false
      }
      this.#answers.set(field.pattern, answer);
    }
    const answer = this.#answers.get(field.pattern)
      ?? (typeof problem?.example === 'string' ? { format: problem.format ?? '', example: problem.example, legend: '' } : null);
    return formatHintText(answer, t);
  }
}

/**
 * A problem in the UI language: our text by code ({label}, {min}, {max}), with the expected
 * format for a pattern mismatch when `formatHint(field, problem)` gives one; a broken API rule
 * (constraintError) says so with the core's reason; else the core's own message.
 */
export function problemText(problem, field, t, formatHint) {
  if (problem.code === 'constraintError') return t('constraintBroken', { message: problem.message ?? '' });
  const key = `problem.${problem.code}`;
  if (field && t(key) !== key) {
    const params = { label: field.label, min: field.minLength ?? '', max: field.maxLength ?? '' };
    if (problem.code === 'patternMismatch') {
      const hint = formatHint?.(field, problem);
      if (hint) return t('problem.patternMismatchHint', { ...params, hint });
    }
    return t(key, params);
  }
  return String(problem.message || problem.code || '');
}
