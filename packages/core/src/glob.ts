import { ConfigurationError } from './errors.js';

/**
 * Glob matching in time proportional to the text length times the pattern length. Patterns
 * come from repository config, which is hostile input: picomatch compiles globs to backtracking
 * regular expressions, and a pattern such as `**\/*-*-*-*-*.js` took 43 s on one 250-character
 * file name (picomatch 4, 2-core development machine). This matcher simulates the pattern as
 * an automaton instead, so no pattern can hang it.
 *
 * Syntax: `*` (any characters but the separator), `**` (any characters), `**\/` (zero or more
 * whole folders), `?` (one character but the separator), `[abc]`, `[a-z]`, `[!a]`, `[^a]`,
 * `{a,b}` alternatives and `\` escapes. With no separator, `*` also crosses `/`.
 */
export interface GlobOptions {
  /** Character that `*` and `?` do not cross, `/` for paths; undefined for rule ids. */
  separator?: string;
}

/** Most alternatives `{a,b}` groups may expand to in one pattern. */
const MAX_ALTERNATIVES = 64;
/** Maximum pattern length, in characters. */
export const MAX_GLOB_LENGTH = 1000;

type Token =
  | { kind: 'char'; value: string }
  | { kind: 'any' }
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'folders' };

/** Compiles `pattern` once; the returned function tests a text. Throws ConfigurationError on a bad pattern. */
export function compileGlob(pattern: string, options: GlobOptions = {}): (text: string) => boolean {
  if (pattern.length > MAX_GLOB_LENGTH) {
    throw new ConfigurationError(`glob is ${pattern.length} characters long; the maximum is ${MAX_GLOB_LENGTH}`);
  }
  const alternatives = expandBraces(pattern);
  const programs = alternatives.map((alternative) => tokenize(alternative, options.separator));
  return (text) => programs.some((tokens) => run(tokens, text, options.separator));
}

/** Expands `{a,b}` groups from left to right, up to MAX_ALTERNATIVES patterns. */
function expandBraces(pattern: string): string[] {
  const open = findUnescaped(pattern, '{');
  if (open < 0) {
    return [pattern];
  }
  let depth = 0;
  const commas: number[] = [];
  for (let index = open; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
    } else if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth--;
      if (depth === 0) {
        const head = pattern.slice(0, open);
        const tail = pattern.slice(index + 1);
        const parts = splitAt(pattern.slice(open + 1, index), commas.map((comma) => comma - open - 1));
        const expanded: string[] = [];
        for (const part of parts) {
          for (const rest of expandBraces(part + tail)) {
            expanded.push(head + rest);
            if (expanded.length > MAX_ALTERNATIVES) {
              throw new ConfigurationError(`glob "${pattern}" expands to more than ${MAX_ALTERNATIVES} alternatives`);
            }
          }
        }
        return expanded;
      }
    } else if (char === ',' && depth === 1) {
      commas.push(index);
    }
  }
  throw new ConfigurationError(`glob "${pattern}" has an unclosed "{"`);
}

function findUnescaped(text: string, char: string): number {
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') {
      index++;
    } else if (text[index] === char) {
      return index;
    }
  }
  return -1;
}

function splitAt(text: string, positions: number[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const position of positions) {
    parts.push(text.slice(start, position));
    start = position + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

function tokenize(pattern: string, separator: string | undefined): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\' && index + 1 < pattern.length) {
      index++;
      tokens.push({ kind: 'char', value: pattern[index]! });
    } else if (char === '*') {
      let end = index;
      while (pattern[end + 1] === '*') {
        end++;
      }
      const isGlobstar = end > index && separator !== undefined;
      const startsSegment = index === 0 || pattern[index - 1] === separator;
      if (isGlobstar && startsSegment && pattern[end + 1] === separator) {
        tokens.push({ kind: 'folders' });
        end++;
      } else {
        tokens.push(isGlobstar || separator === undefined ? { kind: 'globstar' } : { kind: 'star' });
      }
      index = end;
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const parsed = parseClass(pattern, index);
      if (parsed) {
        tokens.push(parsed.token);
        index = parsed.end;
      } else {
        tokens.push({ kind: 'char', value: char });
      }
    } else {
      tokens.push({ kind: 'char', value: char });
    }
  }
  return tokens;
}

function parseClass(pattern: string, start: number): { token: Token; end: number } | undefined {
  let index = start + 1;
  const negated = pattern[index] === '!' || pattern[index] === '^';
  if (negated) {
    index++;
  }
  const ranges: Array<[string, string]> = [];
  let first = true;
  while (index < pattern.length && (pattern[index] !== ']' || first)) {
    let low = pattern[index]!;
    if (low === '\\' && index + 1 < pattern.length) {
      index++;
      low = pattern[index]!;
    }
    let high = low;
    if (pattern[index + 1] === '-' && index + 2 < pattern.length && pattern[index + 2] !== ']') {
      high = pattern[index + 2]!;
      index += 2;
    }
    ranges.push([low, high]);
    index++;
    first = false;
  }
  return index < pattern.length ? { token: { kind: 'class', negated, ranges }, end: index } : undefined;
}

/** Runs the pattern as a nondeterministic automaton: a set of token positions per character. */
function run(tokens: Token[], text: string, separator: string | undefined): boolean {
  let states = closure(new Set([0]), tokens);
  for (const char of text) {
    const next = new Set<number>();
    for (const state of states) {
      const token = tokens[state];
      if (!token) {
        continue;
      }
      switch (token.kind) {
        case 'char':
          if (token.value === char) next.add(state + 1);
          break;
        case 'any':
          if (char !== separator) next.add(state + 1);
          break;
        case 'class':
          if (char !== separator && inClass(token, char)) next.add(state + 1);
          break;
        case 'star':
          if (char !== separator) next.add(state);
          break;
        case 'globstar':
          next.add(state);
          break;
        case 'folders':
          // Inside the folder part; it may end only right after a separator.
          next.add(state);
          if (char === separator) next.add(state + 1);
          break;
      }
    }
    if (next.size === 0) {
      return false;
    }
    states = closure(next, tokens);
  }
  return states.has(tokens.length);
}

/** Adds the positions reachable without reading a character: past tokens that match nothing. */
function closure(states: Set<number>, tokens: Token[]): Set<number> {
  const stack = [...states];
  while (stack.length > 0) {
    const state = stack.pop()!;
    const kind = tokens[state]?.kind;
    if ((kind === 'star' || kind === 'globstar' || kind === 'folders') && !states.has(state + 1)) {
      states.add(state + 1);
      stack.push(state + 1);
    }
  }
  return states;
}

function inClass(token: Extract<Token, { kind: 'class' }>, char: string): boolean {
  const inside = token.ranges.some(([low, high]) => char >= low && char <= high);
  return token.negated ? !inside : inside;
}
