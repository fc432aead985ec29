import path from 'node:path';

import { Ajv } from 'ajv';

import { ConfigurationError, toRepoPath, type ScannerOptions } from '@devsecops/core';

import schema from '../../../schema/devsecops.schema.json' with { type: 'json' };

export const SAST_ENGINES = ['eslint', 'semgrep', 'bandit', 'codeql'] as const;
export type SastEngine = (typeof SAST_ENGINES)[number];

export const DEFAULT_SEMGREP_CONFIG: readonly string[] = ['p/security-audit', 'p/owasp-top-ten'];
export const DEFAULT_TIMEOUT_MINUTES = 30;

/** The `sast` section of `.github/devsecops.yml`, as the schema defines it. */
export interface SastSection {
  engines?: SastEngine[];
  exclude?: string[];
  'semgrep-config'?: string[];
  'timeout-minutes'?: number;
}

export interface SastSettings {
  /** Engines requested explicitly; undefined means the defaults chosen from the repository. */
  engines?: SastEngine[];
  exclude: string[];
  semgrepConfig: string[];
  /** SARIF file or folder that github/codeql-action wrote (usually under RUNNER_TEMP), absolute. */
  codeqlSarif?: string;
  timeoutMs: number;
  /** Install semgrep and bandit with pip when they are not on PATH. */
  install: boolean;
  /** Commit Semgrep compares against, so only new findings are reported; set on pull requests. */
  baselineCommit?: string;
  /** Base branch or commit of a pull request, for finding the merge base. */
  base?: string;
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validateSection = ajv.compile((schema as { properties: { sast: object } }).properties.sast);

/**
 * Validates the `sast` section and merges it with the scanner settings (action inputs or
 * command-line options), which take precedence. Throws a ConfigurationError naming the key or
 * input and the expected value.
 */
export function resolveSastSettings(options: Pick<ScannerOptions, 'config' | 'settings' | 'engines' | 'workspace'>): SastSettings {
  const file = options.config.file ?? '.github/devsecops.yml';
  const raw = options.config.sections['sast'] ?? {};
  if (!validateSection(raw)) {
    const problems = (validateSection.errors ?? []).map(
      (error) => `sast${error.instancePath.replace(/\//g, '.')} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''}`
    );
    throw new ConfigurationError(`${file}: invalid sast section: ${problems.join('; ')}`);
  }
  const section = raw as SastSection;
  const settings = options.settings;

  const semgrepConfig = settings['semgrep-config'] !== undefined ? splitList(settings['semgrep-config']) : (section['semgrep-config'] ?? [...DEFAULT_SEMGREP_CONFIG]);
  semgrepConfig.forEach((entry) => checkSemgrepConfig(entry, options.workspace));

  return {
    engines: options.engines ? options.engines.map(checkEngine) : section.engines,
    exclude: section.exclude ?? [],
    semgrepConfig,
    codeqlSarif: settings['codeql-sarif'] ? path.resolve(options.workspace, settings['codeql-sarif']) : undefined,
    timeoutMs: parseTimeoutMinutes(settings['timeout-minutes'], section['timeout-minutes']) * 60_000,
    install: parseBoolean(settings['install'], 'install'),
    baselineCommit: settings['baseline-commit'] || undefined,
    base: settings['base'] || undefined
  };
}

function checkEngine(name: string): SastEngine {
  if (!(SAST_ENGINES as readonly string[]).includes(name)) {
    throw new ConfigurationError(`engines: "${name}" is not a SAST engine; expected one or more of ${SAST_ENGINES.join(', ')}`);
  }
  return name as SastEngine;
}

/**
 * Accepts registry configs (`p/…`, `r/…`, `s/…`), URLs and files inside the workspace. `auto`
 * is rejected because Semgrep requires metrics for it, and this suite runs with `--metrics=off`.
 */
function checkSemgrepConfig(entry: string, workspace: string): void {
  if (entry === 'auto') {
    throw new ConfigurationError('semgrep-config: "auto" needs Semgrep metrics, which this suite turns off; name packs such as p/security-audit instead');
  }
  if (/^[prs]\//.test(entry) || /^https:\/\//.test(entry)) {
    return;
  }
  if (toRepoPath(workspace, entry) === undefined) {
    throw new ConfigurationError(`semgrep-config: "${entry}" is neither a registry pack (p/NAME) nor a rule file inside the workspace ${workspace}`);
  }
}

function parseTimeoutMinutes(input: string | undefined, fromConfig: number | undefined): number {
  if (input === undefined || input === '') {
    return fromConfig ?? DEFAULT_TIMEOUT_MINUTES;
  }
  const minutes = Number(input);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new ConfigurationError(`timeout-minutes: "${input}" is not a positive number of minutes`);
  }
  return minutes;
}

function parseBoolean(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === 'false') {
    return false;
  }
  if (value === 'true') {
    return true;
  }
  throw new ConfigurationError(`${name}: "${value}" is not a boolean; expected true or false`);
}

function splitList(value: string): string[] {
  return value
    .split(/[\n,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
