import { spawn } from 'node:child_process';
import { ToolError } from './errors.js';
import type { RunToolOptions, RunToolResult } from './types.js';

const DEFAULT_MAX_STDOUT_BYTES = 256 * 1024 * 1024;
const MAX_STDERR_BYTES = 1024 * 1024;
const DEFAULT_KILL_GRACE_MS = 5000;

/**
 * Variables a tool inherits from this process. Everything else, GITHUB_TOKEN and the action's
 * INPUT_* variables included, reaches a tool only when the caller passes it in `env`.
 */
export const INHERITED_ENV_NAMES: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'XDG_CACHE_HOME',
  'XDG_CONFIG_HOME',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  // Windows needs these to start most programs.
  'SystemRoot',
  'SYSTEMROOT',
  'windir',
  'ComSpec',
  'PATHEXT',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData'
];

/** Builds a tool's environment: the inherited basics, then `extra`, where `undefined` removes a name. */
export function buildToolEnv(
  extra: Record<string, string | undefined> = {},
  parent: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED_ENV_NAMES) {
    const value = parent[name];
    if (value !== undefined) {
      env[name] = value;
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) {
      delete env[name];
    } else {
      env[name] = value;
    }
  }
  return env;
}

/** Quotes a command line for a log line, so arguments with spaces or quotes read unambiguously. */
export function formatCommandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quoteArgument).join(' ');
}

function quoteArgument(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) {
    return value;
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Collects a stream up to `limit` bytes and discards the rest, so the stream keeps flowing and the writer does not block. */
class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    const room = this.limit - this.size;
    if (room <= 0) {
      this.truncated = this.truncated || chunk.length > 0;
      return;
    }
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.size += room;
      this.truncated = true;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * Runs a tool without a shell and with an explicit environment. On timeout the whole process
 * group gets SIGTERM, then SIGKILL after `killGraceMs` (5 s by default). A non-zero exit is
 * returned, not thrown: pass the result to `checkExitCode` to turn it into a ToolError.
 * Throws a ToolError only when the process cannot be started.
 */
export async function runTool(options: RunToolOptions & { killGraceMs?: number }): Promise<RunToolResult> {
  const { command, args, cwd, logger, timeoutMs } = options;
  const killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const stdout = new CappedBuffer(options.maxOutputBytes ?? DEFAULT_MAX_STDOUT_BYTES);
  const stderr = new CappedBuffer(MAX_STDERR_BYTES);
  const started = Date.now();
  logger.debug(`Running ${formatCommandLine(command, args)} in ${cwd}`);

  // A new process group (detached) lets a timeout signal the tool and every process it started.
  const usesProcessGroup = process.platform !== 'win32';
  const child = spawn(command, args, {
    cwd,
    env: buildToolEnv(options.env),
    shell: false,
    detached: usesProcessGroup,
    windowsHide: true,
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
  });

  const killTree = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) {
      return;
    }
    try {
      if (usesProcessGroup) {
        process.kill(-child.pid, signal);
      } else {
        child.kill(signal);
      }
    } catch {
      // ESRCH: the group is already gone.
    }
  };

  // stdio is 'pipe' for both, so these streams exist.
  const stdoutStream = child.stdout as NonNullable<typeof child.stdout>;
  const stderrStream = child.stderr as NonNullable<typeof child.stderr>;

  return new Promise<RunToolResult>((resolve, reject) => {
    let timedOut = false;
    let settled = false;
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    const timers: NodeJS.Timeout[] = [];

    const finish = (): void => {
      if (settled) {
        return;
      }
      settled = true;
      timers.forEach(clearTimeout);
      const durationMs = Date.now() - started;
      const result: RunToolResult = {
        exitCode,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        durationMs,
        truncated: stdout.truncated || stderr.truncated
      };
      if (exitSignal) {
        result.signal = exitSignal;
      }
      const allowed = options.allowedExitCodes ?? [0];
      if (timedOut) {
        logger.warning(`${command} timed out after ${timeoutMs} ms and was killed (${durationMs} ms)`);
      } else if (exitSignal) {
        logger.warning(`${command} was ended by ${exitSignal} (${durationMs} ms)`);
      } else if (exitCode !== null && allowed.includes(exitCode)) {
        logger.info(`${command} exited with code ${exitCode} (${durationMs} ms)`);
      } else {
        logger.warning(`${command} exited with code ${exitCode}, expected ${allowed.join(' or ')} (${durationMs} ms)`);
      }
      resolve(result);
    };

    stdoutStream.on('data', (chunk: Buffer) => stdout.push(chunk));
    stderrStream.on('data', (chunk: Buffer) => stderr.push(chunk));

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) {
        return;
      }
      settled = true;
      timers.forEach(clearTimeout);
      const reason = error.code === 'ENOENT' ? 'not found' : error.message;
      reject(new ToolError(command, `failed to start ${command} in ${cwd}: ${reason}`));
    });

    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
    });

    // 'close' waits for the pipes, which a leftover grandchild may hold open; the timeout covers that.
    child.on('close', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      finish();
    });

    timers.push(
      setTimeout(() => {
        timedOut = true;
        logger.warning(`${command} timed out after ${timeoutMs} ms; sending SIGTERM to its process tree`);
        killTree('SIGTERM');
        timers.push(
          setTimeout(() => {
            killTree('SIGKILL');
            // A process outside the group may still hold the pipes: stop waiting for them.
            timers.push(
              setTimeout(() => {
                stdoutStream.destroy();
                stderrStream.destroy();
                finish();
              }, 1000)
            );
          }, killGraceMs)
        );
      }, timeoutMs)
    );

    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => {
        // EPIPE: the tool exited without reading all of its input; its exit code reports the outcome.
      });
      child.stdin.end(options.stdin);
    }
  });
}

/**
 * Returns the result when its exit code is in `allowedExitCodes` (default `[0]`). Otherwise it
 * throws a ToolError with the exit code or signal and the last lines of stderr.
 */
export function checkExitCode(tool: string, result: RunToolResult, allowedExitCodes: number[] = [0]): RunToolResult {
  if (!result.timedOut && result.exitCode !== null && allowedExitCodes.includes(result.exitCode)) {
    return result;
  }
  const how = result.timedOut
    ? `timed out after ${result.durationMs} ms`
    : result.exitCode === null
      ? `was ended by ${result.signal ?? 'a signal'}`
      : `exited with code ${result.exitCode} (expected ${allowedExitCodes.join(' or ')})`;
  const tail = lastLines(result.stderr, 10);
  throw new ToolError(tool, tail ? `${tool} ${how}:\n${tail}` : `${tool} ${how}`);
}

/** Returns the last `count` non-empty lines of `text`. */
export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}
