import type { Finding } from '@devsecops/core';

import { toolIdsFor } from './equivalents.js';

/** A native suppression comment of another IaC tool, with the lines it covers. */
export interface NativeSuppression {
  tool: 'checkov' | 'tfsec' | 'trivy' | 'kics';
  /** Check ids it names; empty means every check (KICS ignore comments). */
  ids: string[];
  reason?: string;
  /** Line of the comment. */
  line: number;
  fromLine: number;
  toLine: number;
}

const CHECKOV = /checkov:skip=([A-Za-z0-9_-]+)(?::\s*(.*))?/;
const TFSEC_TRIVY = /\b(tfsec|trivy):ignore:([A-Za-z0-9_.-]+)/g;
const KICS = /kics-scan\s+(ignore-line|ignore-block|ignore)\b/;
const COMMENT = /^\s*(#|\/\/|\/\*)/;

/**
 * Finds the native suppression comments in a file's lines:
 * - `checkov:skip=ID:reason` covers the enclosing block (the lines from the nearest line
 *   above at a smaller indentation to the end of that block), or the whole file when it is not
 *   inside a block, as Checkov does for Dockerfiles.
 * - `tfsec:ignore:ID` and `trivy:ignore:ID` cover their own line, the next line and, when the
 *   next line opens a block, the whole block.
 * - `kics-scan ignore-line` covers the next line; `kics-scan ignore-block` the block that
 *   starts on the next line; `kics-scan ignore` on its own covers the whole file.
 */
export function findNativeSuppressions(lines: string[]): NativeSuppression[] {
  const suppressions: NativeSuppression[] = [];
  for (const [index, text] of lines.entries()) {
    if (!text.includes('checkov') && !text.includes('ignore')) {
      continue;
    }
    const line = index + 1;
    const checkov = CHECKOV.exec(text);
    if (checkov) {
      const [fromLine, toLine] = enclosingBlock(lines, index);
      suppressions.push({ tool: 'checkov', ids: [checkov[1]!], reason: checkov[2]?.trim() || undefined, line, fromLine, toLine });
    }
    for (const match of text.matchAll(TFSEC_TRIVY)) {
      const toLine = Math.max(line + 1, blockEnd(lines, index + 1));
      suppressions.push({ tool: match[1] as 'tfsec' | 'trivy', ids: [match[2]!], line, fromLine: line, toLine });
    }
    const kics = COMMENT.test(text) ? KICS.exec(text) : null;
    if (kics?.[1] === 'ignore-line') {
      suppressions.push({ tool: 'kics', ids: [], line, fromLine: line + 1, toLine: line + 1 });
    } else if (kics?.[1] === 'ignore-block') {
      suppressions.push({ tool: 'kics', ids: [], line, fromLine: line + 1, toLine: blockEnd(lines, index + 1) });
    } else if (kics?.[1] === 'ignore' && /kics-scan\s+ignore\s*$/.test(text)) {
      suppressions.push({ tool: 'kics', ids: [], line, fromLine: 1, toLine: lines.length });
    }
  }
  return suppressions;
}

function indentation(text: string): number {
  return text.length - text.trimStart().length;
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Last line (1-based) of the block that starts at `index` (0-based): deeper-indented lines and a closing bracket at the same indentation. */
function blockEnd(lines: string[], index: number): number {
  const start = lines[index];
  if (start === undefined) {
    return index;
  }
  const base = indentation(start);
  let last = index;
  for (let i = index + 1; i < lines.length; i += 1) {
    const text = lines[i]!;
    if (isBlank(text)) {
      continue;
    }
    if (indentation(text) > base) {
      last = i;
    } else if (indentation(text) === base && /^\s*[}\])]/.test(text)) {
      last = i;
      break;
    } else {
      break;
    }
  }
  return last + 1;
}

function enclosingBlock(lines: string[], index: number): [number, number] {
  const own = indentation(lines[index]!);
  for (let i = index - 1; i >= 0; i -= 1) {
    const text = lines[i]!;
    if (!isBlank(text) && indentation(text) < own) {
      return [i + 1, blockEnd(lines, i)];
    }
  }
  // A comment at the top level applies to the block that follows, or to the whole file.
  return own === 0 && lines[index + 1] !== undefined && /[{:]\s*$/.test(lines[index + 1]!) ? [index + 2, blockEnd(lines, index + 1)] : [1, lines.length];
}

/**
 * Marks built-in findings covered by a native comment as suppressed. A comment matches a
 * finding when it names the policy id or a tool check id equivalent to it, or names nothing.
 */
export function applyNativeSuppressions(findings: Finding[], path: string, lines: string[]): Finding[] {
  const suppressions = findNativeSuppressions(lines);
  if (suppressions.length === 0) {
    return findings;
  }
  return findings.map((finding) => {
    const line = finding.location?.startLine;
    if (finding.location?.path !== path || line === undefined || finding.suppression) {
      return finding;
    }
    const names = [finding.rule.id, ...toolIdsFor(finding.rule.id)].map((id) => id.toLowerCase());
    const match = suppressions.find((suppression) => suppression.fromLine <= line && line <= suppression.toLine && (suppression.ids.length === 0 || suppression.ids.some((id) => names.includes(id.toLowerCase()))));
    if (!match) {
      return finding;
    }
    return { ...finding, suppression: { kind: 'inline', justification: match.reason ?? `${match.tool} comment`, source: `${path}:${match.line}` } };
  });
}
