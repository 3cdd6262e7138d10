// CSV reading and writing for the site import (DOM-free), on Papa Parse.
//
// Papa Parse ships a UMD file and no ES module. It is loaded on demand, only by this
// element: bundlers (esbuild, Vite, webpack) and Node resolve `import('papaparse')`;
// a page without a bundler gets the package's own papaparse.min.js as a classic script
// (which sets window.Papa), from `papaparseUrl` or next to this package in node_modules.

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;

let papaPromise = null;

/**
 * Where the classic-script fallback finds papaparse.min.js when no URL is given (a page with no bundler, serving
 * the package's files as they are): next to the package in node_modules when installed, in the package's own
 * node_modules in a checkout. Worked out at run time from the module's URL: a literal
 * `new URL('…papaparse.min.js', import.meta.url)` is taken by bundlers for a file to emit, and webpack fails the
 * build when it is not at that path (an install has papaparse next to the package, not inside it).
 * @param {string} moduleUrl this module's URL (web/components/site-import/csv.js)
 */
export function defaultPapaparseUrl(moduleUrl) {
  const packageRoot = new URL('../../../', moduleUrl);
  const at = packageRoot.pathname.lastIndexOf('/node_modules/');
  const folder = at >= 0 ? packageRoot.pathname.slice(0, at + '/node_modules/'.length) : `${packageRoot.pathname}node_modules/`;
  return new URL(`${folder}papaparse/papaparse.min.js`, packageRoot).href;
}

export const DEFAULT_PAPAPARSE_URL = defaultPapaparseUrl(import.meta.url);

function loadClassicScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => (globalThis.Papa?.parse ? resolve(globalThis.Papa) : reject(new Error('Papa Parse did not load.')));
    script.onerror = () => reject(new Error(`The CSV reader could not be loaded from ${url}.`));
    document.head.append(script);
  });
}

/**
 * Papa Parse, loaded once: window.Papa if the page has it, else the npm package through the
 * module system, else (plain browser pages) the package's file as a classic script.
 * @param {{ url?: string }} [options]
 */
export function loadPapa({ url } = {}) {
  if (globalThis.Papa?.parse) return Promise.resolve(globalThis.Papa);
  if (!papaPromise) {
    papaPromise = (async () => {
      if (!url) {
        try {
          const module = await import('papaparse');
          const papa = module.default ?? module;
          if (papa?.parse) return papa;
        } catch (error) {
          if (typeof document === 'undefined') throw error;
        }
      }
      return loadClassicScript(url ?? DEFAULT_PAPAPARSE_URL);
    })();
    papaPromise.catch(() => { papaPromise = null; });
  }
  return papaPromise;
}

/** An error with a code, shown to the user as it is. */
export class CsvError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'CsvError';
    this.code = code;
  }
}

/**
 * A file's bytes as text: UTF-16 when it starts with a UTF-16 BOM (Excel's "Unicode text"),
 * UTF-8 (with or without BOM) when valid, else Windows-1252 (Excel's legacy "CSV" export).
 * @param {ArrayBuffer|Uint8Array} buffer
 */
export function decodeText(buffer) {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CsvError('tooLarge', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes); // not UTF-8: Excel's legacy export
  }
}

/**
 * Parses CSV text (RFC 4180: quotes, embedded newlines; `,` `;` or tab detected).
 * -> { headers, rows: string[][], delimiter, warnings: [{ row, message }] }
 * Rows that are entirely empty are skipped; short rows are padded, long rows keep their extra cells.
 */
export function parseCsv(text, papa) {
  if (typeof text !== 'string') throw new CsvError('notText', 'The CSV must be text.');
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.length > MAX_FILE_BYTES) throw new CsvError('tooLarge', `The CSV is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  if (source.trim() === '') throw new CsvError('empty', 'The CSV is empty.');
  const result = papa.parse(source, {
    delimiter: '', delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy', header: false,
    preview: MAX_ROWS + 2,
  });
  const data = result.data;
  if (data.length > MAX_ROWS + 1) {
    throw new CsvError('tooManyRows', `The CSV has more than ${MAX_ROWS} rows: split it into several files.`);
  }
  const headers = (data[0] ?? []).map((h) => String(h).trim());
  if (headers.length === 0 || headers.every((h) => h === '')) throw new CsvError('noHeader', 'The first line must name the columns.');
  const warnings = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: typeof e.row === 'number' ? e.row : null, message: e.message }));
  const rows = data.slice(1).map((cells) => {
    const row = cells.map((c) => String(c));
    while (row.length < headers.length) row.push('');
    return row;
  });
  if (rows.length === 0) throw new CsvError('noRows', 'The CSV has column names but no rows.');
  return { headers, rows, delimiter: result.meta.delimiter || ',', warnings };
}

/**
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection).
 * Numbers such as "-12" or "+33 1 23 45 67 89" are left as they are.
 */
export function safeCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s.,()/]*$/.test(text)) return `'${text}`;
  return text;
}

/** CSV text (RFC 4180, CRLF, UTF-8 BOM so Excel reads it as UTF-8) from a header and rows. */
export function toCsv(headers, rows, papa, { delimiter = ',' } = {}) {
  const body = papa.unparse({ fields: headers.map(safeCell), data: rows.map((r) => r.map(safeCell)) },
    { delimiter, newline: '\r\n', quotes: false, escapeFormulae: false });
  return `\ufeff${body}\r\n`;
}
