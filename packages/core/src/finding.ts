/** Severities from most to least severe. Policy thresholds compare by this order. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Category = 'sast' | 'dast' | 'container' | 'iac' | 'secrets' | 'compliance' | 'other';

export interface Rule {
  id: string;
  name?: string;
  helpUri?: string;
  /** Short description from the tool's rule metadata, plain text. */
  description?: string;
}

/** A place in a repository file. Lines and columns are 1-based, as in SARIF regions. */
export interface SourceLocation {
  /** Repository-relative path with forward slashes, never starting with `/` or `..`. */
  path: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  /** The flagged source text as the tool reported it, when it did. */
  snippet?: string;
}

export interface PackageRef {
  name: string;
  version?: string;
  ecosystem?: string;
  fixedVersion?: string;
}

export type SuppressionKind = 'inline' | 'config' | 'sarif' | 'baseline';

export interface Suppression {
  kind: SuppressionKind;
  justification?: string;
  /** Place of the declaration, for example `.github/devsecops.yml:14` or `src/a.ts:9`. */
  source?: string;
}

/**
 * One step of a code flow in `Finding.properties.codeFlows`, 1-based like SourceLocation.
 * The path is absent when the tool's location is outside the workspace.
 */
export interface CodeFlowStep {
  path?: string;
  startLine?: number;
  startColumn?: number;
  message?: string;
}

/**
 * One normalized result from any tool. Every adapter produces this shape and every
 * reporter consumes it; SARIF is its serialized form between actions.
 */
export interface Finding {
  /** Tools that reported this problem, more than one after cross-tool deduplication. */
  tools: string[];
  /** The engine inside the tool, such as a Semgrep rule pack or a CodeQL query suite, when known. */
  engine?: string;
  category: Category;
  rule: Rule;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  /** Target URL for DAST findings, which have no file location. */
  url?: string;
  cwes: string[];
  /** CVE and GHSA identifiers for dependency findings. */
  vulnerabilityIds: string[];
  package?: PackageRef;
  /** Stable identity across line shifts; see fingerprint.ts for how it is derived. */
  fingerprint: string;
  suppression?: Suppression;
  /** Compliance control ids such as `NIST-CSF-2.0:PR.DS-01`, `SOC2:CC6.1`, `CIS-v8:3.11`. */
  controls: string[];
  /** The SARIF file the finding was read from, for error messages and the report. */
  sourceFile?: string;
  /** `partialFingerprints` as the tool wrote them; `devsecops/v1` is ours, kept across actions. */
  partialFingerprints?: Record<string, string>;
  /**
   * Tool-specific extras worth keeping in the SARIF `properties` bag. Core's SARIF reader sets
   * `codeFlowCount`, `dataFlow` (step count, source and sink of the first thread flow),
   * `codeFlows` (the steps of each thread flow, as `CodeFlowStep[][]`) and `relatedLocationCount`.
   */
  properties?: Record<string, unknown>;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Matches an OWASP Top 10 2021 category as the SAST adapters write it, such as `A03:2021-Injection`. */
const OWASP_CATEGORY = /^A(0[1-9]|10):2021-[A-Za-z][A-Za-z ,-]{0,80}$/;

/** Returns the `owasp` entry of a properties bag when it is a well-formed OWASP Top 10 2021 category. */
export function owaspCategoryOf(properties: Record<string, unknown> | undefined): string | undefined {
  const owasp = properties?.owasp;
  return typeof owasp === 'string' && OWASP_CATEGORY.test(owasp) ? owasp : undefined;
}
