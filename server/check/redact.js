// What the check may print: every secret it holds (API key, token, client id and secret, proxy
// cookie) is blanked from every text it writes (stdout, stderr, the JSON report), in each form a
// server or an error message could carry it: as given, URL-encoded, JSON-escaped, base64, and
// inside the Basic credentials of the token request. Customer data never gets this far (the
// report holds shapes and counts, see shapes.js); this is the last net for secrets.

const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

const base64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const formEncode = (value) => encodeURIComponent(value).replace(/%20/g, '+');

/** Every form of one secret worth looking for (the longest first, so a longer form is blanked whole). */
export function secretForms(secret) {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return [];
  const forms = new Set([secret, encodeURIComponent(secret), formEncode(secret), JSON.stringify(secret).slice(1, -1),
    base64(secret)]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * A scrubber over a changing set of secrets (a token fetched during the run joins it).
 * `scrub(text)` blanks them; `add(...secrets)` adds some; `addBasic(id, secret)` adds the
 * Authorization: Basic value of the token request (raw and form-encoded, as RFC 6749 §2.3.1 sends it).
 */
export function createScrubber(initial = []) {
  const forms = new Set();
  const add = (...secrets) => {
    for (const secret of secrets) for (const form of secretForms(secret)) forms.add(form);
  };
  add(...initial);
  const addBasic = (id, secret) => {
    if (!id || !secret) return;
    add(base64(`${id}:${secret}`), base64(`${formEncode(id)}:${formEncode(secret)}`));
  };
  const scrub = (text) => {
    let out = String(text);
    const ordered = [...forms].sort((a, b) => b.length - a.length);
    for (const form of ordered) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    return out;
  };
  return { add, addBasic, scrub, get size() { return forms.size; } };
}

/**
 * Blanks customer values (codes, names, ids seen in customer-scoped answers) from one API text
 * that the report quotes. Values shorter than 3 characters are left (they would blank digits
 * everywhere); the report quotes API text in one place only, the deliberately unknown path's error.
 */
export function scrubValues(text, values) {
  let out = String(text);
  const ordered = [...values].filter((v) => typeof v === 'string' && v.length >= 3).sort((a, b) => b.length - a.length);
  for (const value of ordered) {
    if (out.includes(value)) out = out.split(value).join('[customer data]');
  }
  return out;
}
