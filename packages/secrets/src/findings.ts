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

/**
 * Returns the line with every secret of the file redacted, cut to MAX_SNIPPET_LENGTH characters
 * around the secret. Redaction happens before the cut, so a cut never leaves part of a secret.
 */
export function redactedSnippet(line: string, secret: string, fileSecrets: Iterable<string>): string {
  return redactedExcerpt(line, secret, fileSecrets, MAX_SNIPPET_LENGTH);
}
