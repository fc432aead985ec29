import type { Candidate } from './rules/types.js';

/** A line with this marker is skipped, as gitleaks does, so a team moving from gitleaks keeps its markers. */
export const INLINE_ALLOW_MARKER = 'gitleaks:allow';

/**
 * Values that documentation and templates use in place of a real credential: the words
 * EXAMPLE, placeholder, changeme, redacted and your-…-here; runs of x or * ; template and
 * environment references (`${VAR}`, `{{ var }}`, `<token>`, `%VAR%`, `$VAR`).
 */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /example/i,
  /x{4}/i,
  /\*{3}/,
  /\.{3}|…/,
  /\$\{[^}]*\}?|\{\{|\}\}/,
  /^<[^>]*>?$|^\[[^\]]*\]$/,
  /^%[A-Za-z_]+%$/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /placeholder|changeme|change[_-]me|redacted|replace[_-]?me|insert[_-]?your|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|secret|token|password|pass)/i
];

/** Characters in a run of which each is the one after (or before) the last, such as `abcdef` or `76543210`. */
const SEQUENCE_RUN = 6;

/**
 * Returns true when `secret` contains a run of SEQUENCE_RUN digits or letters that count up or
 * down by one, as typed-in sample values do. In a random hexadecimal token such a run starts at
 * a given position with a chance below one in a million.
 */
export function hasSequenceRun(secret: string): boolean {
  let up = 1;
  let down = 1;
  for (let index = 1; index < secret.length; index++) {
    const previous = secret.charCodeAt(index - 1);
    const current = secret.charCodeAt(index);
    const sameClass = charClass(previous) !== 0 && charClass(previous) === charClass(current);
    up = sameClass && current === previous + 1 ? up + 1 : 1;
    down = sameClass && current === previous - 1 ? down + 1 : 1;
    if (up >= SEQUENCE_RUN || down >= SEQUENCE_RUN) {
      return true;
    }
  }
  return false;
}

/** 1 for a digit, 2 for a lower-case and 3 for an upper-case letter, 0 otherwise. */
function charClass(code: number): number {
  if (code >= 48 && code <= 57) {
    return 1;
  }
  if (code >= 97 && code <= 122) {
    return 2;
  }
  return code >= 65 && code <= 90 ? 3 : 0;
}

/** Returns true when the secret is a known placeholder rather than a credential. */
export function isPlaceholder(secret: string): boolean {
  if (/^(.)\1*$/s.test(secret)) {
    return true;
  }
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(secret));
}

/**
 * Values of generic assignments that are code, not credentials: references to variables or
 * environment lookups, function calls, file paths, regular expressions, and words joined by
 * separators or case (`snake_case`, `UPPER_CASE`, `camelCase`, `PascalCase`, `Header-Name`).
 */
export function looksLikeCode(secret: string): boolean {
  return (
    /^(?:process\.env|os\.environ|env\.|ENV\[|System\.getenv|getenv|config\.|settings\.|self\.|this\.|@)/.test(secret) ||
    /[()]/.test(secret) ||
    /^(?:\.{0,2}\/|[A-Za-z]:\\)/.test(secret) ||
    /^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(secret) ||
    /\[[^\]]+\][*+?{]|\\[dswDSW]/.test(secret) ||
    /^[a-z]+(?:[_.-][a-z]+)*$/.test(secret) ||
    /^[A-Z]+(?:[_.-][A-Z]+)*$/.test(secret) ||
    /^[A-Z]?[a-z]+(?:[_.-]?[A-Z][a-z]+)+$/.test(secret)
  );
}

/** Names of values that are digests of something, not secrets: `hashed_secret`, `token_sha256`. */
const DIGEST_NAME = /hash|digest|checksum|fingerprint|integrity|sha(?:1|256|384|512)?(?![a-z])|md5/i;

/**
 * Returns the whole name a generic match is assigned to. The generic patterns start at the
 * keyword (`secret` in `hashed_secret`), so the name's start is read from the line before the match.
 */
function assignedName(candidate: Candidate): string {
  const at = candidate.line.indexOf(candidate.match);
  const before = at < 0 ? '' : (/[A-Za-z0-9_.-]*$/.exec(candidate.line.slice(Math.max(0, at - 40), at))?.[0] ?? '');
  return before + (/^[A-Za-z0-9_.-]*/.exec(candidate.match)?.[0] ?? '');
}

/**
 * Applies the checks the built-in rules share, as one `allows` predicate. Counting runs are checked
 * only in tokens (`token` true), not in key blocks such as PEM bodies, whose header alone marks
 * them.
 */
export function builtinAllows(candidate: Candidate, generic: boolean, token: boolean): boolean {
  if (isPlaceholder(candidate.secret) || (token && hasSequenceRun(candidate.secret))) {
    return true;
  }
  return generic && (looksLikeCode(candidate.secret) || DIGEST_NAME.test(assignedName(candidate)));
}
