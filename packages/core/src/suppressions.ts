import { DEFAULT_CONFIG_FILE, type ConfigSuppression, type SuiteConfig } from './config.js';
import { ConfigurationError } from './errors.js';
import { compileGlob } from './glob.js';
import type { Finding, Suppression } from './finding.js';
import type { ExpiredSuppression } from './report.js';
import type { SourceCache } from './workspace.js';

/** The word that starts an inline suppression comment: `devsecops-ignore <rule-id>[, <rule-id>...]: <reason>`. */
export const INLINE_MARKER = 'devsecops-ignore';

/** Characters of a source line searched for the marker, so minified or generated lines cost little. */
export const MAX_INSPECTED_LINE_LENGTH = 4000;

export interface SuppressionOutcome {
  /** Every finding passed in, in the same order, with `suppression` set on the suppressed ones. */
  findings: Finding[];
  /** Config entries whose `expires` day has passed, in file order. */
  expired: ExpiredSuppression[];
  /** Findings in `findings` with `suppression` set, including suppressions the SARIF file already carried. */
  suppressedCount: number;
  /** Inline comments that suppress nothing because they lack a rule id or a reason, one per comment. */
  warnings: string[];
}

/** An inline `devsecops-ignore` comment as written on one source line. */
export interface InlineMarker {
  ruleIds: string[];
  /** The text after the colon, or undefined when it is missing or blank. */
  reason?: string;
}

interface ConfigEntryMatcher {
  entry: ConfigSuppression;
  source: string;
  matchesRule: (ruleId: string) => boolean;
  matchesPath?: (path: string) => boolean;
}

/**
 * Marks findings as suppressed by inline comments or config entries. Suppressions a
 * finding already carries, such as SARIF `suppressions`, are kept unchanged. An inline
 * comment wins over a config entry. Findings are copied, never modified.
 */
export function applySuppressions(
  findings: Finding[],
  options: { config: SuiteConfig; source: SourceCache; now?: Date; configFile?: string }
): SuppressionOutcome {
  const configFile = options.configFile ?? options.config.file ?? DEFAULT_CONFIG_FILE;
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);

  const expired: ExpiredSuppression[] = [];
  const active: ConfigEntryMatcher[] = [];
  for (const entry of options.config.suppressions) {
    const source = `${configFile}:${entry.line}`;
    // The entry applies through the whole `expires` day in UTC, and YYYY-MM-DD strings sort as dates.
    if (entry.expires !== undefined && entry.expires < today) {
      expired.push(toExpired(entry, source));
    } else {
      active.push(compileEntry(entry, source));
    }
  }

  const warnings = new Map<string, string>();
  const result = findings.map((finding) => {
    if (finding.suppression !== undefined) {
      return finding;
    }
    const suppression = findInlineSuppression(finding, options.source, warnings) ?? findConfigSuppression(finding, active);
    return suppression === undefined ? finding : { ...finding, suppression };
  });

  return {
    findings: result,
    expired,
    suppressedCount: result.filter((finding) => finding.suppression !== undefined).length,
    warnings: [...warnings.values()]
  };
}

/**
 * Reads the first `devsecops-ignore` marker on a source line, whatever comment syntax
 * surrounds it. Rule ids end at the first colon followed by a space or the line end, so
 * ids that contain colons, such as `javascript:S1234`, still work.
 */
export function parseInlineMarker(line: string): InlineMarker | undefined {
  const text = line.slice(0, MAX_INSPECTED_LINE_LENGTH);
  const start = text.indexOf(INLINE_MARKER);
  if (start === -1) {
    return undefined;
  }

  const rest = text.slice(start + INLINE_MARKER.length);
  if (rest !== '' && !/^[\s:]/.test(rest)) {
    // A longer word such as `devsecops-ignored` is not a marker.
    return undefined;
  }

  const separator = rest.search(/:(?:\s|$)/);
  const idText = separator === -1 ? rest : rest.slice(0, separator);
  const reasonText = separator === -1 ? '' : rest.slice(separator + 1);

  const ruleIds = stripCommentEnd(idText)
    .split(/[\s,]+/)
    .filter((id) => id !== '');
  const reason = stripCommentEnd(reasonText);
  return reason === '' ? { ruleIds } : { ruleIds, reason };
}

function findInlineSuppression(finding: Finding, source: SourceCache, warnings: Map<string, string>): Suppression | undefined {
  const path = finding.location?.path;
  const startLine = finding.location?.startLine;
  if (path === undefined || startLine === undefined) {
    return undefined;
  }

  // The marker counts on the flagged line itself or on the line directly above it.
  for (const lineNumber of [startLine, startLine - 1]) {
    if (lineNumber < 1) {
      continue;
    }
    const text = source.line(path, lineNumber);
    const marker = text === undefined ? undefined : parseInlineMarker(text);
    if (marker === undefined) {
      continue;
    }

    const place = `${path}:${lineNumber}`;
    if (marker.ruleIds.length === 0 || marker.reason === undefined) {
      warnings.set(place, incompleteMarkerWarning(place, marker));
      continue;
    }
    if (marker.ruleIds.includes(finding.rule.id)) {
      return { kind: 'inline', justification: marker.reason, source: place };
    }
  }
  return undefined;
}

function findConfigSuppression(finding: Finding, entries: ConfigEntryMatcher[]): Suppression | undefined {
  const path = finding.location?.path;
  for (const matcher of entries) {
    if (!matcher.matchesRule(finding.rule.id)) {
      continue;
    }
    if (matcher.matchesPath !== undefined && (path === undefined || !matcher.matchesPath(path))) {
      continue;
    }
    return { kind: 'config', justification: matcher.entry.reason, source: matcher.source };
  }
  return undefined;
}

/**
 * Builds the glob matchers of one config entry. In a rule id `/` is an ordinary character, so
 * `*` matches `js/sql-injection`; in a path it separates folders. Config text is hostile, so the
 * globs run in the linear-time matcher of glob.ts, with results cached per id and path.
 */
function compileEntry(entry: ConfigSuppression, source: string): ConfigEntryMatcher {
  try {
    const matcher: ConfigEntryMatcher = {
      entry,
      source,
      matchesRule: cached(compileGlob(entry.rule))
    };
    if (entry.path !== undefined) {
      matcher.matchesPath = cached(compileGlob(entry.path, { separator: '/' }));
    }
    return matcher;
  } catch (error) {
    throw new ConfigurationError(`${source}: invalid glob in suppression: ${(error as Error).message}`);
  }
}

/** Caches a matcher's results, because a report repeats the same few rule ids and paths many times. */
function cached(match: (text: string) => boolean): (text: string) => boolean {
  const answers = new Map<string, boolean>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = match(text);
      answers.set(text, answer);
    }
    return answer;
  };
}

function toExpired(entry: ConfigSuppression, source: string): ExpiredSuppression {
  const expired: ExpiredSuppression = { rule: entry.rule, reason: entry.reason, expires: entry.expires ?? '', source };
  if (entry.path !== undefined) {
    expired.path = entry.path;
  }
  return expired;
}

function incompleteMarkerWarning(place: string, marker: InlineMarker): string {
  const missing = marker.ruleIds.length === 0 ? 'names no rule id' : 'has no reason';
  return `${place}: the ${INLINE_MARKER} comment ${missing}, so it suppresses nothing. Write it as "${INLINE_MARKER} <rule-id>: <reason>".`;
}

/** Removes surrounding spaces and a trailing block-comment end (`*\/` or `-->`). */
function stripCommentEnd(text: string): string {
  const trimmed = text.trim();
  if (trimmed.endsWith('*/')) {
    return trimmed.slice(0, -2).trim();
  }
  if (trimmed.endsWith('-->')) {
    return trimmed.slice(0, -3).trim();
  }
  return trimmed;
}
