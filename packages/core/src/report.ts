import type { Finding, Severity } from './finding.js';

/** State of a finding relative to this change. */
export type FindingState = 'new' | 'existing' | 'suppressed';

export type SeverityCounts = Record<Severity, number>;

/** A report file that could not be read, or a tool that failed. */
export interface InputError {
  file: string;
  message: string;
}

/** A config suppression whose `expires` date has passed; it no longer applies. */
export interface ExpiredSuppression {
  rule: string;
  path?: string;
  reason: string;
  expires: string;
  /** Place of the declaration, such as `.github/devsecops.yml:12`. */
  source: string;
}

export interface PolicyResult {
  /** The threshold in force, or `none` when findings never fail the run. */
  failOn: Severity | 'none';
  failed: boolean;
  /** One sentence for logs and summaries, such as "2 new findings at or above high". */
  reason: string;
}

/** Repository and commit of the run, used for links to files at the right commit. */
export interface ReportContext {
  serverUrl: string;
  repository?: string;
  /** Commit the links and annotations point at: the pull request head, or the pushed commit. */
  sha?: string;
  pullRequest?: number;
  eventName?: string;
}

/** Everything a reporter renders: the aggregated, deduplicated and classified findings. */
export interface Report {
  /** Every finding after deduplication, suppressed ones included, most severe first. */
  findings: Finding[];
  /** State of each finding, keyed by fingerprint. */
  states: Map<string, FindingState>;
  newFindings: Finding[];
  existingFindings: Finding[];
  suppressedFindings: Finding[];
  /** Suppressed findings whose inline suppression comment is itself in this change's diff. */
  suppressedInChange?: Finding[];
  /** Baseline fingerprints that no longer occur. */
  fixed: string[];
  expiredSuppressions: ExpiredSuppression[];
  errors: InputError[];
  /** Non-fatal notices such as a path outside the workspace. */
  warnings: string[];
  /** Counts per severity of findings that are not suppressed. */
  counts: SeverityCounts;
  /** Counts per severity of new findings. */
  newCounts: SeverityCounts;
  policy: PolicyResult;
  context: ReportContext;
  /** Names of the SARIF files that were read. */
  files: string[];
}

export function emptyCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}
