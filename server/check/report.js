// The text summary of a report, for a terminal. Everything the check writes goes through the
// scrubber in cli.js first; this only lays the report out.

const LABEL = { connection: 'STOPPED', error: 'ERROR', warning: 'WARN', notice: 'note' };

const statusText = (status) => (Array.isArray(status) ? [...new Set(status)].join(',') : String(status ?? '-'));

function collectionLine(c) {
  const parts = [`${c.endpoint.padEnd(40)} ${statusText(c.status).padEnd(8)}`];
  if (c.paging) {
    const p = c.paging;
    parts.push(`${p.items} item${p.items === 1 ? '' : 's'} in ${p.pages} request${p.pages === 1 ? '' : 's'}`,
      `paging headers: ${p.headers}`);
    if (p.serverPageCap !== null) parts.push(`server page: ${p.serverPageCap}`);
  }
  parts.push(c.readable ? 'readable' : 'NOT readable');
  return `  ${parts.join('  ')}`;
}

function countryLine(c) {
  const bits = [`country ${statusText(c.country?.status)}`];
  if (c.addressConstraints) {
    const core = c.addressConstraints.core;
    bits.push(`constraints ${statusText(c.addressConstraints.status)}${core?.read ? ` (${core.fields} fields${core.constraintErrors.length ? `, ${core.constraintErrors.length} unusable` : ''})` : core ? ' (refused)' : ''}`);
  }
  if (c.geographicalConstraints) bits.push(`geo ${c.geographicalConstraints.absent ? 'none' : statusText(c.geographicalConstraints.status)}`);
  if (c.geoAreas) bits.push(`area1 ${c.geoAreas.paging ? `${c.geoAreas.paging.items} areas` : statusText(c.geoAreas.status)}`);
  return `  ${c.iso2}  ${bits.join(', ')}`;
}

function errorLine(shape) {
  if (!shape) return '  (no error answer seen)';
  const bits = [`HTTP ${shape.status}`, shape.shape];
  if (shape.entries !== undefined) bits.push(`${shape.entries} entr${shape.entries === 1 ? 'y' : 'ies'}`);
  if (shape.codeTypes) bits.push(`code: ${shape.codeTypes.join('/')}`);
  if (shape.core?.read) bits.push(`core reads ${shape.core.entriesRead ?? 0} entr${shape.core.entriesRead === 1 ? 'y' : 'ies'}, message: ${shape.core.message}`);
  return `  ${bits.join(', ')}`;
}

/** The report as text lines for stdout. */
export function formatText(report, { out } = {}) {
  const t = report.target;
  const lines = [`btalk-forms check: ${t.mode} mode, ${t.base}, auth: ${t.auth}, core ${report.coreVersion}`];
  if (report.me) lines.push(`  /me${' '.repeat(37)} ${statusText(report.me.status).padEnd(8)}  ${report.me.core?.read ? `profile ${report.me.core.rightsProfile}` : 'NOT readable'}`);
  for (const c of report.collections) lines.push(collectionLine(c));
  if (report.countries.length) {
    lines.push('', `Countries (${report.countries.length}):`);
    for (const c of report.countries) lines.push(countryLine(c));
  }
  lines.push('', 'Error shape (deliberately unknown path):', errorLine(report.unknownPath));
  const cors = report.collections.map((c) => c.cors).find(Boolean);
  if (cors) {
    lines.push('', `CORS for ${t.originSent}: Allow-Origin ${cors.allowOrigin.join('/')}, exposed: ${cors.exposeHeaders.join(', ') || '(none)'}`);
  }
  const shown = report.findings.filter((f) => f.severity !== 'notice');
  const notices = report.findings.length - shown.length;
  lines.push('', `Findings: ${report.summary.connection} stopped, ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notes`);
  for (const f of shown) lines.push(`  ${LABEL[f.severity].padEnd(7)} ${f.endpoint ?? ''}${f.endpoint ? ': ' : ''}${f.message}`);
  if (notices) lines.push(`  (${notices} note${notices === 1 ? '' : 's'}${out ? ` in ${out}` : '; --out report.json lists them'})`);
  lines.push('', `${report.summary.requests} requests, methods: ${report.summary.methods.join(', ') || '-'}, ${(report.durationMs / 1000).toFixed(1)} s`);
  const verdict = { 0: 'everything checked is readable by btalk-forms', 1: 'btalk-forms cannot read something (see ERROR)', 2: 'the check could not complete (see STOPPED)' };
  lines.push(`Result: exit ${report.exitCode}: ${verdict[report.exitCode]}`);
  return `${lines.join('\n')}\n`;
}
