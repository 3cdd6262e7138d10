// The in-page accessibility audit of a11y.test.js, shared with site.test.js (the
// static site must hold the same checks as the served demo): auditPage() runs in
// the page through page.evaluate; contrast() compares two computed colours.

/**
 * Runs in the page: walks the document and every open shadow root and lists what a
 * screen reader user would trip over.
 */
export function auditPage() {
  const problems = [];
  const headings = [];
  const visible = (el) => el.getClientRects().length > 0 || el.classList.contains('visually-hidden');
  const level = (heading) => Number(heading.getAttribute('aria-level')) || Number(heading.localName.slice(1));
  const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const describe = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.name ? `[name=${el.name}]` : ''}`;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const scope = el.getRootNode();
      for (const attribute of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-errormessage', 'for']) {
        for (const id of (el.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!scope.getElementById(id)) problems.push(`${describe(el)} ${attribute} points at missing #${id}`);
        }
      }
      if (el.matches('input:not([type=hidden]), select, textarea, button') && visible(el)) {
        const fromLabels = [...(el.labels ?? [])].map((label) => label.textContent.trim()).join(' ');
        const fromAria = el.getAttribute('aria-label')
          ?? (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
            .map((id) => scope.getElementById(id)?.textContent.trim() ?? '').join(' ');
        const fromText = el.localName === 'button' ? el.textContent.trim() : '';
        if (!`${fromLabels}${fromAria}${fromText}`.trim()) problems.push(`${describe(el)} has no accessible name`);
      }
      if (el.getAttribute('aria-invalid') === 'true') {
        const messages = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
          .map((id) => scope.getElementById(id)).filter((m) => m && visible(m) && m.textContent.trim());
        if (!messages.length) problems.push(`${describe(el)} is invalid without a visible message in aria-describedby`);
      }
      if (/^h[1-6]$/.test(el.localName) && visible(el)) {
        headings.push(`h${level(el)} ${el.textContent.trim()}`);
        // A heading inside a section named by a heading must sit below that heading.
        for (let up = parentOf(el); up; up = parentOf(up)) {
          if (!up.matches('section, article, aside, nav, [role=region]')) continue;
          const named = (up.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
            .map((id) => up.getRootNode().getElementById(id)).find((n) => n && /^h[1-6]$/.test(n.localName));
          if (!named || named === el) continue;
          if (level(el) <= level(named)) {
            problems.push(`heading "${el.textContent.trim()}" (h${level(el)}) sits in the section of "${named.textContent.trim()}" (h${level(named)})`);
          }
          break;
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  // In reading order, a heading is at most one level deeper than the one before.
  let previous = 0;
  for (const heading of headings) {
    const current = Number(heading[1]);
    if (current > previous + 1) problems.push(`heading "${heading}" skips a level after h${previous}`);
    previous = current;
  }
  return { problems, headings };
}

/** sRGB contrast ratio of two "rgb(r, g, b)" colours. */
export function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
