import { shannonEntropy } from './entropy.js';
import { builtinAllows, INLINE_ALLOW_MARKER } from './allowlist.js';
import { KeywordIndex, type KeywordLines } from './keyword-index.js';
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

/**
 * Returns true when a match of `pattern` can never hold a line feed, judged from its source
 * conservatively: any construct that may match one (`\s`, `\W`, `\D`, a character escape
 * other than `\x1b`, a negated class without `\s` or `\n`, `.` with the `s` flag, and the
 * anchors `^` and `$`, whose meaning changes on a line) makes it false.
 */
export function cannotMatchLineFeed(pattern: RegExp): boolean {
  const source = pattern.source;
  const dotAll = pattern.flags.includes('s');
  let inClass = false;
  let negated = false;
  let classSafe = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      const escape = next === 'x' || next === 'u' ? source.slice(index, index + 4) : `\\${next}`;
      index += 1;
      if (escape === '\\x1b') {
        index += 2;
        continue;
      }
      if (next === 'x' || next === 'u' || next === 'c' || next === 'p' || next === 'P' || next === '0' || next === 'n' || next === 'W' || next === 'D' || next === 's') {
        if (inClass && negated && (next === 's' || next === 'n')) {
          classSafe = true;
          continue;
        }
        return false;
      }
      continue;
    }
    if (inClass) {
      if (char === ']') {
        if (negated && !classSafe) {
          return false;
        }
        inClass = false;
      } else if (char === '\n' || char === '\r') {
        return false;
      }
      continue;
    }
    if (char === '[') {
      inClass = true;
      negated = source[index + 1] === '^';
      classSafe = false;
      if (negated) {
        index++;
      }
    } else if ((char === '.' && dotAll) || char === '^' || char === '$' || char === '\n') {
      return false;
    }
  }
  return !inClass;
}

/** Returns the entropy `secret` needs to be reported by `rule`, which has a `minEntropy`. */
function minimumEntropy(rule: CompiledRule, secret: string): number {
  return rule.hexMinEntropy !== undefined && /^[0-9a-fA-F]{16,}$/.test(secret) ? rule.hexMinEntropy : rule.minEntropy!;
}

/** Compiles a built-in rule; its pattern gets the `g` flag and the shared placeholder checks. */
export function compileBuiltinRule(rule: SecretRule): CompiledRule {
  const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
  const generic = GENERIC_RULES.has(rule.id);
  const token = rule.keyBlock !== true;
  // One compiled pattern per rule: `matches` resets it and runs to the end before returning.
  const pattern = new RegExp(rule.pattern.source, flags);
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    keywords: rule.keywords,
    minEntropy: rule.minEntropy,
    hexMinEntropy: rule.hexMinEntropy,
    singleLine: cannotMatchLineFeed(rule.pattern),
    helpUri: rule.helpUri,
    source: 'builtin',
    matches(text: string): RuleMatch[] {
      const found: RuleMatch[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        if (match[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const secret = match.groups?.['secret'] ?? match[1] ?? match[0];
        const offsetInMatch = secret === match[0] ? 0 : match[0].lastIndexOf(secret);
        found.push({ start: match.index, end: match.index + match[0].length, secret, secretStart: match.index + Math.max(0, offsetInMatch) });
      }
      return found;
    },
    allows(candidate: Candidate): boolean {
      return builtinAllows(candidate, generic, token) || (rule.reject?.(candidate.secret) ?? false);
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
  /** Keyword ids by rule. */
  private readonly keywordIdsByRule = new Map<CompiledRule, number[]>();

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
      const ruleIds: number[] = [];
      for (const keyword of new Set(rule.keywords.map((word) => word.toLowerCase()))) {
        this.rulesByKeyword[ids.get(keyword)!]!.push(rule);
        ruleIds.push(ids.get(keyword)!);
      }
      this.keywordIdsByRule.set(rule, ruleIds);
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

  /**
   * Scans file content. Returns no match without decoding when no rule's keyword occurs. A rule
   * whose matches cannot span lines runs only on the lines containing one of its keywords, when
   * byte offsets equal string offsets (every byte decoded to one UTF-16 unit).
   */
  scanBytes(bytes: Uint8Array, path: string): SecretMatch[] {
    const keywordLines = this.index.searchLines(bytes);
    const selected = new Set<CompiledRule>(this.unfiltered);
    for (const id of keywordLines.keys()) {
      for (const rule of this.rulesByKeyword[id]!) {
        selected.add(rule);
      }
    }
    if (selected.size === 0) {
      return [];
    }
    const rules = this.rules.filter((rule) => selected.has(rule));
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const sameOffsets = text.length === bytes.byteLength;
    return this.scanWithRules(text, path, rules, sameOffsets ? (rule) => this.ruleLines(rule, keywordLines) : undefined);
  }

  /** The start offsets of the lines on which `rule` may match, or undefined for the whole text. */
  private ruleLines(rule: CompiledRule, keywordLines: KeywordLines): number[] | undefined {
    if (rule.singleLine !== true || rule.keywords.length === 0) {
      return undefined;
    }
    const ids = this.keywordIdsByRule.get(rule)!;
    const lists = ids.map((id) => keywordLines.get(id)).filter((list): list is number[] => list !== undefined);
    if (lists.length === 1) {
      return lists[0];
    }
    return [...new Set(lists.flat())].sort((a, b) => a - b);
  }

  scanText(text: string, path: string): SecretMatch[] {
    return this.scanBytes(Buffer.from(text, 'utf8'), path);
  }

  private scanWithRules(text: string, path: string, rules: CompiledRule[], linesOf?: (rule: CompiledRule) => number[] | undefined): SecretMatch[] {
    const lines = new LineIndex(text);
    const found: SecretMatch[] = [];
    const seen = new Set<string>();

    for (const rule of rules) {
      if (rule.budget?.exhausted) {
        continue;
      }
      rule.budget?.start();
      try {
        this.runRule(rule, text, path, lines, found, seen, linesOf);
      } finally {
        rule.budget?.stop(path, rule.id);
      }
    }
    return dropOverlaps(found);
  }

  private runRule(
    rule: CompiledRule,
    text: string,
    path: string,
    lines: LineIndex,
    found: SecretMatch[],
    seen: Set<string>,
    linesOf?: (rule: CompiledRule) => number[] | undefined
  ): void {
    const starts = linesOf?.(rule);
    let cachedLine = 0;
    let lineText = '';
    let allowedLine = false;
    for (const match of starts === undefined ? rule.matches(text) : matchesOnLines(rule, text, starts)) {
      // A finding starts on the line where the match starts, such as a private key's BEGIN
      // line. Its columns are those of the secret when the secret is on that line.
      const matchStart = lines.position(match.start);
      const secretStart = lines.position(match.secretStart);
      const start = secretStart.line === matchStart.line ? secretStart : { line: matchStart.line, column: matchStart.column };
      // One lookup per line, not per match: a minified line can hold thousands of matches.
      if (start.line !== cachedLine) {
        cachedLine = start.line;
        lineText = lines.lineText(start.line);
        allowedLine = lineText.includes(INLINE_ALLOW_MARKER);
      }
      if (allowedLine) {
        continue;
      }
      const candidate: Candidate = { secret: match.secret, match: text.slice(match.start, match.end), line: lineText, path };
      if (rule.allows(candidate) || this.globalAllow?.(candidate, rule)) {
        continue;
      }
      const entropy = shannonEntropy(match.secret);
      if (rule.minEntropy !== undefined && entropy < minimumEntropy(rule, match.secret)) {
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
}

/** Runs `rule` on each line starting at one of `starts`, with offsets in the whole text. */
function* matchesOnLines(rule: CompiledRule, text: string, starts: number[]): Iterable<RuleMatch> {
  for (const start of starts) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    for (const match of rule.matches(start === 0 && end === text.length ? text : text.slice(start, end))) {
      yield { start: match.start + start, end: match.end + start, secret: match.secret, secretStart: match.secretStart + start };
    }
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
