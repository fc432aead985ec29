import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { owaspCategoryOf, type Category, type Finding, type Severity, type SuppressionKind } from '../finding.js';
import { FINGERPRINT_KEY } from '../fingerprint.js';
import type {
  PropertyBag,
  ReportingDescriptor,
  SarifLevel,
  SarifLocation,
  SarifLog,
  SarifResult,
  SarifRun,
  SarifSuppression,
  ToolComponent
} from './types.js';

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id every file location is relative to: the repository root. */
export const SRCROOT = '%SRCROOT%';

/**
 * Representative `security-severity` score per severity. GitHub's "SARIF support for code
 * scanning" page maps scores over 9.0 to critical, 7.0-8.9 to high, 4.0-6.9 to medium and
 * 3.9 or less to low, so each score shows as its severity there. Code scanning shows info
 * (0.0) as low, but `severityFromScore` in this package reads 0.0 back as info.
 */
export const SEVERITY_SCORES: Readonly<Record<Severity, number>> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 2.0,
  info: 0.0
};

/** SARIF `level` written for each severity. */
export const SEVERITY_LEVELS: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
};

const SUPPRESSION_KINDS: Readonly<Record<SuppressionKind, 'inSource' | 'external'>> = {
  inline: 'inSource',
  config: 'external',
  sarif: 'external',
  baseline: 'external'
};

export interface SarifWriterOptions {
  /** Driver name for a log without findings; default `devsecops`. */
  toolName?: string;
  /** Version of the tool named `toolName`, written on its run only. */
  toolVersion?: string;
  /** Home page of the tool named `toolName`, written on its run only. */
  informationUri?: string;
}

export const DEFAULT_TOOL_NAME = 'devsecops';

/**
 * Builds a SARIF 2.1.0 log with one run per tool, in tool name order. A finding that several
 * tools reported goes in the run of `tools[0]` and lists every tool in `properties.tools`.
 * A log without findings has one empty run named after `options.toolName`.
 *
 * Only the fields documented here are written. Snippets, `finding.properties` and tool
 * partial fingerprints are left out, so a secret that reached a finding through them does
 * not leave this function.
 */
export function toSarifLog(findings: Finding[], options: SarifWriterOptions = {}): SarifLog {
  const toolName = options.toolName ?? DEFAULT_TOOL_NAME;
  const byTool = groupByTool(findings, toolName);
  if (byTool.size === 0) {
    byTool.set(toolName, []);
  }

  const runs = [...byTool.keys()]
    .sort()
    .map((tool) => buildRun(tool, byTool.get(tool)!, tool === toolName ? options : {}));
  return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs };
}

/** Writes `toSarifLog(findings, options)` as indented JSON, creating missing folders. */
export async function writeSarifFile(file: string, findings: Finding[], options: SarifWriterOptions = {}): Promise<void> {
  const log = toSarifLog(findings, options);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(log, null, 2)}\n`, 'utf8');
}

function groupByTool(findings: Finding[], defaultTool: string): Map<string, Finding[]> {
  const byTool = new Map<string, Finding[]>();
  for (const finding of findings) {
    const tool = finding.tools[0] ?? defaultTool;
    const group = byTool.get(tool);
    if (group) {
      group.push(finding);
    } else {
      byTool.set(tool, [finding]);
    }
  }
  return byTool;
}

function buildRun(tool: string, findings: Finding[], options: SarifWriterOptions): SarifRun {
  const rules: ReportingDescriptor[] = [];
  const ruleIndexes = new Map<string, number>();
  const ruleSeverities: Severity[] = [];
  const ruleCwes: Array<Set<string>> = [];
  const results: SarifResult[] = [];

  for (const finding of findings) {
    let ruleIndex = ruleIndexes.get(finding.rule.id);
    if (ruleIndex === undefined) {
      ruleIndex = rules.length;
      ruleIndexes.set(finding.rule.id, ruleIndex);
      rules.push(buildRule(finding));
      ruleSeverities.push(finding.severity);
      ruleCwes.push(new Set());
    } else if (SEVERITY_SCORES[finding.severity] > SEVERITY_SCORES[ruleSeverities[ruleIndex]!]) {
      ruleSeverities[ruleIndex] = finding.severity;
    }
    for (const cwe of finding.cwes) {
      const tag = cweTag(cwe);
      if (tag) {
        ruleCwes[ruleIndex]!.add(tag);
      }
    }
    const owasp = owaspCategoryOf(finding.properties);
    if (owasp) {
      ruleCwes[ruleIndex]!.add(`external/owasp/${owasp}`);
    }
    results.push(buildResult(finding, ruleIndex));
  }

  // A rule's score is that of its most severe result, because code scanning shows one score
  // per rule. Each result also carries its own score, which readers take first.
  rules.forEach((rule, index) => {
    rule.properties = {
      tags: ['security', ...ruleCwes[index]!],
      'security-severity': formatScore(ruleSeverities[index]!)
    };
  });

  const run: SarifRun = {
    tool: { driver: buildDriver(tool, rules, options) },
    originalUriBaseIds: { [SRCROOT]: { description: { text: 'The repository root.' } } },
    results
  };
  const category = sharedCategory(findings);
  if (category) {
    run.properties = { category };
  }
  return run;
}

function buildDriver(tool: string, rules: ReportingDescriptor[], options: SarifWriterOptions): ToolComponent {
  const driver: ToolComponent = { name: tool };
  if (options.toolVersion) {
    driver.version = options.toolVersion;
  }
  const informationUri = httpUri(options.informationUri);
  if (informationUri) {
    driver.informationUri = informationUri;
  }
  driver.rules = rules;
  return driver;
}

function buildRule(finding: Finding): ReportingDescriptor {
  const { rule } = finding;
  const descriptor: ReportingDescriptor = { id: rule.id };
  if (rule.name) {
    descriptor.name = rule.name;
  }
  if (rule.description) {
    descriptor.shortDescription = { text: rule.description };
  }
  const helpUri = httpUri(rule.helpUri);
  if (helpUri) {
    descriptor.helpUri = helpUri;
  }
  return descriptor;
}

function buildResult(finding: Finding, ruleIndex: number): SarifResult {
  const result: SarifResult = {
    ruleId: finding.rule.id,
    ruleIndex,
    level: SEVERITY_LEVELS[finding.severity],
    message: { text: finding.message || finding.rule.id }
  };

  const location = buildLocation(finding);
  if (location) {
    result.locations = [location];
  }
  if (finding.fingerprint) {
    result.partialFingerprints = { [FINGERPRINT_KEY]: finding.fingerprint };
  }
  if (finding.suppression) {
    const suppression: SarifSuppression = { kind: SUPPRESSION_KINDS[finding.suppression.kind], status: 'accepted' };
    if (finding.suppression.justification) {
      suppression.justification = finding.suppression.justification;
    }
    result.suppressions = [suppression];
  }
  result.properties = resultProperties(finding);
  return result;
}

function buildLocation(finding: Finding): SarifLocation | undefined {
  if (finding.location) {
    const { path: filePath, startLine, endLine, startColumn, endColumn } = finding.location;
    const physicalLocation: NonNullable<SarifLocation['physicalLocation']> = {
      artifactLocation: { uri: encodePath(filePath), uriBaseId: SRCROOT }
    };
    if (isPositiveInteger(startLine)) {
      const region: NonNullable<typeof physicalLocation.region> = { startLine };
      if (isPositiveInteger(startColumn)) {
        region.startColumn = startColumn;
      }
      if (isPositiveInteger(endLine) && endLine >= startLine) {
        region.endLine = endLine;
      }
      if (isPositiveInteger(endColumn)) {
        region.endColumn = endColumn;
      }
      physicalLocation.region = region;
    }
    return { physicalLocation };
  }
  if (finding.url) {
    return { physicalLocation: { artifactLocation: { uri: encodeUrl(finding.url) } } };
  }
  return undefined;
}

function resultProperties(finding: Finding): PropertyBag {
  const properties: PropertyBag = {
    severity: finding.severity,
    'security-severity': formatScore(finding.severity)
  };
  if (finding.tools.length > 1) {
    properties.tools = [...finding.tools];
  }
  if (finding.cwes.length > 0) {
    properties.cwe = [...finding.cwes];
  }
  if (finding.vulnerabilityIds.length > 0) {
    properties.vulnerabilityIds = [...finding.vulnerabilityIds];
  }
  if (finding.package) {
    const { name, version, ecosystem, fixedVersion } = finding.package;
    properties.package = withoutUndefined({ name, version, ecosystem, fixedVersion });
    const purl = packageUrl(name, version, ecosystem);
    if (purl) {
      properties.purl = purl;
    }
  }
  if (finding.controls.length > 0) {
    properties.controls = [...finding.controls];
  }
  const owasp = owaspCategoryOf(finding.properties);
  if (owasp) {
    properties.owasp = owasp;
  }
  return properties;
}

/** Returns the run's category when every finding in it has the same one. */
function sharedCategory(findings: Finding[]): Category | undefined {
  const first = findings[0]?.category;
  return first !== undefined && findings.every((finding) => finding.category === first) ? first : undefined;
}

/** Formats a score as code scanning shows it, with one decimal: `8.0`. */
function formatScore(severity: Severity): string {
  return SEVERITY_SCORES[severity].toFixed(1);
}

/** Returns the code scanning tag for a CWE id such as `CWE-79`: `external/cwe/cwe-79`. */
function cweTag(cwe: string): string | undefined {
  const match = /(\d+)/u.exec(cwe);
  return match ? `external/cwe/cwe-${Number(match[1])}` : undefined;
}

/** Percent-encodes each segment of a repository path, so the result is a valid relative URI. */
function encodePath(repoPath: string): string {
  return toWellFormed(repoPath).split('/').map(encodeURIComponent).join('/');
}

function encodeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(toWellFormed(url));
  }
}

/** Returns an http or https URL in normalized form, or undefined for anything else. */
function httpUri(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a package URL (`pkg:npm/%40scope/name@1.0.0`) when the ecosystem is known. */
function packageUrl(name: string, version: string | undefined, ecosystem: string | undefined): string | undefined {
  if (!ecosystem || !/^[A-Za-z][A-Za-z0-9.+-]*$/u.test(ecosystem)) {
    return undefined;
  }
  const encodedName = toWellFormed(name).split('/').map(encodeURIComponent).join('/');
  const suffix = version ? `@${encodeURIComponent(toWellFormed(version))}` : '';
  return `pkg:${ecosystem.toLowerCase()}/${encodedName}${suffix}`;
}

function withoutUndefined(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Replaces unpaired UTF-16 surrogates with U+FFFD, because `encodeURIComponent` throws on
 * them and a hostile path may contain one. With the `u` flag a surrogate range matches only
 * unpaired surrogates, since a valid pair is read as one code point.
 */
function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}

function isPositiveInteger(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 1;
}

