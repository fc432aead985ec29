import type { MatchBudget } from '../gitleaks-config.js';
import type { Severity } from '@devsecops/core';

/**
 * One built-in credential rule. `pattern` finds the credential; its `secret` named group, else
 * its first group, else the whole match is the secret value. Patterns are written without
 * nested quantifiers, so V8's backtracking engine runs them in linear time; rules from a
 * user's config run in re2js instead (see gitleaks-config.ts).
 */
export interface SecretRule {
  id: string;
  title: string;
  severity: Severity;
  /**
   * Lower-case literals of which at least one occurs in any text the rule can match. A file
   * is matched against the rule only when one of them occurs in it.
   */
  keywords: string[];
  pattern: RegExp;
  /** Minimum Shannon entropy of the secret, in bits per character. */
  minEntropy?: number;
  /**
   * Minimum entropy instead of `minEntropy` when the secret is 16 or more hexadecimal digits,
   * whose alphabet gives at most 4 bits per character.
   */
  hexMinEntropy?: number;
  /**
   * True when the match is a key block marked by its header, such as a PEM private key, rather
   * than a token. Sample-value checks that suit tokens (counting runs) are skipped for it.
   */
  keyBlock?: boolean;
  /** Rejects a candidate secret, for example a checksum that does not verify. */
  reject?: (secret: string) => boolean;
  /** Provider documentation of the token format. */
  helpUri?: string;
}

/** A rule ready to run, built-in or loaded from a gitleaks config. */
export interface CompiledRule {
  id: string;
  title: string;
  severity: Severity;
  keywords: string[];
  /** Yields every match in `text`, in order. */
  matches(text: string): Iterable<RuleMatch>;
  minEntropy?: number;
  hexMinEntropy?: number;
  /**
   * True when no match can span a line break, so the rule runs only on the lines that hold
   * one of its keywords instead of the whole text.
   */
  singleLine?: boolean;
  /** True when the candidate must be dropped (rule-level allowlists and checks). */
  allows(candidate: Candidate): boolean;
  helpUri?: string;
  /** Where the rule came from: `builtin`, or the config file it was read from. */
  source: string;
  /** Matching time the rule may still spend in this scan; rules from a config have one. */
  budget?: MatchBudget;
}

export interface RuleMatch {
  /** Offset of the whole match in the text. */
  start: number;
  end: number;
  secret: string;
  /** Offset of the secret in the text. */
  secretStart: number;
}

/** A match with the context that allowlists test. */
export interface Candidate {
  secret: string;
  /** The whole match. */
  match: string;
  /** The full line (or lines) that hold the match. */
  line: string;
  path: string;
}
