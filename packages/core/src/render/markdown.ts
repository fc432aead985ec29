import { severityRank, SEVERITIES } from '../finding.js';
import type { Finding, Severity } from '../finding.js';
import type { Report, SeverityCounts } from '../report.js';
import { codeSpan, escapeMarkdown, fileUrl, markdownLink, truncateText } from './escape.js';

export interface MarkdownOptions {
  /** Maximum size of the output, in the unit the target counts (see `GITHUB_LIMITS`). */
  limit: number;
  /** Path of the full report file, named in the notice when findings are left out. */
  reportFile?: string;
  /** Heading text; defaults to "DevSecOps report". */
  title?: string;
  /**
   * A single-line HTML comment, such as `<!-- devsecops-report:ci -->`, put verbatim on the
   * first line so the sticky comment can be found again. Only `renderComment` uses it.
   */
  marker?: string;
  /** Maximum rows in each findings table, on top of the size limit. */
  maxFindings?: number;
}

/**
 * GitHub's size limits. The Checks API description in @octokit/openapi 23 gives 65,535
 * characters for `output.summary`. The comment limit (65,536 characters) and the job
 * summary file limit (1 MiB) are not in that description.
 */
export const GITHUB_LIMITS = {
  comment: 65_536,
  checkSummary: 65_535,
  jobSummaryBytes: 1_048_576
} as const;

const DEFAULT_TITLE = 'DevSecOps report';
const MAX_MESSAGE_CHARS = 1_000;
const MAX_PATH_CHARS = 300;
const MAX_ERROR_ROWS = 50;
const MAX_ERROR_CHARS = 500;

const SEVERITY_ICONS: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪'
};

/**
 * The unit a limit is measured in. GitHub states comment and check output limits in
 * characters. A string's UTF-16 length is never smaller than its code point count, so a
 * text under the limit in UTF-16 units is under it in code points too. The job summary
 * limit is a file size in bytes.
 */
type SizeUnit = 'utf16' | 'utf8';

function measure(text: string, unit: SizeUnit): number {
  return unit === 'utf8' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/** Render the sticky pull request comment: new findings in full, existing ones collapsed. */
export function renderComment(report: Report, options: MarkdownOptions): string {
  return renderDocument(report, options, { unit: 'utf16', marker: true, includeSuppressed: false });
}

/**
 * Render the check run's `output.summary`. GitHub rejects a summary over 65,535 characters and
 * also over 65,535 UTF-8 bytes, so it is measured in bytes, which are never fewer.
 */
export function renderCheckSummary(report: Report, options: MarkdownOptions): string {
  return renderDocument(report, options, { unit: 'utf8', marker: false, includeSuppressed: false });
}

/** Render the job summary, which lists every finding, suppressed ones and warnings included. */
export function renderJobSummary(report: Report, options: MarkdownOptions): string {
  return renderDocument(report, options, { unit: 'utf8', marker: false, includeSuppressed: true });
}

/** Build the check run title, such as "3 new (1 critical, 2 high), 12 existing, 4 suppressed". */
export function renderCheckTitle(report: Report): string {
  const parts = [newCountText(report), `${report.existingFindings.length} existing`, `${report.suppressedFindings.length} suppressed`];
  if (report.fixed.length > 0) {
    parts.push(`${report.fixed.length} fixed`);
  }
  if (report.errors.length > 0) {
    parts.push(plural(report.errors.length, 'report not read', 'reports not read'));
  }
  return parts.join(', ');
}

interface DocumentKind {
  unit: SizeUnit;
  marker: boolean;
  includeSuppressed: boolean;
}

/**
 * Assemble the sections in reading order while handing out the size budget in priority
 * order: heading and footer first, then errors, expired suppressions and warnings (capped
 * in rows), then new, existing and suppressed findings, each filling what is left.
 */
function renderDocument(report: Report, options: MarkdownOptions, kind: DocumentKind): string {
  const header = renderHeader(report, options, kind.marker);
  const footer = renderFooter(report, options);

  // Sections are joined by one '\n', which leaves a blank line because each ends with '\n'.
  let remaining = options.limit - measure(header, kind.unit) - measure(footer, kind.unit) - 1;
  if (remaining < 0) {
    throw new RangeError(`Markdown limit ${options.limit} is too small for the report heading and footer`);
  }
  const take = (render: (budget: number) => string): string => {
    const text = render(remaining - 1);
    if (text !== '') {
      remaining -= measure(text, kind.unit) + 1;
    }
    return text;
  };

  const context = { report, options, unit: kind.unit };
  const errors = take((budget) => renderErrors(context, budget));
  const expired = take((budget) => renderExpiredSuppressions(context, budget));
  const warnings = kind.includeSuppressed ? take((budget) => renderWarnings(context, budget)) : '';
  const newFindings = take((budget) => renderNewFindings(context, budget));
  const existing = take((budget) => renderCollapsedFindings(context, budget, 'existing'));
  const suppressed = kind.includeSuppressed
    ? take((budget) => renderCollapsedFindings(context, budget, 'suppressed'))
    : take((budget) => renderSuppressedInChange(context, budget));

  const sections = [header, newFindings, existing, suppressed, errors, expired, warnings, footer];
  return sections.filter((section) => section !== '').join('\n');
}

interface RenderContext {
  report: Report;
  options: MarkdownOptions;
  unit: SizeUnit;
}

function renderHeader(report: Report, options: MarkdownOptions, withMarker: boolean): string {
  const lines: string[] = [];
  if (withMarker && options.marker !== undefined) {
    lines.push(validateMarker(options.marker));
  }

  // A policy that passed on results with unreadable inputs or failed engines is not a pass.
  const incomplete = !report.policy.failed && report.errors.length > 0;
  let status = '✅';
  let result = 'passed';
  if (report.policy.failed) {
    status = '❌';
    result = 'failed';
  } else if (incomplete) {
    const inputs = report.errors.length === 1 ? 'input' : 'inputs';
    status = '⚠️';
    result = `incomplete, ${report.errors.length} ${inputs} failed`;
  }
  lines.push(`## ${status} ${escapeMarkdown(options.title ?? DEFAULT_TITLE)}: ${result}`, '');
  lines.push(renderCountsLine(report), '');

  if (report.policy.reason !== '') {
    lines.push(`**Policy:** ${escapeMarkdown(truncateText(report.policy.reason, MAX_ERROR_CHARS))}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function validateMarker(marker: string): string {
  const inner = marker.slice(4, -3);
  const isComment = marker.startsWith('<!--') && marker.endsWith('-->') && marker.length >= 7;
  if (!isComment || /[\r\n]/.test(marker) || inner.includes('--')) {
    throw new RangeError(`Comment marker ${JSON.stringify(marker)} is not a single-line HTML comment such as "<!-- devsecops-report -->"`);
  }
  return marker;
}

function renderCountsLine(report: Report): string {
  const newCount = report.newFindings.length;
  const breakdown = severityBreakdown(report.newCounts);
  const parts = [`**${newCount} new**${breakdown === '' ? '' : ` (${breakdown})`}`];

  parts.push(`${report.existingFindings.length} existing`, `${report.suppressedFindings.length} suppressed`);
  // NOTE: the report carries no flag for "a baseline was used", so fixed shows when non-zero.
  if (report.fixed.length > 0) {
    parts.push(`${report.fixed.length} fixed`);
  }
  if (report.errors.length > 0) {
    parts.push(plural(report.errors.length, 'report could not be read', 'reports could not be read'));
  }
  return parts.join(' · ');
}

function newCountText(report: Report): string {
  const newCount = report.newFindings.length;
  if (newCount === 0) {
    return 'No new findings';
  }
  const breakdown = severityBreakdown(report.newCounts);
  return breakdown === '' ? `${newCount} new` : `${newCount} new (${breakdown})`;
}

function severityBreakdown(counts: SeverityCounts): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`)
    .join(', ');
}

function renderFooter(report: Report, options: MarkdownOptions): string {
  const parts = [`Generated by devsecops-actions from ${plural(report.files.length, 'SARIF file', 'SARIF files')}`];
  if (report.context.sha) {
    parts.push(`at ${escapeMarkdown(report.context.sha.slice(0, 7))}`);
  }
  let text = `${parts.join(' ')}.`;
  if (options.reportFile !== undefined) {
    text += ` Full report: ${codeSpan(options.reportFile)}.`;
  }
  return `<sub>${text}</sub>\n`;
}

const FINDINGS_TABLE_HEAD = '| Severity | Rule | Message | Location | Tools |\n| --- | --- | --- | --- | --- |\n';
const SUPPRESSED_TABLE_HEAD = '| Severity | Rule | Message | Location | Suppression |\n| --- | --- | --- | --- | --- |\n';

function renderNewFindings(context: RenderContext, budget: number): string {
  const findings = sortBySeverity(context.report.newFindings);
  if (findings.length === 0) {
    return fitOrEmpty('### New findings\n\nNo new findings.\n', budget, context.unit);
  }

  return renderTableSection(context, budget, {
    opening: `### New findings\n\n${FINDINGS_TABLE_HEAD}`,
    closing: '',
    rows: findings,
    renderRow: (finding) => renderFindingRow(context, finding),
    notice: (count) => notShownNotice(count, 'new finding', 'new findings', context.options.reportFile),
    maxRows: context.options.maxFindings
  });
}

function renderCollapsedFindings(context: RenderContext, budget: number, state: 'existing' | 'suppressed'): string {
  const source = state === 'existing' ? context.report.existingFindings : context.report.suppressedFindings;
  if (source.length === 0) {
    return '';
  }
  const findings = sortBySeverity(source);
  const summary = plural(findings.length, `${state} finding`, `${state} findings`);

  return renderTableSection(context, budget, {
    opening: `<details>\n<summary>${summary}</summary>\n\n${state === 'existing' ? FINDINGS_TABLE_HEAD : SUPPRESSED_TABLE_HEAD}`,
    closing: '\n</details>\n',
    rows: findings,
    renderRow: (finding) => (state === 'existing' ? renderFindingRow(context, finding) : renderSuppressedRow(context, finding)),
    notice: (count) => notShownNotice(count, `${state} finding`, `${state} findings`, context.options.reportFile),
    maxRows: context.options.maxFindings
  });
}

/**
 * Lists, in the comment and the check summary, the findings this change itself suppresses
 * with an inline comment, so a reviewer sees a pull request that silences its own findings.
 */
function renderSuppressedInChange(context: RenderContext, budget: number): string {
  const findings = sortBySeverity(context.report.suppressedInChange ?? []);
  if (findings.length === 0) {
    return '';
  }
  return renderTableSection(context, budget, {
    opening: `### 🔕 Suppressed by this change\n\n${plural(findings.length, 'finding is', 'findings are')} suppressed by comments this change adds.\n\n${SUPPRESSED_TABLE_HEAD}`,
    closing: '',
    rows: findings,
    renderRow: (finding) => renderSuppressedRow(context, finding),
    notice: (count) => notShownNotice(count, 'suppressed finding', 'suppressed findings', context.options.reportFile),
    maxRows: context.options.maxFindings
  });
}

function renderErrors(context: RenderContext, budget: number): string {
  const errors = context.report.errors;
  if (errors.length === 0) {
    return '';
  }

  return renderTableSection(context, budget, {
    opening: '### ⚠️ Could not read\n\n| File | Reason |\n| --- | --- |\n',
    closing: '',
    rows: errors,
    renderRow: (error) => `| ${cell(error.file, MAX_PATH_CHARS)} | ${cell(error.message, MAX_ERROR_CHARS)} |`,
    notice: (count) => `… and ${plural(count, 'more report', 'more reports')} could not be read.`,
    maxRows: MAX_ERROR_ROWS
  });
}

function renderExpiredSuppressions(context: RenderContext, budget: number): string {
  const expired = context.report.expiredSuppressions;
  if (expired.length === 0) {
    return '';
  }

  return renderTableSection(context, budget, {
    opening:
      '### Expired suppressions\n\nThese suppressions no longer apply; renew or remove them.\n\n' +
      '| Rule | Path | Declared in | Expired on | Reason |\n| --- | --- | --- | --- | --- |\n',
    closing: '',
    rows: expired,
    renderRow: (entry) =>
      `| ${cell(entry.rule, MAX_PATH_CHARS)} | ${cell(entry.path ?? '', MAX_PATH_CHARS)} | ${cell(entry.source, MAX_PATH_CHARS)} | ` +
      `${cell(entry.expires, 40)} | ${cell(entry.reason, MAX_ERROR_CHARS)} |`,
    notice: (count) => `… and ${plural(count, 'more expired suppression', 'more expired suppressions')} not shown.`,
    maxRows: MAX_ERROR_ROWS
  });
}

function renderWarnings(context: RenderContext, budget: number): string {
  const warnings = context.report.warnings;
  if (warnings.length === 0) {
    return '';
  }

  return renderTableSection(context, budget, {
    opening: `<details>\n<summary>${plural(warnings.length, 'warning', 'warnings')}</summary>\n\n| Warning |\n| --- |\n`,
    closing: '\n</details>\n',
    rows: warnings,
    renderRow: (warning) => `| ${cell(warning, MAX_ERROR_CHARS)} |`,
    notice: (count) => `… and ${plural(count, 'more warning', 'more warnings')} not shown.`,
    maxRows: MAX_ERROR_ROWS
  });
}

interface TableSection<T> {
  /** Heading and table head, ending in '\n'. */
  opening: string;
  /** Text after the rows and the notice, such as `</details>`. */
  closing: string;
  rows: readonly T[];
  renderRow: (row: T) => string;
  /** The line that gives the number of rows left out. */
  notice: (count: number) => string;
  maxRows?: number;
}

/**
 * Render a table whose rows are added while they fit in `budget`. When rows are left out,
 * a notice line after the table gives their number. Room for it is kept back before each
 * row except the last. Returns the notice alone, or '', when not even the table head fits.
 */
function renderTableSection<T>(context: RenderContext, budget: number, section: TableSection<T>): string {
  const { unit } = context;
  const total = section.rows.length;
  const maxRows = Math.min(total, section.maxRows ?? total);
  // The notice never names more rows than `total`, so this reserve always covers it.
  const noticeReserve = measure(`\n${section.notice(total)}\n`, unit);

  let used = measure(section.opening, unit) + measure(section.closing, unit);
  const lines: string[] = [];
  for (let index = 0; index < maxRows; index++) {
    const line = `${section.renderRow(section.rows[index] as T)}\n`;
    const isLast = index === total - 1;
    const size = measure(line, unit);
    if (used + size + (isLast ? 0 : noticeReserve) > budget) {
      break;
    }
    lines.push(line);
    used += size;
  }

  const notShown = total - lines.length;
  if (lines.length === 0 && notShown > 0) {
    // NOTE: a section with no rows keeps only its notice, so a collapsed section loses its <details>.
    return fitOrEmpty(`${section.notice(notShown)}\n`, budget, unit);
  }
  const notice = notShown > 0 ? `\n${section.notice(notShown)}\n` : '';
  return `${section.opening}${lines.join('')}${notice}${section.closing}`;
}

function fitOrEmpty(text: string, budget: number, unit: SizeUnit): string {
  return measure(text, unit) <= budget ? text : '';
}

function notShownNotice(count: number, singular: string, pluralForm: string, reportFile: string | undefined): string {
  const where = reportFile === undefined ? '' : `; the full report is in ${codeSpan(reportFile)}`;
  return `… and ${count} more ${count === 1 ? singular : pluralForm} not shown${where}.`;
}

function renderFindingRow(context: RenderContext, finding: Finding): string {
  return `| ${severityCell(finding.severity)} | ${ruleCell(finding)} | ${messageCell(context, finding)} | ${locationCell(context, finding)} | ${cell(finding.tools.join(', '), MAX_PATH_CHARS)} |`;
}

function renderSuppressedRow(context: RenderContext, finding: Finding): string {
  return `| ${severityCell(finding.severity)} | ${ruleCell(finding)} | ${messageCell(context, finding)} | ${locationCell(context, finding)} | ${suppressionCell(finding)} |`;
}

function severityCell(severity: Severity): string {
  return `${SEVERITY_ICONS[severity]} ${severity}`;
}

function ruleCell(finding: Finding): string {
  return markdownLink(truncateText(finding.rule.id, MAX_PATH_CHARS), finding.rule.helpUri);
}

function messageCell(context: RenderContext, finding: Finding): string {
  const message = cell(finding.message, MAX_MESSAGE_CHARS);
  const flow = codeFlowEnds(finding);
  if (flow === undefined) {
    return message;
  }
  return `${message}<br>Source: ${flowStepLink(context, flow.source)} → sink: ${flowStepLink(context, flow.sink)}`;
}

function locationCell(context: RenderContext, finding: Finding): string {
  const location = finding.location;
  if (location !== undefined) {
    const text = location.startLine === undefined ? location.path : `${location.path}:${location.startLine}`;
    return markdownLink(truncateText(text, MAX_PATH_CHARS), fileUrl(context.report.context, location.path, location.startLine));
  }
  if (finding.url !== undefined) {
    return markdownLink(truncateText(finding.url, MAX_PATH_CHARS), finding.url);
  }
  if (finding.package !== undefined) {
    const version = finding.package.version === undefined ? '' : `@${finding.package.version}`;
    return cell(`${finding.package.name}${version}`, MAX_PATH_CHARS);
  }
  return '—';
}

function suppressionCell(finding: Finding): string {
  const suppression = finding.suppression;
  if (suppression === undefined) {
    return '—';
  }
  const justification = suppression.justification ? `: ${suppression.justification}` : '';
  const source = suppression.source ? ` (declared in ${suppression.source})` : '';
  return cell(`${suppression.kind}${justification}${source}`, MAX_ERROR_CHARS);
}

function cell(text: string, maxChars: number): string {
  const escaped = escapeMarkdown(truncateText(text, maxChars));
  return escaped === '' ? '—' : escaped;
}

function sortBySeverity(findings: readonly Finding[]): Finding[] {
  // Array.prototype.sort is stable, so findings of one severity keep the report's order.
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

interface FlowStep {
  uri: string;
  line?: number;
}

/**
 * Read the source and sink of a finding's data flow. Three shapes are accepted: the
 * `dataFlow` summary core's SARIF reader keeps (`{ source, sink }` with repository paths),
 * the resolved steps it keeps in `codeFlows` (an array of flows, each an array of
 * `{ path, startLine }` steps), and a raw SARIF `codeFlows` array. Returns `undefined` for
 * anything else.
 */
function codeFlowEnds(finding: Finding): { source: FlowStep; sink: FlowStep } | undefined {
  const dataFlow = finding.properties?.['dataFlow'] as { source?: unknown; sink?: unknown } | undefined;
  if (dataFlow && typeof dataFlow === 'object') {
    const source = readResolvedStep(dataFlow.source);
    const sink = readResolvedStep(dataFlow.sink);
    return source !== undefined && sink !== undefined ? { source, sink } : undefined;
  }

  const codeFlows = finding.properties?.['codeFlows'];
  if (!Array.isArray(codeFlows)) {
    return undefined;
  }
  if (Array.isArray(codeFlows[0])) {
    const steps = codeFlows[0] as unknown[];
    const source = readResolvedStep(steps[0]);
    const sink = readResolvedStep(steps[steps.length - 1]);
    return steps.length >= 2 && source !== undefined && sink !== undefined ? { source, sink } : undefined;
  }
  const threadFlows = (codeFlows[0] as { threadFlows?: unknown } | undefined)?.threadFlows;
  if (!Array.isArray(threadFlows)) {
    return undefined;
  }
  const locations = (threadFlows[0] as { locations?: unknown } | undefined)?.locations;
  if (!Array.isArray(locations) || locations.length < 2) {
    return undefined;
  }

  const source = readFlowStep(locations[0]);
  const sink = readFlowStep(locations[locations.length - 1]);
  return source !== undefined && sink !== undefined ? { source, sink } : undefined;
}

/** Reads a step whose path the reader already resolved inside the workspace. */
function readResolvedStep(value: unknown): FlowStep | undefined {
  const step = value as { path?: unknown; startLine?: unknown } | undefined;
  if (typeof step?.path !== 'string' || step.path === '') {
    return undefined;
  }
  const line = step.startLine;
  return { uri: step.path, line: typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined };
}

function readFlowStep(value: unknown): FlowStep | undefined {
  const physical = (value as { location?: { physicalLocation?: { artifactLocation?: { uri?: unknown }; region?: { startLine?: unknown } } } })
    ?.location?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (typeof uri !== 'string' || uri === '') {
    return undefined;
  }
  const line = physical?.region?.startLine;
  return { uri, line: typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined };
}

function flowStepLink(context: RenderContext, step: FlowStep): string {
  const text = truncateText(step.line === undefined ? step.uri : `${step.uri}:${step.line}`, MAX_PATH_CHARS);
  // Only a plain repository-relative path gets a link, so a URI with a scheme or `..` stays text.
  const isRelativePath = !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(step.uri) && !step.uri.startsWith('/') && !step.uri.split('/').includes('..');
  const url = isRelativePath ? fileUrl(context.report.context, step.uri, step.line) : undefined;
  return markdownLink(text, url);
}
