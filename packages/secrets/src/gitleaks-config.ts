import { RE2JS } from 're2js';
import { parse as parseToml } from 'smol-toml';

import { ConfigurationError, isSeverity, type Severity } from '@devsecops/core';

import type { GlobalAllow } from './detector.js';
import type { Candidate, CompiledRule, RuleMatch } from './rules/types.js';

/**
 * An allowlist in gitleaks' format. A candidate is allowed when any condition holds (OR, the
 * default) or when every condition that is set holds (AND).
 */
interface Allowlist {
  regexes: RE2JS[];
  regexTarget: 'secret' | 'match' | 'line';
  stopwords: string[];
  paths: RE2JS[];
  commits: Set<string>;
  condition: 'OR' | 'AND';
  /** Global allowlists only: the rules they apply to, or all rules when empty. */
  targetRules: string[];
}

export interface GitleaksConfig {
  file: string;
  title?: string;
  /** `[extend] useDefault = true`: the built-in rules run beside these. */
  useDefault: boolean;
  /** `[extend] disabledRules`: built-in rule ids to leave out. */
  disabledRules: string[];
  rules: CompiledRule[];
  /** Rules that only match file paths, which the built-in engine does not run. */
  pathOnlyRules: string[];
  allowlists: Allowlist[];
}

/** Severity of rules read from a gitleaks config, which has no severities. */
const GITLEAKS_RULE_SEVERITY: Severity = 'high';

/**
 * Parses a gitleaks config (TOML): rules, rule and global allowlists and `[extend]`. Regular
 * expressions are compiled with re2js, the RE2 syntax gitleaks uses, and run in linear time,
 * so no pattern in a repository's config can hang a scan. Throws a ConfigurationError naming
 * the file and the rule or key at fault.
 */
export function parseGitleaksConfig(text: string, file: string): GitleaksConfig {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    // smol-toml gives the place as line and column. Its message quotes the lines around it, which are left out.
    const { line, column } = error as { line?: number; column?: number };
    const place = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
    const reason = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new ConfigurationError(`${file}: invalid TOML${place}: ${reason}`);
  }

  const extend = optionalTable(document['extend'], file, 'extend');
  if (extend?.['path'] !== undefined || extend?.['url'] !== undefined) {
    throw new ConfigurationError(`${file}: [extend] path and url are not supported; use useDefault = true to extend the built-in rules.`);
  }
  const rulesValue = document['rules'] ?? [];
  if (!Array.isArray(rulesValue)) {
    throw new ConfigurationError(`${file}: "rules" must be an array of tables ([[rules]]).`);
  }

  const rules: CompiledRule[] = [];
  const pathOnlyRules: string[] = [];
  const keywordTotal = { characters: 0 };
  rulesValue.forEach((value, index) => {
    const table = optionalTable(value, file, `rules[${index}]`)!;
    const id = table['id'];
    if (typeof id !== 'string' || id === '') {
      throw new ConfigurationError(`${file}: rules[${index}] has no id; every [[rules]] entry needs id = "...".`);
    }
    if (table['regex'] === undefined) {
      if (table['path'] !== undefined) {
        pathOnlyRules.push(id);
        return;
      }
      throw new ConfigurationError(`${file}: rule "${id}" has neither regex nor path.`);
    }
    rules.push(compileGitleaksRule(table, id, file, keywordTotal));
  });

  const allowlists: Allowlist[] = [];
  if (document['allowlist'] !== undefined) {
    allowlists.push(parseAllowlist(document['allowlist'], file, 'allowlist', true));
  }
  const list = document['allowlists'];
  if (Array.isArray(list)) {
    list.forEach((value, index) => allowlists.push(parseAllowlist(value, file, `allowlists[${index}]`, true)));
  }

  return {
    file,
    title: typeof document['title'] === 'string' ? document['title'] : undefined,
    useDefault: extend?.['useDefault'] === true,
    disabledRules: stringList(extend?.['disabledRules'], file, 'extend.disabledRules'),
    rules,
    pathOnlyRules,
    allowlists
  };
}

/** Returns the global allowlists of a gitleaks config as one check for the detector. */
export function gitleaksGlobalAllow(config: GitleaksConfig): GlobalAllow {
  return (candidate, rule) =>
    config.allowlists.some((list) => (list.targetRules.length === 0 || list.targetRules.includes(rule.id)) && allowlistAllows(list, candidate));
}

/** Returns true when a global path allowlist excludes the file entirely. */
export function gitleaksSkipsPath(config: GitleaksConfig, repoPath: string): boolean {
  return config.allowlists.some((list) => list.targetRules.length === 0 && list.condition === 'OR' && list.paths.some((pattern) => pattern.matcher(repoPath).find()));
}

function compileGitleaksRule(table: Record<string, unknown>, id: string, file: string, keywordTotal: { characters: number }): CompiledRule {
  const pattern = compileRe2(table['regex'], file, `rule "${id}" regex`);
  const budget = new MatchBudget();
  const secretGroup = table['secretGroup'] === undefined ? undefined : Number(table['secretGroup']);
  if (secretGroup !== undefined && (!Number.isInteger(secretGroup) || secretGroup < 0 || secretGroup > pattern.groupCount())) {
    throw new ConfigurationError(`${file}: rule "${id}" secretGroup ${String(table['secretGroup'])} is not a group of its regex, which has ${pattern.groupCount()}.`);
  }
  const entropy = table['entropy'];
  if (entropy !== undefined && typeof entropy !== 'number') {
    throw new ConfigurationError(`${file}: rule "${id}" entropy must be a number, got ${JSON.stringify(entropy)}.`);
  }
  const pathPattern = table['path'] === undefined ? undefined : compileRe2(table['path'], file, `rule "${id}" path`);
  const allowlists: Allowlist[] = [];
  if (table['allowlist'] !== undefined) {
    allowlists.push(parseAllowlist(table['allowlist'], file, `rule "${id}" allowlist`, false));
  }
  if (Array.isArray(table['allowlists'])) {
    table['allowlists'].forEach((value, index) => allowlists.push(parseAllowlist(value, file, `rule "${id}" allowlists[${index}]`, false)));
  }
  const severityTag = stringList(table['tags'], file, `rule "${id}" tags`).map((tag) => tag.toLowerCase()).find(isSeverity);

  const compiled: CompiledRule = {
    id,
    title: typeof table['description'] === 'string' && table['description'] !== '' ? table['description'] : id,
    severity: severityTag ?? GITLEAKS_RULE_SEVERITY,
    keywords: ruleKeywords(table['keywords'], file, `rule "${id}" keywords`, keywordTotal),
    minEntropy: entropy,
    source: file,
    budget,
    matches: (text: string) => re2Matches(pattern, text, secretGroup, compiled.budget),
    allows(candidate: Candidate): boolean {
      if (pathPattern && !pathPattern.matcher(candidate.path).find()) {
        return true;
      }
      return allowlists.some((list) => allowlistAllows(list, candidate));
    }
  };
  return compiled;
}

function allowlistAllows(list: Allowlist, candidate: Candidate): boolean {
  const target = list.regexTarget === 'match' ? candidate.match : list.regexTarget === 'line' ? candidate.line : candidate.secret;
  const checks: boolean[] = [];
  if (list.regexes.length > 0) {
    checks.push(list.regexes.some((pattern) => pattern.matcher(target).find()));
  }
  if (list.stopwords.length > 0) {
    const lower = candidate.secret.toLowerCase();
    checks.push(list.stopwords.some((word) => lower.includes(word)));
  }
  if (list.paths.length > 0) {
    checks.push(list.paths.some((pattern) => pattern.matcher(candidate.path).find()));
  }
  if (checks.length === 0) {
    return false;
  }
  return list.condition === 'AND' ? checks.every(Boolean) : checks.some(Boolean);
}

function parseAllowlist(value: unknown, file: string, place: string, global: boolean): Allowlist {
  const table = optionalTable(value, file, place)!;
  const regexTarget = table['regexTarget'] ?? 'secret';
  if (regexTarget !== 'secret' && regexTarget !== 'match' && regexTarget !== 'line') {
    throw new ConfigurationError(`${file}: ${place} regexTarget must be "secret", "match" or "line", got ${JSON.stringify(regexTarget)}.`);
  }
  const condition = String(table['condition'] ?? 'OR').toUpperCase();
  if (condition !== 'OR' && condition !== 'AND') {
    throw new ConfigurationError(`${file}: ${place} condition must be "OR" or "AND", got ${JSON.stringify(table['condition'])}.`);
  }
  const targetRules = stringList(table['targetRules'], file, `${place} targetRules`);
  if (!global && targetRules.length > 0) {
    throw new ConfigurationError(`${file}: ${place} sets targetRules, which only a global allowlist may set.`);
  }
  const list: Allowlist = {
    regexes: stringList(table['regexes'], file, `${place} regexes`).map((source, index) => compileRe2(source, file, `${place} regexes[${index}]`)),
    regexTarget,
    stopwords: stringList(table['stopwords'], file, `${place} stopwords`).map((word) => word.toLowerCase()),
    paths: stringList(table['paths'], file, `${place} paths`).map((source, index) => compileRe2(source, file, `${place} paths[${index}]`)),
    commits: new Set(stringList(table['commits'], file, `${place} commits`)),
    condition,
    targetRules
  };
  if (list.regexes.length + list.stopwords.length + list.paths.length + list.commits.size === 0) {
    throw new ConfigurationError(`${file}: ${place} is empty; it needs at least one of regexes, stopwords, paths or commits.`);
  }
  return list;
}

/**
 * Most instructions a rule's compiled program may have. The largest rule of gitleaks' default
 * config compiles to 1,972; matching costs up to one step per instruction and character.
 */
export const MAX_RE2_INSTRUCTIONS = 10_000;

/** Compiles an RE2 pattern with re2js; the error names the file and the key. */
export function compileRe2(value: unknown, file: string, place: string): RE2JS {
  if (typeof value !== 'string') {
    throw new ConfigurationError(`${file}: ${place} must be a string, got ${JSON.stringify(value)}.`);
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(value);
  } catch (error) {
    throw new ConfigurationError(`${file}: ${place} is not a valid RE2 regular expression: ${(error as Error).message}`);
  }
  // re2js keeps the compiled program on an internal field; when a release renames it, the check is skipped.
  const instructions = (compiled as unknown as { re2Input?: { prog?: { inst?: unknown[] } } }).re2Input?.prog?.inst?.length;
  if (instructions !== undefined && instructions > MAX_RE2_INSTRUCTIONS) {
    throw new ConfigurationError(`${file}: ${place} compiles to ${instructions} instructions, more than the maximum of ${MAX_RE2_INSTRUCTIONS}; split it into simpler rules.`);
  }
  return compiled;
}

/** Maximum length of a keyword of a rule from a config, in characters. */
export const MAX_KEYWORD_LENGTH = 100;
/**
 * Most keyword characters the rules of one config file may have in all: the keyword index
 * takes 1 KiB of memory per character.
 */
export const MAX_KEYWORD_CHARACTERS = 50_000;

/**
 * Returns a rule's keywords in lower case. An empty keyword or one longer than
 * MAX_KEYWORD_LENGTH is an error naming the file and the rule. `total` counts the characters
 * of a whole file against MAX_KEYWORD_CHARACTERS.
 */
export function ruleKeywords(value: unknown, file: string, place: string, total: { characters: number }): string[] {
  const keywords = stringList(value, file, place);
  for (const keyword of keywords) {
    if (keyword.trim() === '') {
      throw new ConfigurationError(`${file}: ${place} contains an empty keyword; every keyword must contain a character other than a blank.`);
    }
    if (keyword.length > MAX_KEYWORD_LENGTH) {
      throw new ConfigurationError(`${file}: ${place} contains a keyword of ${keyword.length} characters, more than the maximum of ${MAX_KEYWORD_LENGTH}.`);
    }
    total.characters += keyword.length;
  }
  if (total.characters > MAX_KEYWORD_CHARACTERS) {
    throw new ConfigurationError(`${file}: the keywords of its rules have ${total.characters} characters by ${place}, more than the maximum of ${MAX_KEYWORD_CHARACTERS}.`);
  }
  return keywords.map((keyword) => keyword.toLowerCase());
}

/** Time the rules from config files may spend matching over one scan, in all. */
export const RULE_TIME_BUDGET_MS = 60_000;

/**
 * Matching time of rules from config files over a scan, shared by all of them. re2js runs in
 * time linear in each search, but a rule can still search the rest of a long line once per
 * match, or match so often that its candidates cost the time. Rules over budget stop.
 */
export class MatchBudget {
  private spentMs = 0;
  private runningSince: number | undefined;
  /** The file being scanned when the budget ran out. */
  exhaustedIn: string | undefined;
  /** The rule running when the budget ran out. */
  exhaustedBy: string | undefined;

  constructor(readonly limitMs: number = RULE_TIME_BUDGET_MS) {}

  /** Starts counting the time of a rule on one text. */
  start(): void {
    this.runningSince = performance.now();
  }

  /** Stops counting, and records where the budget ran out when it did. */
  stop(path: string, ruleId: string): void {
    if (this.runningSince !== undefined) {
      this.spentMs += performance.now() - this.runningSince;
      this.runningSince = undefined;
    }
    if (this.exhausted && this.exhaustedIn === undefined) {
      this.exhaustedIn = path;
      this.exhaustedBy = ruleId;
    }
  }

  get exhausted(): boolean {
    const running = this.runningSince === undefined ? 0 : performance.now() - this.runningSince;
    return this.spentMs + running > this.limitMs;
  }
}

function optionalTable(value: unknown, file: string, place: string): Record<string, unknown> | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError(`${file}: ${place} must be a table.`);
  }
  return value as Record<string, unknown>;
}

function stringList(value: unknown, file: string, place: string): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new ConfigurationError(`${file}: ${place} must be an array of strings.`);
  }
  return value as string[];
}

/** Parses `.gitleaksignore`: one gitleaks fingerprint a line (`[commit:]file:rule-id:line`), `#` comments. */
export function parseGitleaksIgnore(text: string): Map<string, number> {
  const fingerprints = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      fingerprints.set(line, index + 1);
    }
  });
  return fingerprints;
}

/** Returns the gitleaks fingerprint of a finding, as `.gitleaksignore` lists them. */
export function gitleaksFingerprint(path: string, ruleId: string, line: number, commit?: string): string {
  return commit ? `${commit}:${path}:${ruleId}:${line}` : `${path}:${ruleId}:${line}`;
}

/**
 * Yields every non-empty match of a re2js pattern in `text`. The secret is capture group
 * `secretGroup`, or when none is set the first group that matched, else the whole match, as
 * gitleaks picks it. An empty match advances one character so the loop always ends.
 */
export function* re2Matches(pattern: RE2JS, text: string, secretGroup: number | undefined, budget?: MatchBudget): Iterable<RuleMatch> {
  const matcher = pattern.matcher(text);
  let from = 0;
  while (from <= text.length && !(budget?.exhausted ?? false)) {
    if (!matcher.find(from)) {
      break;
    }
    const start = matcher.start();
    const end = matcher.end();
    from = end > start ? end : end + 1;
    let group = secretGroup;
    if (group === undefined) {
      group = 0;
      for (let index = 1; index <= matcher.groupCount(); index++) {
        if (matcher.group(index)) {
          group = index;
          break;
        }
      }
    }
    const secret = matcher.group(group) ?? '';
    if (secret !== '') {
      yield { start, end, secret, secretStart: matcher.start(group) };
    }
  }
}
