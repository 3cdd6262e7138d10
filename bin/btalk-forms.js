#!/usr/bin/env node
// The btalk-forms command: `npx btalk-forms check` (server/check/). Subcommands are loaded on
// demand, so `--help` needs neither the core nor the network.
const HELP = `Usage: btalk-forms <command> [options]

Commands:
  check    what btalk-forms can read of your Business Talk API (read-only GETs); see btalk-forms check --help
`;

// Whatever escapes (it should not) ends without a stack or message: either could hold a secret.
const crash = () => {
  process.stderr.write('btalk-forms: internal error\n');
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(HELP);
  process.exitCode = command === undefined ? 2 : 0;
} else if (command === 'check') {
  const { main } = await import('../server/check/cli.js');
  process.exitCode = await main(rest, { env: process.env, stdout: process.stdout, stderr: process.stderr });
} else {
  process.stderr.write(`btalk-forms: unknown command (the only one is check)\n\n${HELP}`);
  process.exitCode = 2;
}
