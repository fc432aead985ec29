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

/** Returns true when the secret is a known placeholder rather than a credential. */
export function isPlaceholder(secret: string): boolean {
  if (/^(.)\1*$/s.test(secret)) {
    return true;
  }
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(secret));
}

/**
 * Values of generic assignments that are code, not credentials: references to variables or
 * environment lookups, function calls, file paths and words of one case joined by separators.
 */
export function looksLikeCode(secret: string): boolean {
  return (
    /^(?:process\.env|os\.environ|env\.|ENV\[|System\.getenv|getenv|config\.|settings\.|self\.|this\.|@)/.test(secret) ||
    /[()]/.test(secret) ||
    /^(?:\.{0,2}\/|[A-Za-z]:\\)/.test(secret) ||
    /^[a-z]+(?:[_.-][a-z]+)*$/.test(secret) ||
    /^[A-Z]+(?:[_.-][A-Z]+)*$/.test(secret) ||
    /^[a-z]+(?:[A-Z][a-z]+)+$/.test(secret)
  );
}

/** The checks the built-in rules share, as one `allows` predicate. */
export function builtinAllows(candidate: Candidate, generic: boolean): boolean {
  if (isPlaceholder(candidate.secret)) {
    return true;
  }
  return generic && looksLikeCode(candidate.secret);
}
