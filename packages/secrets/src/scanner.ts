import { readFileSync } from 'node:fs';
import path from 'node:path';

import ignore from 'ignore';

import { ConfigurationError, gitTrackedFiles, readWorkspaceText, ReportError, toRepoPath, type Finding, type InputError, type Scanner, type ScannerOptions, type ScannerResult } from '@devsecops/core';

import { BUILTIN_COMPILED, Detector, type GlobalAllow } from './detector.js';
import { EXTERNAL_ENGINES, installPinnedTool, runExternalEngine, type ExternalEngine, type ToolResolver } from './engines.js';
import { BUILTIN_TOOL, matchToFinding, snippetSecrets } from './findings.js';
import { gitLogArguments, gitStagedArguments, rangeFromEvent, revisionRange, streamAddedLines } from './git.js';
import { gitleaksFingerprint, gitleaksGlobalAllow, gitleaksSkipsPath, MatchBudget, parseGitleaksConfig, parseGitleaksIgnore, type GitleaksConfig } from './gitleaks-config.js';
import { readSecretReport } from './reports/adapters.js';
import type { CompiledRule } from './rules/types.js';
import { resolveSettings, type SecretsSettings } from './settings.js';
import { walkFiles, type WalkStats } from './walk.js';

export const SECRETS_ENGINES = ['builtin', ...EXTERNAL_ENGINES] as const;

/** Shorter values are not registered for masking: masking them would hide common words in the log. */
const MIN_MASK_LENGTH = 4;

export interface SecretsScannerDependencies {
  /** Finds or installs gitleaks and TruffleHog; tests pass a stand-in. */
  resolveTool?: ToolResolver;
  /** The GitHub event, for the commit range in history mode. Default: GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. */
  event?: { name?: string; payload?: unknown };
}

/** Creates the secrets scanner. */
export function createSecretsScanner(dependencies: SecretsScannerDependencies = {}): Scanner {
  return {
    category: 'secrets',
    engines: [...SECRETS_ENGINES],
    scan: (options) => scanSecrets(options, dependencies)
  };
}

export const secretsScanner: Scanner = createSecretsScanner();

/**
 * Runs the requested engines and reads the report files. Every secret value found is passed
 * to `options.mask` once, and only redacted forms reach the returned findings.
 */
export async function scanSecrets(options: ScannerOptions, dependencies: SecretsScannerDependencies = {}): Promise<ScannerResult> {
  const settings = resolveSettings(options);
  const engines = options.engines ?? (options.reportFiles && options.reportFiles.length > 0 ? [] : ['builtin']);
  for (const engine of engines) {
    if (!(SECRETS_ENGINES as readonly string[]).includes(engine)) {
      throw new ConfigurationError(`engines: "${engine}" is not a secrets engine; expected ${SECRETS_ENGINES.join(', ')}.`);
    }
  }

  const masked = new Set<string>();
  // A multi-line secret (a private key) is masked line by line, because the runner masks
  // text within one line of the log.
  const mask = (secret: string): void => {
    for (const part of secret.split(/\r?\n/)) {
      const value = part.trim();
      if (value.length >= MIN_MASK_LENGTH && !masked.has(value)) {
        masked.add(value);
        options.mask?.(value);
      }
    }
  };
  const result: ScannerResult = { findings: [], errors: [], warnings: [], stats: {}, engines: [] };
  // The gitleaks config and the commit range come from the repository and the event: when one
  // is broken, the error is recorded and the rest still runs, report files included.
  let gitleaks: GitleaksConfig | undefined;
  try {
    gitleaks = loadGitleaksConfig(options.workspace, settings);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) {
      throw error;
    }
    result.errors.push({ file: settings.gitleaksConfig ?? '.gitleaks.toml', message: `${error.message} The built-in rules ran without it.` });
  }
  let range: string | undefined;
  let rangeFailed = false;
  if (settings.mode === 'history') {
    try {
      range = historyRange(settings, dependencies);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) {
        throw error;
      }
      rangeFailed = true;
      result.errors.push({ file: 'git history', message: error.message });
    }
  }

  for (const engine of engines) {
    if (rangeFailed) {
      break;
    }
    try {
      if (engine === 'builtin') {
        const detector = buildDetector(settings, gitleaks, result.warnings);
        result.stats['rules'] = detector.rules.length;
        // One budget for all rules from config files, so a config of many slow rules is bounded too.
        const budget = new MatchBudget();
        const configRules = detector.rules.filter((rule) => rule.source !== 'builtin');
        for (const rule of configRules) {
          rule.budget = budget;
        }
        try {
          await runBuiltin(options, settings, detector, gitleaks, range, result, mask);
        } finally {
          if (budget.exhaustedIn !== undefined) {
            const owner = configRules.find((rule) => rule.id === budget.exhaustedBy);
            result.errors.push({
              file: owner?.source ?? 'secrets rules',
              message: `rules from config files stopped after ${budget.limitMs / 1000} s of matching in all, while rule "${budget.exhaustedBy}" matched ${budget.exhaustedIn}; none of them ran on the files after it. Simplify the slow rule's regex or give it keywords.`
            });
          }
        }
      } else {
        const external = await runExternalEngine(engine as ExternalEngine, {
          workspace: options.workspace,
          target: options.target,
          settings,
          range,
          logger: options.logger,
          resolveTool: dependencies.resolveTool ?? installPinnedTool,
          onSecret: mask
        });
        result.findings.push(...external.findings);
        result.warnings.push(...external.warnings);
      }
      result.engines.push(engine);
    } catch (error) {
      result.errors.push({ file: engine, message: (error as Error).message });
    }
  }

  for (const file of options.reportFiles ?? []) {
    const display = toRepoPath(options.workspace, file) ?? file;
    try {
      const report = await readSecretReport(file, options.workspace, display, mask);
      result.findings.push(...report.findings);
      result.warnings.push(...report.warnings);
      result.stats['reportFindings'] = (result.stats['reportFindings'] ?? 0) + report.findings.length;
    } catch (error) {
      if (!(error instanceof ReportError)) {
        throw error;
      }
      result.errors.push({ file: error.file, message: error.detail } satisfies InputError);
    }
  }

  try {
    applyGitleaksIgnore(options.workspace, settings, result.findings);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) {
      throw error;
    }
    result.errors.push({ file: settings.gitleaksIgnore ?? '.gitleaksignore', message: error.message });
  }
  return result;
}

function buildDetector(settings: SecretsSettings, gitleaks: GitleaksConfig | undefined, warnings: string[]): Detector {
  let rules: CompiledRule[] = [];
  if (!gitleaks || gitleaks.useDefault) {
    const disabled = new Set(gitleaks?.disabledRules ?? []);
    rules = BUILTIN_COMPILED.filter((rule) => !disabled.has(rule.id));
  }
  if (gitleaks) {
    rules.push(...gitleaks.rules);
    if (gitleaks.pathOnlyRules.length > 0) {
      warnings.push(`${gitleaks.file}: ${gitleaks.pathOnlyRules.length} rule(s) that match only file paths are not run: ${gitleaks.pathOnlyRules.join(', ')}.`);
    }
  }
  rules.push(...settings.customRules);

  const checks: GlobalAllow[] = [];
  if (gitleaks && gitleaks.allowlists.length > 0) {
    checks.push(gitleaksGlobalAllow(gitleaks));
  }
  if (settings.allowRegexes.length > 0 || settings.stopwords.length > 0) {
    checks.push((candidate) => {
      const lower = candidate.secret.toLowerCase();
      return settings.stopwords.some((word) => lower.includes(word)) || settings.allowRegexes.some((pattern) => pattern.matcher(candidate.secret).find());
    });
  }
  return new Detector(rules, checks.length === 0 ? undefined : (candidate, rule) => checks.some((check) => check(candidate, rule)));
}

async function runBuiltin(
  options: ScannerOptions,
  settings: SecretsSettings,
  detector: Detector,
  gitleaks: GitleaksConfig | undefined,
  range: string | undefined,
  result: ScannerResult,
  mask: (secret: string) => void
): Promise<void> {
  if (settings.mode === 'files') {
    const stats: WalkStats = { files: 0, bytes: 0, skippedBinary: 0, skippedLarge: 0, skippedIgnored: 0 };
    const large: string[] = [];
    for (const file of walkFiles(
      {
        workspace: options.workspace,
        target: options.target,
        maxFileBytes: settings.maxFileBytes,
        exclude: settings.exclude,
        skipPath: gitleaks ? (repoPath) => gitleaksSkipsPath(gitleaks, repoPath) : undefined,
        tracked: gitTrackedFiles(options.workspace),
        onError: (repoPath, message) => result.errors.push({ file: repoPath, message }),
        onLarge: (repoPath) => large.push(repoPath)
      },
      stats
    )) {
      if (options.signal?.aborted) {
        throw new Error('the scan was cancelled');
      }
      const matches = detector.scanBytes(file.content, file.repoPath);
      const secretsNear = snippetSecrets(matches);
      for (const match of matches) {
        mask(match.secret);
        result.findings.push(matchToFinding(match, { path: file.repoPath, fileSecrets: secretsNear(match) }));
      }
      if (stats.files % 200 === 0) {
        options.onProgress?.({ files: stats.files, bytes: stats.bytes, current: file.repoPath });
      }
    }
    options.onProgress?.({ files: stats.files, bytes: stats.bytes });
    Object.assign(result.stats, stats);
    if (large.length > 0) {
      // A secret padded past the limit is not scanned, so the files are named, not only counted.
      const listed = large.slice(0, LARGE_FILES_LISTED).join(', ');
      const more = large.length > LARGE_FILES_LISTED ? ` and ${large.length - LARGE_FILES_LISTED} more` : '';
      result.warnings.push(`${large.length} file(s) over the ${settings.maxFileBytes} byte limit were not scanned: ${listed}${more}. Raise secrets.max-file-size to scan them.`);
    }
    return;
  }

  const args = settings.mode === 'staged' ? gitStagedArguments() : gitLogArguments(range ?? 'HEAD');
  const commits = new Set<string>();
  let files = 0;
  let bytes = 0;
  const excluded = settings.exclude.length > 0 ? ignore().add(settings.exclude) : undefined;
  for await (const added of streamAddedLines(args, options.workspace, options.signal)) {
    if (added.commit) {
      commits.add(added.commit);
    }
    if (excluded?.ignores(added.path) || (gitleaks && gitleaksSkipsPath(gitleaks, added.path))) {
      continue;
    }
    const text = added.lines.join('\n');
    files++;
    bytes += text.length;
    const matches = detector.scanText(text, added.path);
    const secretsNear = snippetSecrets(matches);
    for (const match of matches) {
      if (added.commit && gitleaks?.allowlists.some((list) => list.commits.has(added.commit!))) {
        continue;
      }
      mask(match.secret);
      result.findings.push(
        matchToFinding(match, { path: added.path, fileSecrets: secretsNear(match), commit: added.commit, lineOf: (line) => added.lineNumbers[line - 1] ?? line })
      );
    }
    if (files % 200 === 0) {
      options.onProgress?.({ files, bytes, current: added.commit ? `${added.commit.slice(0, 12)} ${added.path}` : added.path });
    }
  }
  result.stats['commits'] = commits.size;
  result.stats['files'] = files;
  result.stats['bytes'] = bytes;
}

function historyRange(settings: SecretsSettings, dependencies: SecretsScannerDependencies): string {
  if (settings.base || settings.head) {
    return revisionRange({ base: settings.base, head: settings.head });
  }
  const name = dependencies.event ? dependencies.event.name : process.env['GITHUB_EVENT_NAME'];
  let payload = dependencies.event?.payload;
  if (!dependencies.event && process.env['GITHUB_EVENT_PATH']) {
    try {
      payload = JSON.parse(readFileSync(process.env['GITHUB_EVENT_PATH'], 'utf8'));
    } catch (error) {
      throw new ConfigurationError(`GITHUB_EVENT_PATH ${process.env['GITHUB_EVENT_PATH']}: cannot read the event payload: ${(error as Error).message}`);
    }
  }
  return revisionRange(rangeFromEvent(name, payload));
}

/** Reads the repository's gitleaks config: the one the section names, else `.gitleaks.toml` when present. */
function loadGitleaksConfig(workspace: string, settings: SecretsSettings): GitleaksConfig | undefined {
  const named = settings.gitleaksConfig;
  const text = readWorkspaceFile(workspace, named ?? '.gitleaks.toml', named !== undefined, 'secrets.gitleaks-config');
  return text === undefined ? undefined : parseGitleaksConfig(text, named ?? '.gitleaks.toml');
}

/** Marks findings whose gitleaks fingerprint `.gitleaksignore` lists as suppressed. */
function applyGitleaksIgnore(workspace: string, settings: SecretsSettings, findings: Finding[]): void {
  const name = settings.gitleaksIgnore ?? '.gitleaksignore';
  const text = readWorkspaceFile(workspace, name, settings.gitleaksIgnore !== undefined, 'secrets.gitleaks-ignore');
  if (text === undefined) {
    return;
  }
  const ignored = parseGitleaksIgnore(text);
  for (const finding of findings) {
    if (!finding.location?.startLine || finding.suppression) {
      continue;
    }
    const commit = typeof finding.properties?.['commit'] === 'string' ? finding.properties['commit'] : undefined;
    const key = gitleaksFingerprint(finding.location.path, finding.rule.id, finding.location.startLine, commit);
    const line = ignored.get(key);
    if (line !== undefined) {
      finding.suppression = { kind: 'config', justification: 'listed in .gitleaksignore', source: `${name}:${line}` };
    }
  }
}

/** Files over the size limit named in the warning; the rest are counted. */
const LARGE_FILES_LISTED = 20;

/** Largest gitleaks config or ignore file read, as for the suite's own config file. */
const MAX_GITLEAKS_FILE_BYTES = 1024 * 1024;

function readWorkspaceFile(workspace: string, name: string, required: boolean, key: string): string | undefined {
  const read = readWorkspaceText(workspace, name, MAX_GITLEAKS_FILE_BYTES);
  if (read.content !== undefined) {
    return read.content;
  }
  if (read.problem === 'missing' && !required) {
    return undefined;
  }
  throw new ConfigurationError(`${key}: "${name}" ${read.problem === 'missing' ? `not found in the workspace ${workspace}` : read.problem}.`);
}


