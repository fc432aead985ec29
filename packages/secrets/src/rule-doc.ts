import { BUILTIN_RULES } from './rules/builtin.js';
import type { SecretRule } from './rules/types.js';

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\n/g, ' ');
}

/** Describes the checks a value must pass besides matching the pattern. */
function gate(rule: SecretRule): string {
  const parts: string[] = [];
  if (rule.minEntropy !== undefined) {
    parts.push(`entropy >= ${rule.minEntropy}${rule.hexMinEntropy === undefined ? '' : ` (${rule.hexMinEntropy} for hexadecimal values)`}`);
  }
  if (rule.reject !== undefined) {
    parts.push('a check of its own');
  }
  return parts.join(', ');
}

/** Renders docs/secret-rules.md from the built-in rule definitions. */
export function renderSecretRulesDoc(rules: readonly SecretRule[] = BUILTIN_RULES): string {
  const lines = [
    '# Built-in secret rules',
    '',
    '<!-- Generated from packages/secrets/src/rules by scripts/rule-docs.mjs; edit the rule definitions instead. -->',
    '',
    `The secrets action and \`devsecops scan --only secrets\` run these ${rules.length} rules by default (engine \`builtin\`).`,
    'Every finding is CWE-798 and shows the secret only in redacted form: at most 4 characters, then `…`.',
    'A rule runs on a file only when one of its keywords occurs in it (one Aho-Corasick pass over the bytes).',
    '',
    'Every rule leaves out values that documentation uses in place of a credential: `EXAMPLE`, runs of `x` or `*`,',
    '`${VAR}`, `{{ var }}`, `<token>`, `%VAR%`, `$VAR`, words such as placeholder, changeme and redacted, and one repeated',
    'character. Tokens (not key blocks) with a run of six characters counting up or down, such as `abcdef`, are left out too.',
    'The generic assignment rules also leave out values that are code: variable and environment references, calls,',
    'file paths, regular expressions, words joined by case or separators, and values named as digests (`hashed_secret`).',
    '',
    'Suppress a finding with `gitleaks:allow` on its line, `devsecops-ignore <rule-id>: <reason>` on its line or the line',
    'above, a `suppressions` entry in `.github/devsecops.yml`, or its fingerprint in `.gitleaksignore`.',
    '',
    '| id | severity | what it finds | keywords | value gate |',
    '| --- | --- | --- | --- | --- |'
  ];
  for (const rule of rules) {
    const keywords = rule.keywords.map((keyword) => `\`${cell(keyword)}\``).join(' ');
    lines.push(`| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title)} | ${keywords} | ${gate(rule)} |`);
  }
  lines.push('');
  return lines.join('\n');
}
