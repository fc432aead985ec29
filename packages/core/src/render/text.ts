import { severityRank, SEVERITIES } from '../finding.js';
import type { Finding, Severity } from '../finding.js';
import type { Report } from '../report.js';
import { stripControlCharacters } from './escape.js';

export interface TextOptions {
  /** Colour severities and the policy result with ANSI codes. */
  color: boolean;
}

const RESET = '\u001b[0m';
const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '\u001b[1;31m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[34m',
  info: '\u001b[2m'
};
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';

/**
 * Render the report for a terminal: a counts line, new and existing findings as
 * `SEVERITY path:line rule-id message [tools]`, errors and warnings, and the policy result
 * last. Report text is stripped of control characters and escape sequences with or without
 * colour, so a hostile message cannot move the cursor, recolour or rewrite the terminal.
 */
export function renderText(report: Report, options: TextOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text);
  const inputs = report.files.length === 0 ? [] : [`Inputs: ${report.files.length} ${report.files.length === 1 ? 'file' : 'files'}, ${report.errors.length} could not be read`];
  const blocks = [
    [renderCountsLine(report), ...inputs],
    renderFindings('New findings', report.newFindings, paint),
    renderFindings('Existing findings', report.existingFindings, paint),
    renderNotices(report, paint)
  ];

  const incomplete = !report.policy.failed && report.errors.length > 0;
  const result = report.policy.failed
    ? paint(RED, 'failed')
    : incomplete
      ? paint(RED, `passed on incomplete results (${report.errors.length} ${report.errors.length === 1 ? 'input' : 'inputs'} failed)`)
      : paint(GREEN, 'passed');
  const reason = report.policy.reason === '' ? '' : `: ${clean(report.policy.reason)}`;
  blocks.push([`Policy ${result}${reason}`]);

  return `${blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'))
    .join('\n\n')}\n`;
}

type Paint = (code: string, text: string) => string;

/** Warnings shown in the terminal; a corpus of foreign reports can produce hundreds. */
const MAX_TEXT_WARNINGS = 20;

function renderNotices(report: Report, paint: Paint): string[] {
  const lines: string[] = [];
  for (const entry of report.expiredSuppressions) {
    const where = entry.path === undefined ? '' : ` on ${clean(entry.path)}`;
    lines.push(
      `${paint(YELLOW, 'warning')}: suppression of ${clean(entry.rule)}${where} declared in ${clean(entry.source)} expired on ${clean(entry.expires)}`
    );
  }
  for (const warning of report.warnings.slice(0, MAX_TEXT_WARNINGS)) {
    lines.push(`${paint(YELLOW, 'warning')}: ${clean(warning)}`);
  }
  if (report.warnings.length > MAX_TEXT_WARNINGS) {
    lines.push(`${paint(YELLOW, 'warning')}: … and ${report.warnings.length - MAX_TEXT_WARNINGS} more warnings; --format json lists them all`);
  }
  // Errors come last, next to the policy line, where a reader of a long report looks.
  for (const error of report.errors) {
    lines.push(`${paint(RED, 'error')}: ${clean(error.file)}: ${clean(error.message)}`);
  }
  return lines;
}

function renderCountsLine(report: Report): string {
  const breakdown = SEVERITIES.filter((severity) => report.newCounts[severity] > 0)
    .map((severity) => `${report.newCounts[severity]} ${severity}`)
    .join(', ');
  const parts = [
    `${report.newFindings.length} new${breakdown === '' ? '' : ` (${breakdown})`}`,
    `${report.existingFindings.length} existing`,
    `${report.suppressedFindings.length} suppressed`
  ];
  if (report.fixed.length > 0) {
    parts.push(`${report.fixed.length} fixed`);
  }
  if (report.errors.length > 0) {
    parts.push(`${report.errors.length} ${report.errors.length === 1 ? 'error' : 'errors'}`);
  }
  return `Findings: ${parts.join(', ')}`;
}

function renderFindings(heading: string, findings: readonly Finding[], paint: Paint): string[] {
  if (findings.length === 0) {
    return [];
  }

  const lines = [`${heading} (${findings.length}):`];
  const sorted = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  for (const finding of sorted) {
    const severity = paint(SEVERITY_COLORS[finding.severity], finding.severity.toUpperCase());
    lines.push(`${severity} ${clean(findingPlace(finding))} ${clean(finding.rule.id)} ${clean(finding.message)} [${clean(finding.tools.join(', '))}]`);
  }
  return lines;
}

function findingPlace(finding: Finding): string {
  const location = finding.location;
  if (location !== undefined) {
    return location.startLine === undefined ? location.path : `${location.path}:${location.startLine}`;
  }
  return finding.url ?? finding.package?.name ?? '-';
}

function clean(text: string): string {
  return stripControlCharacters(text);
}
