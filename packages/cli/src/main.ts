
import { ConfigurationError, ReportError } from '@devsecops/core';

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
      case 'scan':
        if (rest.includes('--help') || rest.includes('-h')) {
          io.stdout.write(USAGE);
          return EXIT_OK;
        }
        return command === 'report' ? await runReport(rest, io) : await runScan(rest, io);
      default:
        throw new ConfigurationError(`unknown command "${command}"; expected "report" or "scan". Run "devsecops --help" for usage.`);
    }
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof ReportError || isParseArgsError(error) || isFileSystemError(error)) {
      io.stderr.write(`devsecops: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`devsecops: unexpected error: ${message}\n`);
    return EXIT_USAGE;
  }
}

/** Errors of reading or writing a file the user named, such as a missing folder for --output. */
const FILE_SYSTEM_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'EEXIST', 'EROFS', 'ENOSPC']);

function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && FILE_SYSTEM_CODES.has(code);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

