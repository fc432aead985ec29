import type { Finding } from '@devsecops/core';

import type { SecretMatch } from './detector.js';
import { redact, redactedExcerpt, secretPartialFingerprints } from './redact.js';

/** Tool name of the built-in detector in findings and SARIF. */
export const BUILTIN_TOOL = 'devsecops-secrets';

/** Hard-coded credentials. */
export const SECRET_CWE = 'CWE-798';

/** Longest snippet kept, in characters, so a minified file does not put a whole line in SARIF. */
export const MAX_SNIPPET_LENGTH = 200;

export interface MatchContext {
  /** Repository-relative path. */
  path: string;
  /** Every secret found in the same file, so the snippet shows none of them in full. */
  fileSecrets: Iterable<string>;
  /** Commit that added the line, in history mode. */
  commit?: string;
  /** Maps a line of the scanned text to the line of the file (history and staged modes scan added lines only). */
  lineOf?: (line: number) => number;
}

/** Turns a match into a finding that holds only the redacted form of the secret. */
export function matchToFinding(match: SecretMatch, context: MatchContext): Finding {
  const startLine = context.lineOf ? context.lineOf(match.startLine) : match.startLine;
  const endLine = context.lineOf ? context.lineOf(match.endLine) : match.endLine;
  const redacted = redact(match.secret);
  const properties: Record<string, unknown> = {
    redacted,
    entropy: Math.round(match.entropy * 100) / 100,
    ruleSource: match.rule.source
  };
  if (context.commit !== undefined) {
    properties['commit'] = context.commit;
  }
  return {
    tools: [BUILTIN_TOOL],
    engine: 'builtin',
    category: 'secrets',
    rule: { id: match.rule.id, name: match.rule.title, helpUri: match.rule.helpUri, description: match.rule.title },
    severity: match.rule.severity,
    message: `${match.rule.title}: ${redacted}${context.commit === undefined ? '' : ` (added in commit ${context.commit.slice(0, 12)})`}`,
    location: {
      path: context.path,
      startLine,
      endLine,
      startColumn: match.startColumn,
      endColumn: match.endLine === match.startLine ? match.endColumn : undefined,
      snippet: redactedSnippet(match.lineText, match.secret, context.fileSecrets)
    },
    cwes: [SECRET_CWE],
    vulnerabilityIds: [],
    fingerprint: '',
    controls: [],
    partialFingerprints: secretPartialFingerprints(match.rule.id, match.secret),
    properties
  };
}

/** Distinct secrets of a file up to which every snippet redacts all of them. */
const ALL_SECRETS_LIMIT = 64;

/**
 * Returns, for each match of a file, the secrets its snippet must redact: every secret of the
 * file when there are at most ALL_SECRETS_LIMIT distinct ones, else the secrets spanning lines
 * and those matched near it on its line. A file with thousands of secrets then costs time in
 * proportion to their number, not its square.
 */
export function snippetSecrets(matches: readonly SecretMatch[]): (match: SecretMatch) => string[] {
  const distinct = [...new Set(matches.map((match) => match.secret))];
  if (distinct.length <= ALL_SECRETS_LIMIT) {
    return () => distinct;
  }
  const spanning = distinct.filter((secret) => /[\r\n]/.test(secret));
  const byLine = new Map<number, SecretMatch[]>();
  for (const match of matches) {
    const list = byLine.get(match.startLine) ?? [];
    list.push(match);
    byLine.set(match.startLine, list);
  }
  const longest = new Map<number, number>();
  for (const [line, list] of byLine) {
    list.sort((a, b) => a.startColumn - b.startColumn);
    longest.set(line, Math.max(...list.map((match) => match.secret.length)));
  }
  return (match) => {
    const list = byLine.get(match.startLine) ?? [];
    const reach = 2 * MAX_SNIPPET_LENGTH + longest.get(match.startLine)!;
    const from = firstAtOrAfter(list, match.startColumn - reach);
    const nearby: string[] = [...spanning];
    for (let index = from; index < list.length && list[index]!.startColumn <= match.startColumn + match.secret.length + reach; index++) {
      nearby.push(list[index]!.secret);
    }
    return nearby;
  };
}

/** Returns the index of the first match in `sorted` whose start column is at least `column`. */
function firstAtOrAfter(sorted: readonly SecretMatch[], column: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.startColumn < column) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * Returns the line with every secret of the file redacted, cut to MAX_SNIPPET_LENGTH characters
 * around the secret. Redaction happens before the cut, so a cut never leaves part of a secret.
 */
export function redactedSnippet(line: string, secret: string, fileSecrets: Iterable<string>): string {
  return redactedExcerpt(line, secret, fileSecrets, MAX_SNIPPET_LENGTH);
}
