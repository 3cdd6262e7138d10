// Text as the elements compare it when a person types to find something (a long list's type-ahead, the
// voicesite filter, Verify's "the same address written otherwise"): case, accents and spacing aside.

/** Unicode NFD with combining marks removed, lower case, white space runs as one space, trimmed. */
export function foldText(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
