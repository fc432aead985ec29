import { Ajv } from 'ajv';
import { RE2JS } from 're2js';

import { ConfigurationError, type ScannerOptions, type Severity } from '@devsecops/core';

import schema from '../../../schema/devsecops.schema.json' with { type: 'json' };

import { compileRe2, MatchBudget, re2Matches, ruleKeywords } from './gitleaks-config.js';
import type { Candidate, CompiledRule } from './rules/types.js';

export type SecretsMode = 'files' | 'history' | 'staged';
export const SECRETS_MODES: readonly SecretsMode[] = ['files', 'history', 'staged'];

/** Default size limit of scanned files: larger files are skipped and counted. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TOOL_TIMEOUT_SECONDS = 600;

/** The `secrets` section of `.github/devsecops.yml`, as the schema defines it. */
export interface SecretsSection {
  mode?: SecretsMode;
  base?: string;
  head?: string;
  'max-file-size'?: number;
  exclude?: string[];
  'gitleaks-config'?: string;
  'gitleaks-ignore'?: string;
  'tool-timeout'?: number;
  rules?: Array<{ id: string; title?: string; regex: string; 'secret-group'?: number; keywords?: string[]; severity?: Severity; entropy?: number }>;
  allowlist?: { regexes?: string[]; stopwords?: string[]; paths?: string[] };
}

export interface SecretsSettings {
  mode: SecretsMode;
  base?: string;
  head?: string;
  maxFileBytes: number;
  exclude: string[];
  gitleaksConfig?: string;
  gitleaksIgnore?: string;
  toolTimeoutMs: number;
  customRules: CompiledRule[];
  allowRegexes: RE2JS[];
  stopwords: string[];
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validateSection = ajv.compile((schema as { properties: { secrets: object } }).properties.secrets);

/**
 * Validates the `secrets` section and merges it with the scanner settings (action inputs or
 * command-line options), which take precedence. Throws a ConfigurationError naming the key.
 */
export function resolveSettings(options: Pick<ScannerOptions, 'config' | 'settings'>): SecretsSettings {
  const file = options.config.file ?? '.github/devsecops.yml';
  const raw = options.config.sections['secrets'] ?? {};
  if (!validateSection(raw)) {
    const problems = (validateSection.errors ?? []).map((error) => `secrets${error.instancePath.replace(/\//g, '.')} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''}`);
    throw new ConfigurationError(`${file}: invalid secrets section: ${problems.join('; ')}`);
  }
  const section = raw as SecretsSection;

  const mode = options.settings['mode'] ?? section.mode ?? 'files';
  if (!(SECRETS_MODES as readonly string[]).includes(mode)) {
    throw new ConfigurationError(`mode: "${mode}" is not a scan mode; expected one of ${SECRETS_MODES.join(', ')}.`);
  }

  const keywordTotal = { characters: 0 };
  return {
    mode: mode as SecretsMode,
    base: options.settings['base'] ?? section.base,
    head: options.settings['head'] ?? section.head,
    maxFileBytes: section['max-file-size'] ?? DEFAULT_MAX_FILE_BYTES,
    exclude: [...(section.exclude ?? []), ...(section.allowlist?.paths ?? [])],
    gitleaksConfig: section['gitleaks-config'],
    gitleaksIgnore: section['gitleaks-ignore'],
    toolTimeoutMs: (section['tool-timeout'] ?? DEFAULT_TOOL_TIMEOUT_SECONDS) * 1000,
    customRules: (section.rules ?? []).map((rule, index) => compileCustomRule(rule, file, index, keywordTotal)),
    allowRegexes: (section.allowlist?.regexes ?? []).map((source, index) => compileRe2(source, file, `secrets.allowlist.regexes[${index}]`)),
    stopwords: (section.allowlist?.stopwords ?? []).map((word) => word.toLowerCase())
  };
}

function compileCustomRule(rule: NonNullable<SecretsSection['rules']>[number], file: string, index: number, keywordTotal: { characters: number }): CompiledRule {
  const pattern = compileRe2(rule.regex, file, `secrets.rules[${index}].regex`);
  const budget = new MatchBudget();
  const group = rule['secret-group'];
  if (group !== undefined && group > pattern.groupCount()) {
    throw new ConfigurationError(`${file}: secrets.rules[${index}].secret-group is ${group}, but the regex has ${pattern.groupCount()} group(s).`);
  }
  const compiled: CompiledRule = {
    id: rule.id,
    title: rule.title ?? rule.id,
    severity: rule.severity ?? 'high',
    keywords: ruleKeywords(rule.keywords, file, `secrets.rules[${index}].keywords`, keywordTotal),
    minEntropy: rule.entropy,
    source: file,
    budget,
    matches: (text: string) => re2Matches(pattern, text, group, compiled.budget),
    allows: (_candidate: Candidate) => false
  };
  return compiled;
}
