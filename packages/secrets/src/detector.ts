import { shannonEntropy } from './entropy.js';
import { builtinAllows, INLINE_ALLOW_MARKER } from './allowlist.js';
import { KeywordIndex } from './keyword-index.js';
import { BUILTIN_RULES } from './rules/builtin.js';
import type { Candidate, CompiledRule, RuleMatch, SecretRule } from './rules/types.js';

/** One secret found in a text. Lines and columns are 1-based; `endColumn` is exclusive. */
export interface SecretMatch {
  rule: CompiledRule;
  secret: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Entropy of the secret in bits per character. */
  entropy: number;
  /** The line on which the match starts, unredacted: callers must redact it before it leaves. */
  lineText: string;
}

/** A check that drops a candidate for every rule, such as a gitleaks global allowlist. */
export type GlobalAllow = (candidate: Candidate, rule: CompiledRule) => boolean;

const GENERIC_RULES = new Set(['generic-secret-assignment', 'generic-password-assignment']);

/** Compiles a built-in rule; its pattern gets the `g` flag and the shared placeholder checks. */
export function compileBuiltinRule(rule: SecretRule): CompiledRule {
  const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
  const generic = GENERIC_RULES.has(rule.id);
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    keywords: rule.keywords,
    minEntropy: rule.minEntropy,
    helpUri: rule.helpUri,
    source: 'builtin',
    *matches(text: string): Iterable<RuleMatch> {
      const pattern = new RegExp(rule.pattern.source, flags);
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        if (match[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const secret = match.groups?.['secret'] ?? match[1] ?? match[0];
        const offsetInMatch = secret === match[0] ? 0 : match[0].lastIndexOf(secret);
        yield { start: match.index, end: match.index + match[0].length, secret, secretStart: match.index + Math.max(0, offsetInMatch) };
      }
    },
    allows(candidate: Candidate): boolean {
      return builtinAllows(candidate, generic) || (rule.reject?.(candidate.secret) ?? false);
    }
  };
}

export const BUILTIN_COMPILED: readonly CompiledRule[] = BUILTIN_RULES.map(compileBuiltinRule);

/**
 * Finds secrets in texts with a set of rules. A keyword pre-filter (one Aho-Corasick pass over
 * the bytes) selects the rules that can match; only those run, and a file with no keyword is
 * never decoded.
 */
export class Detector {
  private readonly index: KeywordIndex;
  /** Rules by keyword id. */
  private readonly rulesByKeyword: CompiledRule[][];
  /** Rules without keywords, run on every text. */
  private readonly unfiltered: CompiledRule[];

  constructor(
    readonly rules: readonly CompiledRule[],
    private readonly globalAllow?: GlobalAllow
  ) {
    this.index = new KeywordIndex(rules.flatMap((rule) => rule.keywords));
    const ids = new Map(this.index.keywords.map((keyword, id) => [keyword, id]));
    this.rulesByKeyword = this.index.keywords.map(() => []);
    this.unfiltered = [];
    for (const rule of rules) {
      if (rule.keywords.length === 0) {
        this.unfiltered.push(rule);
        continue;
      }
      for (const keyword of new Set(rule.keywords.map((word) => word.toLowerCase()))) {
        this.rulesByKeyword[ids.get(keyword)!]!.push(rule);
      }
    }
  }

  /** Returns the rules whose keywords occur in `bytes`, in rule order. */
  selectRules(bytes: Uint8Array): CompiledRule[] {
    const selected = new Set<CompiledRule>(this.unfiltered);
    for (const id of this.index.search(bytes)) {
      for (const rule of this.rulesByKeyword[id]!) {
        selected.add(rule);
      }
    }
    return this.rules.filter((rule) => selected.has(rule));
  }

  /** Scans file content. Returns no match without decoding when no rule's keyword occurs. */
  scanBytes(bytes: Uint8Array, path: string): SecretMatch[] {
    const rules = this.selectRules(bytes);
    if (rules.length === 0) {
      return [];
    }
    return this.scanWithRules(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), path, rules);
  }

  scanText(text: string, path: string): SecretMatch[] {
    return this.scanBytes(Buffer.from(text, 'utf8'), path);
  }

  private scanWithRules(text: string, path: string, rules: CompiledRule[]): SecretMatch[] {
    const lines = new LineIndex(text);
    const found: SecretMatch[] = [];
    const seen = new Set<string>();

    for (const rule of rules) {
      for (const match of rule.matches(text)) {
        // A finding starts on the line where the match starts, such as a private key's BEGIN
        // line; its columns are those of the secret when the secret is on that line.
        const matchStart = lines.position(match.start);
        const secretStart = lines.position(match.secretStart);
        const start = secretStart.line === matchStart.line ? secretStart : { line: matchStart.line, column: matchStart.column };
        const lineText = lines.lineText(start.line);
        if (lineText.includes(INLINE_ALLOW_MARKER)) {
          continue;
        }
        const candidate: Candidate = { secret: match.secret, match: text.slice(match.start, match.end), line: lineText, path };
        if (rule.allows(candidate) || this.globalAllow?.(candidate, rule)) {
          continue;
        }
        const entropy = shannonEntropy(match.secret);
        if (rule.minEntropy !== undefined && entropy < rule.minEntropy) {
          continue;
        }
        const key = `${rule.id}\u0000${match.secretStart}`;
        if (seen.has(key)) {
          continue;
        }
        seen.add(key);
        const end = lines.position(match.secretStart + match.secret.length);
        found.push({
          rule,
          secret: match.secret,
          startLine: start.line,
          startColumn: start.column,
          endLine: end.line,
          endColumn: end.column,
          entropy,
          lineText
        });
      }
    }
    return dropOverlaps(found);
  }
}

/**
 * Keeps one match per place: where the matches of two rules overlap, the more specific rule
 * wins (any provider rule over the generic and URL rules; else the longer secret).
 */
function dropOverlaps(matches: SecretMatch[]): SecretMatch[] {
  const rank = (match: SecretMatch): number => (GENERIC_RULES.has(match.rule.id) ? 2 : match.rule.id === 'jwt' || match.rule.id.endsWith('-url-password') || match.rule.id === 'url-password' ? 1 : 0);
  const sorted = [...matches].sort((a, b) => rank(a) - rank(b) || b.secret.length - a.secret.length);
  const kept: SecretMatch[] = [];
  for (const match of sorted) {
    const overlaps = kept.some(
      (other) =>
        other.startLine === match.startLine &&
        other.startColumn < match.startColumn + match.secret.length &&
        match.startColumn < other.startColumn + other.secret.length
    );
    if (!overlaps) {
      kept.push(match);
    }
  }
  return kept.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn || a.rule.id.localeCompare(b.rule.id));
}

/** Maps string offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
