// `btalk-forms check`: arguments and environment in, a text summary on stdout, a JSON report with
// --out, an exit code (0 readable, 1 something the product cannot read, 2 usage or connection).
// Every byte written (stdout, stderr, the report) passes the scrubber: no secret leaves, whatever
// a server echoed or an error message held.
import { writeFile } from 'node:fs/promises';
import { createScrubber } from './redact.js';
import { TokenError, UsageError, readConfig, secretsOf } from './credentials.js';
import { runCheck } from './run.js';
import { formatText } from './report.js';

export const USAGE = `Usage: btalk-forms check [options]

Checks what btalk-forms can read of a Business Talk API, with read-only GETs only.

Credentials (environment only; never on the command line):
  BTALK_API_KEY                         the X-BT-API-KEY (required without --proxy)
  BTALK_TOKEN                           an OAuth access token, or:
  BTALK_CLIENT_ID, BTALK_CLIENT_SECRET  OAuth client credentials (one token request)
  BTALK_API_BASE                        default https://api.orange.com/btalk/v1
  BTALK_TOKEN_URL                       default https://api.orange.com/oauth/v3/token
  BTALK_PROXY_COOKIE                    with --proxy: the Cookie of a signed-in session, if the proxy is gated

Options:
  --base URL             the API base (overrides BTALK_API_BASE)
  --proxy URL            check through your btalk-forms proxy's base URL instead (sends no API secret)
  --customer CODE        the customer to check (default: the first of GET /customers)
  --countries FR,BE,...  the countries to check (default: the 30 of the guide's table)
  --out FILE             write the JSON report (secrets and customer data redacted) to FILE
  --origin URL           the Origin sent to see CORS headers (default ${'https://btalk-forms-check.invalid'})
  --token-url URL        the OAuth token endpoint (overrides BTALK_TOKEN_URL)
  --timeout S            overall bound in seconds (default 180)
  --request-timeout S    per request, in seconds (default 20)
  --page-size N          limit asked per page (default 1000)
  --max-pages N          pages per collection at most (default 100)
  -h, --help             this text

Exit code: 0 everything checked is readable, 1 something btalk-forms cannot read, 2 usage or connection error.
See docs/check.md.
`;

/**
 * Runs `btalk-forms check` with the arguments after `check`.
 * @param {string[]} argv
 * @param {{ env: object, stdout: { write(s: string): void }, stderr: { write(s: string): void },
 *   loadCore?: () => Promise<object> }} io
 * @returns {Promise<number>} the exit code
 */
export async function main(argv, { env, stdout, stderr, loadCore }) {
  const scrubber = createScrubber();
  const say = (stream, text) => stream.write(scrubber.scrub(text));
  let config;
  try {
    // Every secret of the environment is known to the scrubber before anything can print.
    scrubber.add(...['BTALK_API_KEY', 'BTALK_TOKEN', 'BTALK_CLIENT_ID', 'BTALK_CLIENT_SECRET', 'BTALK_PROXY_COOKIE']
      .map((name) => env[name]).filter((v) => typeof v === 'string'));
    scrubber.addBasic(env.BTALK_CLIENT_ID, env.BTALK_CLIENT_SECRET);
    config = readConfig(argv, env);
  } catch (error) {
    say(stderr, `btalk-forms check: ${error instanceof UsageError ? error.message : 'invalid arguments'}\n\n${USAGE}`);
    return 2;
  }
  if (config.help) {
    say(stdout, USAGE);
    return 0;
  }
  scrubber.add(...secretsOf(config));
  let core;
  try {
    core = await (loadCore ?? (async () => (await import('../../web/core.js')).loadCore()))();
  } catch (error) {
    say(stderr, `btalk-forms check: the btalk-forms core could not be loaded (${error?.message ?? error}).\n`);
    return 2;
  }
  let report;
  try {
    report = await runCheck(config, { core, scrubber });
  } catch (error) {
    const message = error instanceof TokenError ? error.message : `the check failed unexpectedly: ${error?.message ?? error}`;
    say(stderr, `btalk-forms check: ${message}\n`);
    return 2;
  }
  const text = formatText(report, { out: config.out });
  if (config.out) {
    try {
      await writeFile(config.out, scrubber.scrub(`${JSON.stringify(report, null, 2)}\n`), { mode: 0o600 });
    } catch (error) {
      say(stdout, text);
      say(stderr, `btalk-forms check: cannot write the report (${error?.code ?? 'error'}).\n`);
      return 2;
    }
  }
  say(stdout, text);
  return report.exitCode;
}
