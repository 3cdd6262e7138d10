// The stand-in's "closest addresses": when an address look-up (a search text or address fields)
// matches nothing exactly, the candidates nearest to what was asked, best first, rather than an
// empty list. Word by word, on folded text (case, accents and spaces ignored): a word counts fully
// when equal, mostly when one typo away (a bounded edit distance) or when one word starts the other
// ("ave" / "avenue"). Work is bounded: at most MAX_WORDS words of MAX_WORD code points are compared.
import { fold } from './http.js';

export const CLOSEST_LIMIT = 3;
const MAX_WORDS = 12;
const MAX_WORD = 40;
// At or below this share of what was asked (half the words), a candidate is not offered.
const THRESHOLD = 0.5;

// Enough raw text for MAX_WORDS words (folding a megabyte to read a dozen words would not be bounded).
const MAX_TEXT = MAX_WORDS * (MAX_WORD + 1) * 2;
const wordsOf = (text) => fold(String(text ?? '').slice(0, MAX_TEXT)).split(/[\s,]+/).filter(Boolean).slice(0, MAX_WORDS)
  .map((w) => [...w].slice(0, MAX_WORD).join(''));
// A search text's words that say something: "de", "la", "du" match everywhere.
const telling = (words) => (words.some((w) => w.length > 2) ? words.filter((w) => w.length > 2) : words);

/** Levenshtein distance of a and b, or cap + 1 when it is larger (banded: O(|a| * (2 cap + 1))). */
export function editDistance(a, b, cap) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = new Array(y.length + 1).fill(cap + 1);
    current[0] = i;
    let best = current[0];
    for (let j = Math.max(1, i - cap); j <= Math.min(y.length, i + cap); j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > cap) return cap + 1;
    previous = current;
  }
  return Math.min(previous[y.length], cap + 1);
}

/** How well `word` is matched by one of `words`: 1, 0.8 (a typo or two), 0.6 (a prefix), else 0. */
function wordScore(word, words) {
  let best = 0;
  for (const other of words) {
    if (other === word) return 1;
    const length = Math.min(word.length, other.length);
    const cap = length >= 8 ? 2 : length >= 4 ? 1 : 0;
    if (cap && editDistance(word, other, cap) <= cap) best = Math.max(best, 0.8);
    else if (length >= 3 && (other.startsWith(word) || word.startsWith(other))) best = Math.max(best, 0.6);
  }
  return best;
}

/** The share (0..1) of the asked words that `words` holds. */
function textScore(asked, words) {
  if (!asked.length) return 0;
  return asked.reduce((sum, word) => sum + wordScore(word, words), 0) / asked.length;
}

/** The candidates nearest to the search text `q`, best first (ties keep the data's order). */
export function closestToText(candidates, q, limit = CLOSEST_LIMIT) {
  const asked = telling(wordsOf(q));
  return rank(candidates, (candidate) => textScore(asked, wordsOf(candidate.label)), limit);
}

/**
 * The candidates nearest to the address `fields` ({ element: text }), best first: each field is
 * compared with the candidate's element, a6 also with the candidate's whole street line (a street
 * typed with its type and direction, "Pennsylvania Avenue", still finds "Pennsylvania" AVE NW).
 */
export function closestToFields(candidates, fields, limit = CLOSEST_LIMIT) {
  const names = Object.keys(fields);
  if (!names.length) return [];
  const asked = Object.fromEntries(names.map((name) => [name, wordsOf(fields[name])]));
  return rank(candidates, (candidate) => {
    const address = candidate.voiceAddress ?? {};
    let sum = 0;
    for (const name of names) {
      const own = wordsOf(address[name] ?? '');
      const street = name === 'a6' ? wordsOf(['prd', 'a6', 'sts', 'pod'].map((n) => address[n] ?? '').join(' ')) : own;
      sum += Math.max(textScore(asked[name], own), textScore(asked[name], street));
    }
    return sum / names.length;
  }, limit);
}

function rank(candidates, score, limit) {
  return candidates.map((candidate, index) => ({ candidate, index, score: score(candidate) }))
    .filter((entry) => entry.score > THRESHOLD)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
