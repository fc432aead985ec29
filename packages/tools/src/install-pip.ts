import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_MARKER, checkCachedInstall, checkPathSegment, defaultCacheDir } from './cache-dir.js';
import { ToolError } from './errors.js';
import { lastLines, runTool } from './run-tool.js';
import type { InstallPipToolOptions, PipToolSpec, RunToolResult } from './types.js';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Installs a Python tool into `<cacheDir>/<name>/<version>/venv` with
 * `pip install --require-hashes`, so every package, dependencies included, must match a pinned
 * sha256. Returns the console script's path. The venv's marker file contains the sha256 of the
 * requirements text, so a changed requirements set reinstalls.
 */
export async function installPipTool(spec: PipToolSpec, options: InstallPipToolOptions): Promise<string> {
  const { logger } = options;
  checkPathSegment(spec.name, 'tool name', spec.name);
  checkPathSegment(spec.name, 'version', spec.version);
  checkPathSegment(spec.name, 'console script', spec.executable);
  if (!/--hash=sha256:/.test(spec.requirements)) {
    throw new ToolError(spec.name, `the requirements of ${spec.name} ${spec.version} pin no sha256 hashes, so the install was rejected; add --hash=sha256:… to every requirement`);
  }

  const isWindows = process.platform === 'win32';
  const venv = path.join(options.cacheDir ?? defaultCacheDir(), spec.name, spec.version, 'venv');
  const executable = path.join(venv, isWindows ? 'Scripts' : 'bin', spec.executable + (isWindows ? '.exe' : ''));
  const venvPython = path.join(venv, isWindows ? 'Scripts' : 'bin', isWindows ? 'python.exe' : 'python');
  const expected = createHash('sha256').update(spec.requirements).digest('hex');
  if (await checkCachedInstall({ tool: spec.name, folder: venv, expected, executable, logger })) {
    return executable;
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const python = options.python ?? (isWindows ? 'python' : 'python3');
  await mkdir(path.dirname(venv), { recursive: true });
  try {
    await createVenv({ spec, python, venv, timeoutMs, options });

    const requirementsFile = path.join(venv, 'devsecops-requirements.txt');
    await writeFile(requirementsFile, spec.requirements);
    const args = ['-m', 'pip', 'install', '--require-hashes', '--no-input', '--disable-pip-version-check', '-r', requirementsFile];
    if (options.indexUrl) {
      args.push('--index-url', options.indexUrl);
    }
    logger.info(`Installing ${spec.name} ${spec.version} with pip into ${venv}`);
    const result = await runTool({ command: venvPython, args, cwd: venv, env: pipEnv(), timeoutMs, logger });
    if (result.timedOut || result.exitCode !== 0) {
      throw new ToolError(spec.name, `pip install of ${spec.name} ${spec.version} ${describeFailure(result)}:\n${pipOutputTail(result)}`);
    }

    await writeFile(path.join(venv, CACHE_MARKER), `${expected}\n`);
    logger.info(`Installed ${spec.name} ${spec.version} in ${venv}`);
    return executable;
  } catch (error) {
    await rm(venv, { recursive: true, force: true });
    throw error;
  }
}

async function createVenv(input: {
  spec: PipToolSpec;
  python: string;
  venv: string;
  timeoutMs: number;
  options: InstallPipToolOptions;
}): Promise<void> {
  const { spec, python, venv, timeoutMs, options } = input;
  let result: RunToolResult;
  try {
    result = await runTool({ command: python, args: ['-m', 'venv', venv], cwd: path.dirname(venv), timeoutMs, logger: options.logger });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ToolError(spec.name, `${spec.name} needs Python 3 with the venv module, but ${python} could not be started (${detail}); install Python 3 or pass its path`);
  }
  if (result.timedOut || result.exitCode !== 0) {
    throw new ToolError(spec.name, `${python} -m venv ${venv} ${describeFailure(result)}:\n${pipOutputTail(result)}`);
  }
}

function describeFailure(result: RunToolResult): string {
  if (result.timedOut) {
    return `timed out after ${result.durationMs} ms`;
  }
  return result.exitCode === null ? `was ended by ${result.signal ?? 'a signal'}` : `failed with exit code ${result.exitCode}`;
}

/** pip prints its error to stderr and progress to stdout; the error is what the caller needs. */
function pipOutputTail(result: RunToolResult): string {
  return lastLines(result.stderr, 15) || lastLines(result.stdout, 15);
}

/** pip's own settings (PIP_INDEX_URL, PIP_CERT, proxies) still apply, so mirrors keep working. */
function pipEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('PIP_')) {
      env[name] = value;
    }
  }
  return env;
}
