import path from 'node:path';

import { compareWithBaseline, type Baseline } from './baseline.js';
import { applyRuleSettings, type SuiteConfig } from './config.js';
import { deduplicate } from './dedupe.js';
import { ReportError } from './errors.js';
import { severityRank, type Finding, type Severity } from './finding.js';
import { fingerprintFindings } from './fingerprint.js';
import type { Logger } from './logger.js';
import { evaluatePolicy } from './policy.js';
import { emptyCounts, type FindingState, type InputError, type Report, type ReportContext } from './report.js';
import { readSarifFile } from './sarif/reader.js';
import { applySuppressions } from './suppressions.js';
import { SourceCache } from './workspace.js';

export interface AggregateOptions {
  /** SARIF files to read, already expanded from globs. */
  files: string[];
  /** Repository root: report paths are resolved against it and never leave it. */
  workspace: string;
  config: SuiteConfig;
  failOn: Severity | 'none';
  baseline?: Baseline;
  /**
   * Decides whether a finding is in this change (a pull request's diff). Absent on a push
   * or a local run, where every finding not in the baseline counts as new.
   */
  inChange?: (finding: Finding) => boolean;
  context: ReportContext;
  logger: Logger;
  /** Extra input errors found before aggregation, such as a glob that matched nothing. */
  errors?: InputError[];
  /** Non-fatal notices found before aggregation, such as no SARIF file at all. */
  warnings?: string[];
  /** Today's date for suppression expiry; tests fix it. */
  now?: Date;
}

/**
 * Reads every SARIF file and turns the results into one classified report: fingerprints,
 * rule settings, suppressions, cross-tool deduplication, the baseline, the new/existing
 * split and the fail policy. One unreadable file is recorded in `errors` and the others
 * are still reported.
 */
export async function aggregate(options: AggregateOptions): Promise<Report> {
  const errors: InputError[] = [...(options.errors ?? [])];
  const warnings: string[] = [...(options.warnings ?? [])];
  const findings = await readAll(options.files, options.workspace, options.logger, errors, warnings);
  return classifyFindings(findings, {
    ...options,
    errors,
    warnings,
    files: options.files.map((file) => displayName(file, options.workspace))
  });
}

export interface ClassifyOptions extends Omit<AggregateOptions, 'files'> {
  /** Names of the inputs the findings came from, shown in the report. */
  files?: string[];
}

/**
 * Turns findings from any source (SARIF files, a built-in engine) into a classified report:
 * rule settings, fingerprints, suppressions, cross-tool deduplication, the baseline, the
 * new/existing split and the fail policy.
 */
export function classifyFindings(input: Finding[], options: ClassifyOptions): Report {
  const { logger, workspace } = options;
  const errors = options.errors ?? [];
  const warnings = options.warnings ?? [];
  const source = new SourceCache(workspace);

  let findings = applyRuleSettings(input, options.config);
  fingerprintFindings(findings, { workspace, source });

  const suppression = applySuppressions(findings, {
    config: options.config,
    source,
    now: options.now,
    configFile: options.config.file
  });
  for (const warning of suppression.warnings) {
    logger.warning(warning);
    warnings.push(warning);
  }
  findings = deduplicate(suppression.findings).sort(compareFindings);
  makeFingerprintsUnique(findings);

  const baseline = options.baseline ? compareWithBaseline(findings, options.baseline) : undefined;
  const states = new Map<string, FindingState>();
  for (const finding of findings) {
    states.set(finding.fingerprint, classify(finding, options.inChange, baseline?.existing));
  }

  const byState = (state: FindingState): Finding[] => findings.filter((finding) => states.get(finding.fingerprint) === state);
  const newFindings = byState('new');
  const counts = emptyCounts();
  const newCounts = emptyCounts();
  for (const finding of findings) {
    const state = states.get(finding.fingerprint);
    if (state !== 'suppressed') {
      counts[finding.severity] += 1;
    }
    if (state === 'new') {
      newCounts[finding.severity] += 1;
    }
  }

  const policy = evaluatePolicy({ failOn: options.failOn, findings: newFindings, scope: options.inChange ? 'new' : 'all' });

  const suppressedFindings = byState('suppressed');
  const inChange = options.inChange;
  const suppressedInChange = inChange ? suppressedFindings.filter((finding) => isSuppressedInChange(finding, inChange)) : [];

  return {
    findings,
    states,
    newFindings,
    existingFindings: byState('existing'),
    suppressedFindings,
    suppressedInChange,
    fixed: baseline?.fixed ?? [],
    expiredSuppressions: suppression.expired,
    errors,
    warnings,
    counts,
    newCounts,
    policy,
    context: options.context,
    files: options.files ?? []
  };
}

async function readAll(
  files: string[],
  workspace: string,
  logger: Logger,
  errors: InputError[],
  warnings: string[]
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    const name = displayName(file, workspace);
    try {
      const result = await readSarifFile(file, { workspace, displayName: name });
      logger.info(`${name}: ${result.findings.length} findings` + (result.skipped > 0 ? `, ${result.skipped} passing results skipped` : ''));
      for (const warning of result.warnings) {
        logger.warning(warning);
        warnings.push(warning);
      }
      for (const finding of result.findings) {
        findings.push(finding);
      }
    } catch (error) {
      let message = String(error);
      if (error instanceof ReportError) {
        message = error.detail;
      } else if (error instanceof Error) {
        message = error.message;
      }
      logger.error(`${name}: ${message}`);
      errors.push({ file: name, message });
    }
  }
  return findings;
}

/**
 * Gives every finding its own fingerprint, because the report keys each finding's state by
 * it. Two findings can still share one after deduplication: DAST fingerprints ignore query
 * values while deduplication compares whole URLs, and a SARIF file may carry the same
 * `devsecops/v1` value twice. The later ones get `#2`, `#3`, … in report order.
 */
function makeFingerprintsUnique(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const count = (seen.get(finding.fingerprint) ?? 0) + 1;
    seen.set(finding.fingerprint, count);
    if (count > 1) {
      finding.fingerprint = `${finding.fingerprint}#${count}`;
    }
  }
}

/** True when the finding's inline suppression comment sits on a line of this change. */
function isSuppressedInChange(finding: Finding, inChange: (finding: Finding) => boolean): boolean {
  const source = finding.suppression?.kind === 'inline' ? finding.suppression.source : undefined;
  const match = source ? /^(.*):(\d+)$/.exec(source) : null;
  if (!match) {
    return false;
  }
  const line = Number(match[2]);
  return inChange({ ...finding, location: { path: match[1]!, startLine: line, endLine: line } });
}

function classify(finding: Finding, inChange: AggregateOptions['inChange'], inBaseline?: Set<string>): FindingState {
  if (finding.suppression) {
    return 'suppressed';
  }
  if (inBaseline?.has(finding.fingerprint)) {
    return 'existing';
  }
  if (inChange && !inChange(finding)) {
    return 'existing';
  }
  return 'new';
}

/** Most severe first, then by path and line, so every output lists findings in one order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.location?.path ?? a.url ?? '').localeCompare(b.location?.path ?? b.url ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.rule.id.localeCompare(b.rule.id)
  );
}

/** Returns a file's name as shown to users: relative to the workspace when inside it. */
export function displayName(file: string, workspace: string): string {
  const relative = path.relative(workspace, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
