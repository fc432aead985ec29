
import { ConfigurationError } from '@devsecops/core';

import { runReport } from './report-command.js';
import { runScan } from './scan-command.js';
import { USAGE, VERSION } from './usage.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit statuses, as documented in the usage text. */
export const EXIT_OK = 0;
export const EXIT_POLICY_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs the `devsecops` command and returns its exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case '-v':
      case '--version':
        io.stdout.write(`${VERSION}\n`);
        return EXIT_OK;
      case 'report':
        return await runReport(rest, io);
      case 'scan':
        return await runScan(rest, io);
      default:
        throw new ConfigurationError(`unknown command "${command}"; expected "report" or "scan". Run "devsecops --help" for usage.`);
    }
  } catch (error) {
    if (error instanceof ConfigurationError || isParseArgsError(error)) {
      io.stderr.write(`devsecops: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`devsecops: unexpected error: ${message}\n`);
    return EXIT_USAGE;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

