// Which parts of a suggestion's text match what was typed, DOM-free: every typed word, wherever it
// occurs, ignoring case and accents ("sebastopol" marks "Sébastopol"). The view makes the matched
// parts <mark> elements and the rest text nodes: the text is never parsed as HTML.

// Bounds: an API label or a typed query is cut to these before matching (the work stays small).
const MAX_LABEL = 300;
const MAX_WORDS = 8;

/** One character without its accents, in lower case (may be several UTF-16 units). */
const fold = (char) => char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * `label` cut into [text, matched] pieces, in order, their texts joined giving the label back.
 * @param {unknown} label the suggestion's text
 * @param {unknown} query what was typed
 * @returns {Array<[string, boolean]>}
 */
export function highlight(label, query) {
  const chars = [...String(label ?? '')].slice(0, MAX_LABEL);
  let folded = '';
  const owner = []; // folded UTF-16 unit -> index in chars
  chars.forEach((char, index) => {
    const text = fold(char);
    folded += text;
    for (let i = 0; i < text.length; i++) owner.push(index);
  });
  const matched = new Array(chars.length).fill(false);
  const words = [...new Set(fold(String(query ?? '')).split(/[\s,;]+/u).filter(Boolean))].slice(0, MAX_WORDS);
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      for (let i = at; i < at + word.length; i++) matched[owner[i]] = true;
    }
  }
  const pieces = [];
  chars.forEach((char, index) => {
    const last = pieces[pieces.length - 1];
    if (last && last[1] === matched[index]) last[0] += char;
    else pieces.push([char, matched[index]]);
  });
  return pieces;
}
