import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import schema from '../../../schema/devsecops.schema.json' with { type: 'json' };
import { ConfigurationError } from './errors.js';
import type { Finding, Severity } from './finding.js';
import { toRepoPath } from './workspace.js';

export const DEFAULT_CONFIG_FILE = '.github/devsecops.yml';

/** Largest config file read, in bytes. A bigger file is rejected because no valid config comes near it. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Top-level sections reserved for the scanner actions. Their content is not validated yet. */
export const CONFIG_SECTIONS = ['sast', 'dast', 'container', 'iac', 'secrets', 'compliance'] as const;

export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter';

export interface RuleSettings {
  severity?: Severity;
  enabled?: boolean;
}

export interface ConfigSuppression {
  /** Rule id or picomatch glob over rule ids. */
  rule: string;
  /** Glob over repository-relative paths. Without it the entry applies to every path. */
  path?: string;
  reason: string;
  /** Last day (UTC) on which the entry applies, as YYYY-MM-DD. */
  expires?: string;
  /** Line of the entry in the config file, 1-based. */
  line: number;
}

/** The parsed `.github/devsecops.yml`. Absent optional keys stay undefined, so inputs can take precedence. */
export interface SuiteConfig {
  failOn?: Severity | 'none';
  filterMode?: FilterMode;
  /** Settings keyed by exact rule id. Look entries up with `ruleSettings`, not by indexing. */
  rules: Record<string, RuleSettings>;
  suppressions: ConfigSuppression[];
  /** The per-category sections (`sast`, `dast`, ...) that are present, as written. */
  sections: Record<string, unknown>;
  /** Repository-relative path of the file read, or undefined when defaults are used. */
  file?: string;
}

interface RawConfig {
  version?: number;
  'fail-on'?: Severity | 'none';
  'filter-mode'?: FilterMode;
  rules?: Record<string, RuleSettings>;
  suppressions?: Array<Omit<ConfigSuppression, 'line'>>;
  [section: string]: unknown;
}

/** One problem in the config file, positioned for sorting into file order. */
interface Problem {
  line: number;
  column: number;
  text: string;
}

type KeySegment = string | number;

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
ajv.addFormat('date', isCalendarDate);
const validateSchema = ajv.compile(schema);

export function defaultConfig(): SuiteConfig {
  return { rules: {}, suppressions: [], sections: {} };
}

/**
 * Parses and validates config text. `file` is the name used in messages. Throws one
 * ConfigurationError that lists every problem found, one per line, in file order.
 */
export function parseConfig(text: string, file: string): SuiteConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: 'core',
    uniqueKeys: false
  });

  const syntaxProblems = [...document.errors, ...document.warnings].map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    const text =
      error.code === 'MULTIPLE_DOCS' ? 'a second YAML document starts here, but the config file must hold only one' : error.message;
    return { line: position.line, column: position.col, text };
  });
  if (syntaxProblems.length > 0) {
    throw problemsError(file, syntaxProblems);
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml package throws when aliases expand past maxAliasCount, which guards against alias bombs.
    throw new ConfigurationError(`${file}: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) {
    return { ...defaultConfig(), file };
  }

  const problems = findDuplicateKeys(document.contents, [], lineCounter);
  if (!validateSchema(value)) {
    for (const error of validateSchema.errors ?? []) {
      problems.push(describeSchemaError(error, value, document, lineCounter));
    }
  }
  if (problems.length > 0) {
    throw problemsError(file, problems);
  }

  return toSuiteConfig(value as RawConfig, file, document, lineCounter);
}

/**
 * Reads the config file from the workspace. Without `file`, a missing
 * `.github/devsecops.yml` means defaults, but a file named explicitly must exist.
 */
export async function loadConfig(options: { workspace: string; file?: string }): Promise<SuiteConfig> {
  const named = options.file?.trim();
  const explicit = named !== undefined && named !== '';
  const requested = explicit ? named : DEFAULT_CONFIG_FILE;

  const repoPath = toRepoPath(options.workspace, requested);
  if (repoPath === undefined) {
    throw new ConfigurationError(
      `Config file "${requested}" is outside the workspace ${options.workspace}. Give a path inside the repository.`
    );
  }

  const text = await readConfigText(options.workspace, repoPath);
  if (text === undefined) {
    if (explicit) {
      throw new ConfigurationError(`Config file "${repoPath}" not found in the workspace ${options.workspace}.`);
    }
    return defaultConfig();
  }
  return parseConfig(text, repoPath);
}

/** Returns the settings for exactly this rule id, or undefined. */
export function ruleSettings(config: SuiteConfig, ruleId: string): RuleSettings | undefined {
  return Object.hasOwn(config.rules, ruleId) ? config.rules[ruleId] : undefined;
}

/** Drops findings of disabled rules and applies severity overrides. The input is not modified. */
export function applyRuleSettings(findings: Finding[], config: SuiteConfig): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const settings = ruleSettings(config, finding.rule.id);
    if (settings?.enabled === false) {
      continue;
    }
    if (settings?.severity !== undefined && settings.severity !== finding.severity) {
      result.push({ ...finding, severity: settings.severity });
    } else {
      result.push(finding);
    }
  }
  return result;
}

async function readConfigText(workspace: string, repoPath: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path.resolve(workspace, repoPath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new ConfigurationError(`Config file "${repoPath}" cannot be read: ${(error as Error).message}`);
  }

  const relative = path.relative(await realpath(workspace), real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ConfigurationError(
      `Config file "${repoPath}" is a link to a path outside the workspace. Give a regular file inside the repository.`
    );
  }

  const stats = await stat(real);
  if (!stats.isFile()) {
    throw new ConfigurationError(`Config file "${repoPath}" is not a regular file.`);
  }
  if (stats.size > MAX_CONFIG_BYTES) {
    throw new ConfigurationError(
      `Config file "${repoPath}" is ${stats.size} bytes, more than the maximum of ${MAX_CONFIG_BYTES}.`
    );
  }
  return readFile(real, 'utf8');
}

function toSuiteConfig(raw: RawConfig, file: string, document: Document, lineCounter: LineCounter): SuiteConfig {
  const config: SuiteConfig = { ...defaultConfig(), file };
  if (raw['fail-on'] !== undefined) {
    config.failOn = raw['fail-on'];
  }
  if (raw['filter-mode'] !== undefined) {
    config.filterMode = raw['filter-mode'];
  }
  if (raw.rules !== undefined) {
    config.rules = raw.rules;
  }

  config.suppressions = (raw.suppressions ?? []).map((entry, index) => {
    const node = locate(document.contents, ['suppressions', index]).node;
    const suppression: ConfigSuppression = { rule: entry.rule, reason: entry.reason.trim(), line: lineOf(node, lineCounter) };
    if (entry.path !== undefined) {
      suppression.path = entry.path;
    }
    if (entry.expires !== undefined) {
      suppression.expires = entry.expires;
    }
    return suppression;
  });

  for (const section of CONFIG_SECTIONS) {
    if (raw[section] !== undefined) {
      config.sections[section] = raw[section];
    }
  }
  return config;
}

function problemsError(file: string, problems: Problem[]): ConfigurationError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  return new ConfigurationError(sorted.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.text}`).join('\n'));
}

/** Lists keys that appear twice in one mapping, because the YAML parser would silently keep the last. */
function findDuplicateKeys(node: unknown, segments: KeySegment[], lineCounter: LineCounter): Problem[] {
  const problems: Problem[] = [];
  if (isMap(node)) {
    const firstLines = new Map<string, number>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        continue;
      }
      const keyPath = [...segments, key];
      const firstLine = firstLines.get(key);
      if (firstLine === undefined) {
        firstLines.set(key, lineOf(pair.key as Node, lineCounter));
      } else {
        const position = positionOf(pair.key as Node, lineCounter);
        problems.push({ ...position, text: `${formatKeyPath(keyPath)}: duplicate key, first defined on line ${firstLine}` });
      }
      problems.push(...findDuplicateKeys(pair.value, keyPath, lineCounter));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      problems.push(...findDuplicateKeys(item, [...segments, index], lineCounter));
    });
  }
  return problems;
}

function describeSchemaError(error: ErrorObject, root: unknown, document: Document, lineCounter: LineCounter): Problem {
  const segments = toKeySegments(error.instancePath, root);
  const located = locate(document.contents, segments);
  const position = positionOf(located.node, lineCounter);
  const value: unknown = error.data;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyNode = locate(document.contents, [...segments, key]).keyNode;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        ...positionOf(keyNode, lineCounter),
        text: `${formatKeyPath([...segments, key])}: unknown key, expected one of ${allowed.join(', ')}`
      };
    }
    case 'required':
      return { ...position, text: `${prefix(segments)}missing required key "${String(params.missingProperty)}"` };
    case 'enum':
      return {
        ...position,
        text: `${prefix(segments)}${quote(value)} is not one of ${(params.allowedValues as unknown[]).join(', ')}`
      };
    case 'const':
      return { ...position, text: `${prefix(segments)}expected ${String(params.allowedValue)}, got ${quote(value)}` };
    case 'type':
      return { ...position, text: `${prefix(segments)}expected ${yamlType(String(params.type))}, got ${describeValue(value)}` };
    case 'minLength':
      return { ...position, text: `${prefix(segments)}must not be empty` };
    case 'maxLength':
      return { ...position, text: `${prefix(segments)}is longer than the maximum of ${String(params.limit)} characters` };
    case 'pattern':
      return { ...position, text: `${prefix(segments)}must not be empty or blank` };
    case 'format':
      return { ...position, text: `${prefix(segments)}${quote(value)} is not a valid date, expected YYYY-MM-DD` };
    default:
      return { ...position, text: `${prefix(segments)}${error.message ?? 'is invalid'}` };
  }
}

/** Converts an ajv JSON pointer into keys and array indexes. */
function toKeySegments(instancePath: string, root: unknown): KeySegment[] {
  if (instancePath === '') {
    return [];
  }
  const segments: KeySegment[] = [];
  let current: unknown = root;
  for (const escaped of instancePath.slice(1).split('/')) {
    const key = escaped.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current = (current as Record<string, unknown>)[key];
    }
  }
  return segments;
}

/** Finds the YAML node at a key path, and the key node of its last step. */
function locate(root: unknown, segments: KeySegment[]): { node: unknown; keyNode: unknown } {
  let node: unknown = root;
  let keyNode: unknown = root;
  for (const segment of segments) {
    if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyNode = node;
    } else if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) {
        break;
      }
      node = pair.value ?? pair.key;
      keyNode = pair.key;
    } else {
      break;
    }
  }
  return { node, keyNode };
}

function positionOf(node: unknown, lineCounter: LineCounter): { line: number; column: number } {
  const offset = (node as Node | null | undefined)?.range?.[0] ?? 0;
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}

function lineOf(node: unknown, lineCounter: LineCounter): number {
  return positionOf(node, lineCounter).line;
}

function prefix(segments: KeySegment[]): string {
  return segments.length === 0 ? '' : `${formatKeyPath(segments)}: `;
}

/** Formats a key path as written in messages: `fail-on`, `suppressions[0].reason`, `rules["js/xss"]`. */
function formatKeyPath(segments: KeySegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (/^[A-Za-z_][\w-]*$/.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text === '' ? '(top level)' : text;
}

function quote(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return describeValue(value);
}

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a sequence';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  if (typeof value === 'string') {
    return `the string ${quote(value)}`;
  }
  return `the ${typeof value} ${String(value)}`;
}

function yamlType(schemaType: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a sequence',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
    integer: 'an integer'
  };
  return names[schemaType] ?? schemaType;
}

/** Checks a YYYY-MM-DD string names a real calendar day, leap years included. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
