/// <reference path="./plugins.d.ts" />
// Must come first: it defines the CommonJS globals the TypeScript parser reads when it loads.
import './commonjs-globals.js';

import path from 'node:path';

import { toRepoPath, type Finding, type Logger, type ScanProgress, type Suppression } from '@devsecops/core';
import microsoftSdl from '@microsoft/eslint-plugin-sdl';
import * as typescriptParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import security from 'eslint-plugin-security';

import { DEFAULT_RULES, type BundledRule } from './eslint-rules.js';
import { collectSourceFiles, type SkippedCounts } from './source-files.js';
import { enrichTaxonomy } from './taxonomy.js';

export const ESLINT_TOOL_NAME = 'ESLint';

/**
 * The plugins, imported statically and registered as objects, so the ncc bundle contains them
 * and ESLint never resolves a plugin by name from the scanned repository.
 */
export const ESLINT_PLUGINS: Record<string, ESLint.Plugin> = {
  security,
  '@microsoft/sdl': microsoftSdl,
  'no-unsanitized': noUnsanitized
};

/**
 * The TypeScript parser as a plain object. Its module sets `__esModule` without a default
 * export, so a default import is undefined in the ncc bundle and ESLint would silently fall
 * back to espree; the namespace import works both bundled and under Node.
 */
const TYPESCRIPT_PARSER: Linter.Parser = { meta: typescriptParser.meta, parseForESLint: typescriptParser.parseForESLint } as Linter.Parser;

const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

export interface EslintEngineOptions {
  workspace: string;
  target: string;
  logger: Logger;
  /** Rules to run; default DEFAULT_RULES. */
  rules?: readonly BundledRule[];
  /** Repository-relative glob patterns of files to leave out. */
  exclude?: readonly string[];
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
}

export interface EslintEngineResult {
  findings: Finding[];
  warnings: string[];
  stats: {
    files: number;
    bytes: number;
    parseErrors: number;
    ruleCrashes: number;
    skippedDirectories: number;
    skippedMinified: number;
    skippedLarge: number;
    skippedExcluded: number;
    skippedLinks: number;
    skippedIgnored: number;
  };
}

/**
 * Builds the flat config of the bundled engine: the security rules for every JavaScript and
 * TypeScript file, TypeScript parsed by @typescript-eslint/parser, JSX enabled everywhere.
 * `sourceType` applies to `.js` and `.jsx`; `.mjs` is always a module and `.cjs` CommonJS.
 */
export function eslintConfig(rules: readonly BundledRule[], sourceType: 'module' | 'commonjs' = 'module'): Linter.Config[] {
  const ruleEntries: Linter.RulesRecord = Object.fromEntries(rules.map((rule) => [rule.id, rule.options ? ['warn', ...rule.options] : 'warn']));
  return [
    {
      files: [...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES],
      plugins: ESLINT_PLUGINS,
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        parserOptions: { ecmaFeatures: { jsx: true } }
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: ruleEntries
    },
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: TYPESCRIPT_FILES,
      languageOptions: { parser: TYPESCRIPT_PARSER, parserOptions: { ecmaFeatures: { jsx: true } } }
    }
  ];
}

/**
 * Runs the bundled ESLint engine on the JavaScript and TypeScript files under the target.
 * A `.js` file that does not parse as a module is parsed again as CommonJS. Files that still
 * do not parse are counted and named in a warning; they never stop the scan.
 */
export async function runEslintEngine(options: EslintEngineOptions): Promise<EslintEngineResult> {
  const rules = options.rules ?? DEFAULT_RULES;
  const walk = await collectSourceFiles({ workspace: options.workspace, target: options.target, exclude: options.exclude });
  const linters = new LinterCache(options.workspace);
  const crashes: string[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));

  const findings: Finding[] = [];
  const warnings: string[] = [];
  const unparsed: string[] = [];
  let bytes = 0;

  const lintFile = async (text: string, filePath: string, sourceType: 'module' | 'commonjs'): Promise<ESLint.LintResult | undefined> => {
    const skippedRules = new Set<string>();
    for (;;) {
      const linter = linters.get(rules, sourceType, skippedRules);
      try {
        return (await linter.lintText(text, { filePath }))[0];
      } catch (error) {
        const crashed = crashedRule(error);
        if (!crashed || skippedRules.has(crashed) || skippedRules.size >= MAX_CRASHED_RULES) {
          throw error;
        }
        crashes.push(`${crashed} on ${toRepoPath(options.workspace, filePath) ?? filePath}`);
        skippedRules.add(crashed);
      }
    }
  };

  for (const [index, file] of walk.files.entries()) {
    options.signal?.throwIfAborted();
    const asModule = await lintFile(file.text, file.absolute, 'module');
    let result = asModule;
    if (asModule && hasFatal(asModule) && /\.jsx?$/i.test(file.path)) {
      const asCommonjs = await lintFile(file.text, file.absolute, 'commonjs');
      // When both fail, the module parser's error is the one worth showing.
      result = asCommonjs && !hasFatal(asCommonjs) ? asCommonjs : asModule;
    }
    bytes += file.bytes;
    options.onProgress?.({ files: index + 1, bytes, current: file.path });
    if (!result) {
      continue;
    }
    if (hasFatal(result)) {
      const fatal = result.messages.find((message) => message.fatal);
      unparsed.push(`${file.path}:${fatal?.line ?? 1}: ${fatal?.message ?? 'parsing failed'}`);
      continue;
    }
    findings.push(...findingsOf(result, file.path, byId, linters.get(rules, 'module', new Set())));
  }

  if (crashes.length > 0) {
    warnings.push(`${crashes.length} ESLint rule crash(es); each file was linted again without the rule: ${crashes.slice(0, 10).join('; ')}${crashes.length > 10 ? '; …' : ''}`);
  }
  if (unparsed.length > 0) {
    warnings.push(`ESLint could not parse ${unparsed.length} file(s), which were not scanned: ${unparsed.slice(0, 10).join('; ')}${unparsed.length > 10 ? '; …' : ''}`);
  }
  options.logger.info(`ESLint: ${walk.files.length} file(s) linted, ${findings.length} finding(s); ${describeSkipped(walk.skipped)}.`);
  return {
    findings,
    warnings,
    stats: {
      files: walk.files.length,
      bytes,
      parseErrors: unparsed.length,
      ruleCrashes: crashes.length,
      skippedDirectories: walk.skipped.directories,
      skippedMinified: walk.skipped.minified,
      skippedLarge: walk.skipped.large,
      skippedExcluded: walk.skipped.excluded,
      skippedLinks: walk.skipped.links,
      skippedIgnored: walk.skipped.ignored
    }
  };
}

/** Rules skipped on one file before its crash is reported as an error of the engine. */
const MAX_CRASHED_RULES = 3;

/** One ESLint instance per source type and set of rules skipped after a crash, created when first needed. */
class LinterCache {
  private readonly linters = new Map<string, ESLint>();

  constructor(private readonly workspace: string) {}

  get(rules: readonly BundledRule[], sourceType: 'module' | 'commonjs', skipped: ReadonlySet<string>): ESLint {
    const key = `${sourceType}|${[...skipped].sort().join(',')}`;
    let linter = this.linters.get(key);
    if (!linter) {
      linter = new ESLint({
        cwd: path.resolve(this.workspace),
        overrideConfigFile: true,
        overrideConfig: eslintConfig(
          rules.filter((rule) => !skipped.has(rule.id)),
          sourceType
        ),
        ignore: false,
        cache: false
      });
      this.linters.set(key, linter);
    }
    return linter;
  }
}

/**
 * Returns the rule that threw, from the message ESLint adds to an exception from a rule
 * ("Occurred while linting FILE:LINE" then `Rule: "ID"`), or undefined for other errors.
 */
function crashedRule(error: unknown): string | undefined {
  // Duck-typed, because an error from another realm (as under jest) fails `instanceof Error`.
  const message = typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as { message: string }).message : '';
  return /\nRule: "([^"]+)"/.exec(message)?.[1];
}

function hasFatal(result: ESLint.LintResult): boolean {
  return result.fatalErrorCount > 0 || result.messages.some((message) => message.fatal);
}

/** Turns one file's messages, and the ones its `eslint-disable` comments suppressed, into findings. */
function findingsOf(result: ESLint.LintResult, repoPath: string, byId: Map<string, BundledRule>, linter: ESLint): Finding[] {
  const meta = linter.getRulesMetaForResults([result]);
  const findings: Finding[] = [];
  const add = (message: Linter.LintMessage, suppression?: Suppression): void => {
    const rule = message.ruleId ? byId.get(message.ruleId) : undefined;
    if (!rule) {
      return;
    }
    const finding = findingOf(message, rule, repoPath, meta[rule.id]);
    if (suppression) {
      finding.suppression = suppression;
    }
    findings.push(finding);
  };

  result.messages.forEach((message) => add(message));
  for (const message of result.suppressedMessages) {
    const justification = message.suppressions.map((entry) => entry.justification).find((text) => text.trim() !== '');
    add(message, justification ? { kind: 'inline', justification, source: `${repoPath}:${message.line}` } : { kind: 'inline', source: `${repoPath}:${message.line}` });
  }
  return findings;
}

function findingOf(message: Linter.LintMessage, rule: BundledRule, repoPath: string, meta: ESLint.LintResultData['rulesMeta'][string] | undefined): Finding {
  const finding: Finding = {
    tools: [ESLINT_TOOL_NAME],
    engine: `ESLint ${ESLint.version}`,
    category: 'sast',
    rule: { id: rule.id, name: rule.id, helpUri: meta?.docs?.url ?? coreRuleUri(rule.id) },
    severity: rule.severity,
    message: message.message,
    location: {
      path: repoPath,
      startLine: message.line,
      endLine: message.endLine ?? message.line,
      startColumn: message.column,
      ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {})
    },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: '',
    controls: []
  };
  if (meta?.docs?.description) {
    finding.rule.description = meta.docs.description;
  }
  return enrichTaxonomy(finding);
}

function coreRuleUri(ruleId: string): string | undefined {
  return ruleId.includes('/') ? undefined : `https://eslint.org/docs/latest/rules/${ruleId}`;
}

export function describeSkipped(skipped: SkippedCounts): string {
  return `skipped ${skipped.directories} folder(s) (node_modules, dist, …), ${skipped.minified} minified file(s), ${skipped.large} file(s) over 1 MiB, ${skipped.excluded} excluded file(s), ${skipped.links} symbolic link(s), ${skipped.ignored} left out by .gitignore`;
}
