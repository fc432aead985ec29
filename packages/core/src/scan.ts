import type { SuiteConfig } from './config.js';
import type { Category, Finding } from './finding.js';
import type { Logger } from './logger.js';
import type { InputError } from './report.js';

/** Progress of a scan, for a terminal progress line. */
export interface ScanProgress {
  files: number;
  bytes: number;
  /** Current file or step, repository-relative. */
  current?: string;
}

/** Input of every scanner (secrets, iac, sast, …), the same from an action and from the CLI. */
export interface ScannerOptions {
  /** Repository root; findings carry paths relative to it. */
  workspace: string;
  /** Folder or file to scan, inside the workspace. The CLI and actions default it to the workspace. */
  target: string;
  config: SuiteConfig;
  logger: Logger;
  /** Engines to run, by name; undefined means the scanner's defaults. */
  engines?: string[];
  /** Reports other steps wrote, to read instead of (or beside) running a tool. */
  reportFiles?: string[];
  /**
   * Scanner-specific settings by input name, as the action inputs and CLI flags give them
   * (for example `mode`, `base`, `head` for secrets). Each scanner validates its own.
   */
  settings: Record<string, string | undefined>;
  onProgress?: (progress: ScanProgress) => void;
  /**
   * Registers a found secret with the runner's log masking (`core.setSecret` in an action),
   * so it is hidden even if some later step prints it.
   */
  mask?: (value: string) => void;
  /** Aborts a long scan, such as on a job timeout or Ctrl-C. */
  signal?: AbortSignal;
}

export interface ScannerResult {
  findings: Finding[];
  /** Engines or reports that failed; the step fails, but other results are kept. */
  errors: InputError[];
  warnings: string[];
  /** Figures worth logging, such as `files`, `bytes`, `skippedBinary`, by name. */
  stats: Record<string, number>;
  /** Engines that ran, for the SARIF runs and the log. */
  engines: string[];
}

/** One scanner category as the CLI and the actions run it. */
export interface Scanner {
  category: Category;
  /** Names of the engines this scanner can run; the first ones are the defaults. */
  engines: string[];
  scan(options: ScannerOptions): Promise<ScannerResult>;
}
