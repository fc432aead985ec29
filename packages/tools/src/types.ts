import type { Logger } from '@devsecops/core';

export type ToolPlatform = 'linux' | 'darwin' | 'win32';
export type ToolArch = 'x64' | 'arm64';

/** One downloadable release file of a tool, for one platform and architecture. */
export interface ToolAsset {
  platform: ToolPlatform;
  arch: ToolArch;
  url: string;
  /** Lower-case hex sha256 of the file at `url`, as published by the project. */
  sha256: string;
  format: 'tar.gz' | 'zip' | 'binary';
  /** Path of the executable inside the archive; for `binary`, the file name to save it as. */
  executable: string;
}

/** A tool distributed as prebuilt release binaries. */
export interface BinaryToolSpec {
  name: string;
  version: string;
  assets: ToolAsset[];
}

/** A tool installed with pip into its own virtual environment. */
export interface PipToolSpec {
  name: string;
  version: string;
  /** requirements.txt text with `--hash=sha256:…` on every requirement. */
  requirements: string;
  /** Console script name installed into the venv's bin folder. */
  executable: string;
}

export interface InstallBinaryToolOptions {
  logger: Logger;
  /** Defaults to `$RUNNER_TOOL_CACHE` in an action, `~/.cache/devsecops/tools` elsewhere. */
  cacheDir?: string;
  /** Defaults to `process.platform`. */
  platform?: string;
  /** Defaults to `process.arch`. */
  arch?: string;
  /** Replaces the origin of every asset URL; tests point it at a local server. */
  baseUrl?: string;
  /** Limit for each download attempt, in milliseconds; defaults to 5 minutes. */
  timeoutMs?: number;
}

export interface InstallPipToolOptions {
  logger: Logger;
  cacheDir?: string;
  /** Python interpreter used to create the venv; defaults to `python3` (`python` on Windows). */
  python?: string;
  /** Passed to pip as `--index-url`; defaults to pip's own index. */
  indexUrl?: string;
  /** Limit for the venv creation and for the pip install, each, in milliseconds; defaults to 10 minutes. */
  timeoutMs?: number;
}

export interface RunToolOptions {
  /** Executable path or name looked up on PATH; never run through a shell. */
  command: string;
  args: string[];
  cwd: string;
  /** Added to the inherited PATH and HOME (and a few other basics); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  timeoutMs: number;
  /** Cap on captured stdout in bytes; defaults to 256 MiB. Stderr is capped at 1 MiB. */
  maxOutputBytes?: number;
  logger: Logger;
  /** Exit codes logged at info level rather than as a warning; defaults to `[0]`. Pass the same list to `checkExitCode`. */
  allowedExitCodes?: number[];
  /** Text written to the process's standard input, which is closed afterwards. */
  stdin?: string;
}

export interface RunToolResult {
  /** `null` when the process was ended by a signal. */
  exitCode: number | null;
  signal?: string;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
  /** True when stdout or stderr was cut at its cap. */
  truncated: boolean;
}
