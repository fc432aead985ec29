import { createHash } from 'node:crypto';

import type { Finding } from './finding.js';
import { SourceCache } from './workspace.js';

/** The `partialFingerprints` key this suite writes to SARIF and reads back. */
export const FINGERPRINT_KEY = 'devsecops/v1';

/** Maximum number of flagged lines hashed into one fingerprint, so a whole-file region stays cheap. */
export const MAX_FINGERPRINT_LINES = 10;

/** Hex characters kept from the sha256 digest: 128 bits. */
const FINGERPRINT_LENGTH = 32;

export interface FingerprintInput {
  ruleId: string;
  /** Repository-relative path, or the URL of a DAST finding. */
  path?: string;
  /** Normalized flagged lines; see `normalizeLine`. */
  lines?: string[];
  /** Text hashed when no lines are available: the snippet or the message. */
  fallback?: string;
  /** Package name of a dependency finding, so one advisory in two packages gives two fingerprints. */
  packageName?: string;
}

/**
 * Hashes a rule id, a path and the flagged content into a fingerprint (sha256, first 32 hex
 * characters). The parts are JSON-encoded, so no choice of separator inside them can make
 * two different inputs collide.
 */
export function computeFingerprint(input: FingerprintInput): string {
  const parts: unknown[] = [input.ruleId, input.path ?? null, input.lines ?? null, input.fallback ?? null];
  if (input.packageName !== undefined) {
    parts.push(input.packageName);
  }
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/**
 * Collapses every run of whitespace into one space and trims the ends, so re-indenting a
 * line or changing tabs to spaces keeps its fingerprint.
 */
export function normalizeLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export interface FingerprintOptions {
  workspace: string;
  /** Cache shared with other steps that read the same files; one is created when absent. */
  source?: SourceCache;
}

/**
 * Fills `finding.fingerprint` in place for every finding. A `devsecops/v1` partial
 * fingerprint that one of our actions already wrote is kept. Otherwise the hash covers the
 * rule id, the path and the first choice that is available: the flagged lines read from the
 * workspace, the SARIF snippet, the message, or nothing more. DAST findings hash the rule
 * id and the URL without query values. Dependency findings add the package name. Files are
 * read only inside `workspace`.
 *
 * Two findings in one file whose hashes are equal, such as the same rule on two identical
 * lines, get an occurrence suffix in line order (`…:2`, `…:3`), so a baseline can distinguish them.
 */
export function fingerprintFindings(findings: Finding[], options: FingerprintOptions): void {
  const source = options.source ?? new SourceCache(options.workspace);
  const computed: Finding[] = [];

  for (const finding of findings) {
    const written = finding.partialFingerprints?.[FINGERPRINT_KEY];
    if (written) {
      finding.fingerprint = written;
      continue;
    }
    finding.fingerprint = computeFingerprint(fingerprintInput(finding, source));
    computed.push(finding);
  }

  addOccurrenceSuffixes(computed);
}

function fingerprintInput(finding: Finding, source: SourceCache): FingerprintInput {
  const input = hashedContent(finding, source);
  return finding.package ? { ...input, packageName: finding.package.name } : input;
}

function hashedContent(finding: Finding, source: SourceCache): FingerprintInput {
  const ruleId = finding.rule.id;
  const location = finding.location;

  if (!location) {
    if (finding.url !== undefined) {
      return { ruleId, path: stripQueryValues(finding.url) };
    }
    return { ruleId, fallback: finding.message || undefined };
  }

  const path = location.path;
  const lines = readFlaggedLines(source, path, location.startLine, location.endLine);
  if (lines) {
    return { ruleId, path, lines };
  }
  if (location.snippet) {
    return { ruleId, path, lines: toNormalizedLines(location.snippet) };
  }
  return { ruleId, path, fallback: finding.message || undefined };
}

/** Returns the normalized lines startLine..endLine, or undefined when none can be read. */
function readFlaggedLines(
  source: SourceCache,
  path: string,
  startLine: number | undefined,
  endLine: number | undefined
): string[] | undefined {
  if (startLine === undefined || !Number.isInteger(startLine) || startLine < 1) {
    return undefined;
  }
  const fileLines = source.lines(path);
  if (!fileLines || startLine > fileLines.length) {
    return undefined;
  }

  const requestedEnd = endLine !== undefined && Number.isInteger(endLine) && endLine >= startLine ? endLine : startLine;
  const lastLine = Math.min(requestedEnd, startLine + MAX_FINGERPRINT_LINES - 1, fileLines.length);
  return fileLines.slice(startLine - 1, lastLine).map(normalizeLine);
}

function toNormalizedLines(snippet: string): string[] {
  return snippet.split(/\r?\n/u).slice(0, MAX_FINGERPRINT_LINES).map(normalizeLine);
}

/**
 * Drops query parameter values and the fragment, so a scan that sends different payloads
 * to the same endpoint gives the same fingerprint. Parameter names stay, in their order.
 */
export function stripQueryValues(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split(/[?#]/u)[0] ?? url;
  }
  const names = [...parsed.searchParams.keys()];
  parsed.hash = '';
  parsed.search = '';
  const query = names.map((name) => `${encodeURIComponent(name)}=`).join('&');
  return query ? `${parsed.href}?${query}` : parsed.href;
}

/**
 * Appends `:2`, `:3`, … to computed fingerprints that repeat, in line order.
 * Findings with the same hash on the same line share one suffix because they are the same
 * problem, which deduplication merges later.
 */
function addOccurrenceSuffixes(findings: Finding[]): void {
  const byHash = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byHash.get(finding.fingerprint);
    if (group) {
      group.push(finding);
    } else {
      byHash.set(finding.fingerprint, [finding]);
    }
  }

  for (const [hash, group] of byHash) {
    if (group.length < 2) {
      continue;
    }
    const ordered = group
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => compareLine(a.finding, b.finding) || a.index - b.index);

    let occurrence = 0;
    let previousLine: number | undefined;
    for (const { finding } of ordered) {
      const line = finding.location?.startLine ?? 0;
      if (occurrence === 0 || line !== previousLine) {
        occurrence += 1;
        previousLine = line;
      }
      finding.fingerprint = occurrence === 1 ? hash : `${hash}:${occurrence}`;
    }
  }
}

function compareLine(a: Finding, b: Finding): number {
  return (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0);
}
