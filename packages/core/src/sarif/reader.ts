import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { categoryForTool, isCategory } from '../category.js';
import { ReportError } from '../errors.js';
import { parseJsonText } from '../json.js';
import { owaspCategoryOf, type Category, type CodeFlowStep, type Finding, type PackageRef, type SourceLocation, type Suppression } from '../finding.js';
import { severityFromSarif } from '../severity.js';
import type { ArtifactLocation, ReportingDescriptor, ToolComponent } from './types.js';
import { describeArtifactLocation, resolveArtifactUri, type UriResolutionContext } from './uri.js';

/** Largest SARIF file read; bigger files are rejected before they are loaded. */
export const MAX_SARIF_BYTES = 256 * 1024 * 1024;

/** Warnings listed per file; the rest are counted in one closing line. */
export const MAX_WARNINGS_PER_FILE = 50;

/** Rule id given to a result that names no rule in any of the ways SARIF allows. */
export const UNKNOWN_RULE_ID = 'unknown-rule';

/** Maximum length of a snippet kept on a finding, in UTF-16 code units. */
const MAX_SNIPPET_LENGTH = 4000;

/** Maximum length of a code-flow step message kept in `finding.properties`. */
const MAX_STEP_MESSAGE_LENGTH = 200;

/** Thread flows kept per result in `properties.codeFlows`. `codeFlowCount` still counts every code flow. */
export const MAX_THREAD_FLOWS = 10;

/** Steps kept per thread flow in `properties.codeFlows`. `dataFlow.stepCount` still counts every step of the first one. */
export const MAX_FLOW_STEPS = 100;

export interface SarifReadOptions {
  /** Repository root; locations are resolved inside it and dropped when outside. */
  workspace: string;
  /** Label used in messages, default: the path as given. */
  displayName?: string;
}

export interface SarifReadResult {
  /** One per result that reports a problem. */
  findings: Finding[];
  /** Results of kind `pass` or `notApplicable`; findings.length + skipped is the result count. */
  skipped: number;
  /** Problems with single results that do not reject the file, each naming the file and result. */
  warnings: string[];
}

type JsonObject = Record<string, unknown>;

/** Reads a SARIF file from disk; see `parseSarif`. An unreadable or oversized file is a ReportError. */
export async function readSarifFile(file: string, options: SarifReadOptions): Promise<SarifReadResult> {
  const text = await readReportText(file, options.displayName ?? file, 'SARIF file');
  return parseSarif(text, file, options);
}

/**
 * Reads a report file as UTF-8 text for any adapter. Throws ReportError, labelled `label`, for
 * a path that is not a regular file, a file over MAX_SARIF_BYTES, or a read error.
 */
export async function readReportText(file: string, label: string, kind = 'report'): Promise<string> {
  try {
    const stats = await stat(file);
    if (!stats.isFile()) {
      throw new ReportError(label, 'is not a regular file');
    }
    if (stats.size > MAX_SARIF_BYTES) {
      throw new ReportError(label, `is ${stats.size} bytes, more than the ${MAX_SARIF_BYTES / (1024 * 1024)} MiB limit for a ${kind}`);
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ReportError) {
      throw error;
    }
    // Node's message already starts with the code, such as "ENOENT: no such file or directory".
    throw new ReportError(label, `cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Turns the text of a SARIF 2.1.0 log into findings. Throws ReportError, naming the file and
 * the place in it, when the file is not usable as a whole: invalid JSON, another SARIF
 * version, a missing `runs`, a run without a driver name, or `results` that is not an array.
 * Problems with one result (a location outside the workspace, an unresolvable uri) drop only
 * that location and are listed in `warnings`.
 */
export function parseSarif(text: string, file: string, options: SarifReadOptions): SarifReadResult {
  const label = options.displayName ?? file;
  if (text.length > MAX_SARIF_BYTES) {
    throw new ReportError(label, `is more than the ${MAX_SARIF_BYTES / (1024 * 1024)} MiB limit for a SARIF file`);
  }

  const log = parseJson(text, label);
  const runs = checkLog(log, label);
  const reader = new LogReader(label, file, path.resolve(options.workspace));
  runs.forEach((run, runIndex) => reader.readRun(run, runIndex));
  return reader.finish();
}

function parseJson(text: string, label: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new ReportError(label, 'is empty; expected a SARIF 2.1.0 JSON log');
  }
  return parseJsonText(body, label);
}

function checkLog(log: unknown, label: string): unknown[] {
  if (!isObject(log)) {
    throw new ReportError(label, `is not a SARIF log: expected a JSON object with "version" and "runs", got ${typeName(log)}`);
  }
  if (log.version === undefined && log.runs === undefined) {
    throw new ReportError(label, 'is not a SARIF log: it has neither "version" nor "runs"');
  }
  if (log.version === undefined) {
    throw new ReportError(label, 'version is missing; expected "2.1.0"');
  }
  if (typeof log.version !== 'string') {
    throw new ReportError(label, `version must be the string "2.1.0", got ${typeName(log.version)}`);
  }
  if (log.version !== '2.1.0') {
    throw new ReportError(label, `version ${JSON.stringify(log.version)} is not supported; expected "2.1.0"`);
  }
  if (log.runs === undefined) {
    const schema = typeof log.$schema === 'string' ? log.$schema : '';
    const hint = /external-propert/i.test(schema)
      ? ': this is a SARIF external property file, not a SARIF log'
      : '; expected an array of runs ([] for a log with no runs)';
    throw new ReportError(label, `runs is missing${hint}`);
  }
  if (!Array.isArray(log.runs)) {
    throw new ReportError(label, `runs must be an array, got ${typeName(log.runs)}`);
  }
  return log.runs;
}

/** The tool components of one run: index 0 is the driver, then `tool.extensions` in order. */
interface RuleTable {
  driver: JsonObject;
  extensions: JsonObject[];
  byId: WeakMap<JsonObject, Map<string, JsonObject>>;
}

interface RunContext {
  runIndex: number;
  toolName: string;
  engine?: string;
  category: Category;
  rules: RuleTable;
  uris: UriResolutionContext;
}

class LogReader {
  private readonly findings: Finding[] = [];
  private readonly warnings: string[] = [];
  private unlistedWarnings = 0;
  private skipped = 0;

  constructor(
    private readonly label: string,
    private readonly file: string,
    private readonly workspace: string
  ) {}

  readRun(run: unknown, runIndex: number): void {
    const context = this.runContext(run, runIndex);
    const results = (run as JsonObject).results;
    if (results === undefined) {
      return;
    }
    if (!Array.isArray(results)) {
      throw new ReportError(this.label, `runs[${runIndex}].results must be an array, got ${typeName(results)}`);
    }

    for (let resultIndex = 0; resultIndex < results.length; resultIndex += 1) {
      const result: unknown = results[resultIndex];
      if (!isObject(result)) {
        throw new ReportError(this.label, `runs[${runIndex}].results[${resultIndex}] must be an object, got ${typeName(result)}`);
      }
      if (result.kind === 'pass' || result.kind === 'notApplicable') {
        this.skipped += 1;
        continue;
      }
      this.findings.push(this.readResult(result, `runs[${runIndex}].results[${resultIndex}]`, context));
    }
  }

  finish(): SarifReadResult {
    if (this.unlistedWarnings > 0) {
      this.warnings.push(`${this.label}: ${this.unlistedWarnings} more warnings like these were not listed`);
    }
    return { findings: this.findings, skipped: this.skipped, warnings: this.warnings };
  }

  private warn(place: string, message: string): void {
    if (this.warnings.length < MAX_WARNINGS_PER_FILE) {
      this.warnings.push(`${this.label}: ${place}: ${message}`);
    } else {
      this.unlistedWarnings += 1;
    }
  }

  private runContext(run: unknown, runIndex: number): RunContext {
    const place = `runs[${runIndex}]`;
    if (!isObject(run)) {
      throw new ReportError(this.label, `${place} must be an object, got ${typeName(run)}`);
    }
    const tool = run.tool;
    const driver = isObject(tool) ? tool.driver : undefined;
    if (!isObject(driver)) {
      throw new ReportError(this.label, `${place}.tool.driver is missing; every run must name the tool that produced it`);
    }
    if (typeof driver.name !== 'string' || driver.name.trim() === '') {
      throw new ReportError(this.label, `${place}.tool.driver.name is missing; expected a non-empty string, got ${JSON.stringify(driver.name ?? null)}`);
    }

    const toolName = driver.name;
    const runCategory = isObject(run.properties) ? run.properties.category : undefined;
    const extensions = isObject(tool) && Array.isArray(tool.extensions) ? tool.extensions.map((extension) => (isObject(extension) ? extension : {})) : [];
    return {
      runIndex,
      toolName,
      engine: engineName(driver as ToolComponent),
      category: isCategory(runCategory) ? runCategory : categoryForTool(toolName),
      rules: { driver, extensions, byId: new WeakMap() },
      uris: { workspace: this.workspace, originalUriBaseIds: run.originalUriBaseIds, artifacts: run.artifacts, cache: new Map() }
    };
  }

  private readResult(result: JsonObject, place: string, context: RunContext): Finding {
    const { descriptor, component, id } = findRule(result, context.rules);
    const properties = isObject(result.properties) ? result.properties : undefined;
    const ruleProperties = descriptor && isObject(descriptor.properties) ? descriptor.properties : undefined;

    const finding: Finding = {
      tools: [context.toolName],
      category: context.category,
      rule: ruleOf(id, descriptor),
      severity: severityFromSarif({
        level: stringOrUndefined(result.level),
        kind: stringOrUndefined(result.kind),
        ruleDefaultLevel: isObject(descriptor?.defaultConfiguration) ? stringOrUndefined(descriptor.defaultConfiguration.level) : undefined,
        toolName: context.toolName,
        properties,
        ruleProperties
      }),
      message: messageOf(result.message, descriptor, component, id),
      cwes: cweIds(descriptor, properties, ruleProperties),
      vulnerabilityIds: vulnerabilityIds(id, descriptor, properties, ruleProperties),
      fingerprint: '',
      controls: [],
      sourceFile: this.file
    };
    if (context.engine) {
      finding.engine = context.engine;
    }

    this.placeFinding(finding, result, place, context);

    const packageRef = packageOf(ruleProperties) ?? packageOf(properties);
    if (packageRef) {
      finding.package = packageRef;
    }
    const suppression = suppressionOf(result.suppressions);
    if (suppression) {
      finding.suppression = suppression;
    }
    const partialFingerprints = stringRecord(result.partialFingerprints);
    if (partialFingerprints) {
      finding.partialFingerprints = partialFingerprints;
    }
    const extras = flowProperties(result, context.uris);
    if (extras) {
      finding.properties = extras;
    }
    // The one result property kept as it is: the OWASP category this suite's writer adds.
    const owasp = owaspCategoryOf(properties);
    if (owasp) {
      finding.properties = { ...finding.properties, owasp };
    }
    return finding;
  }

  /** Sets `location` or `url` from the first physical location, or warns why it was dropped. */
  private placeFinding(finding: Finding, result: JsonObject, place: string, context: RunContext): void {
    const physical = primaryPhysicalLocation(result.locations);
    if (!physical) {
      return;
    }
    const artifactLocation = physical.artifactLocation as ArtifactLocation;
    const resolution = resolveArtifactUri(artifactLocation, context.uris);

    switch (resolution.kind) {
      case 'path':
        finding.location = { path: resolution.path, ...regionOf(physical.region, context.category) };
        return;
      case 'url':
        finding.url = resolution.url;
        return;
      case 'outside':
      case 'invalid':
        this.warn(place, `location ${printable(describeArtifactLocation(artifactLocation))} ${resolution.reason}; the location was dropped`);
        return;
    }
  }
}

function engineName(driver: ToolComponent): string | undefined {
  if (typeof driver.fullName === 'string' && driver.fullName !== '' && driver.fullName !== driver.name) {
    return driver.fullName;
  }
  const version = stringOrUndefined(driver.semanticVersion) ?? stringOrUndefined(driver.version);
  return version ? `${driver.name} ${version}` : undefined;
}

/**
 * Finds a result's rule: `rule.index` or `ruleIndex` into the rules of the driver or of the
 * extension that `rule.toolComponent` names, else the rule whose id matches.
 */
function findRule(result: JsonObject, table: RuleTable): { descriptor?: ReportingDescriptor & JsonObject; component?: JsonObject; id: string } {
  const reference = isObject(result.rule) ? result.rule : undefined;
  const component = componentOf(reference?.toolComponent, table);
  const rules = component && Array.isArray(component.rules) ? (component.rules as unknown[]) : [];

  const index = integerOrUndefined(reference?.index) ?? integerOrUndefined(result.ruleIndex);
  let descriptor = index !== undefined && index >= 0 ? rules[index] : undefined;
  const id = stringOrUndefined(result.ruleId) ?? stringOrUndefined(reference?.id) ?? (isObject(descriptor) ? stringOrUndefined(descriptor.id) : undefined);
  if (!isObject(descriptor) && id !== undefined && component) {
    descriptor = rulesById(component, table).get(id);
  }

  return {
    descriptor: isObject(descriptor) ? (descriptor as ReportingDescriptor & JsonObject) : undefined,
    component,
    id: id ?? UNKNOWN_RULE_ID
  };
}

function componentOf(reference: unknown, table: RuleTable): JsonObject | undefined {
  if (!isObject(reference)) {
    return table.driver;
  }
  const index = integerOrUndefined(reference.index);
  if (index !== undefined) {
    return table.extensions[index];
  }
  if (typeof reference.name === 'string') {
    return reference.name === table.driver.name ? table.driver : table.extensions.find((extension) => extension.name === reference.name);
  }
  return table.driver;
}

/** Builds the id index of a component's rules once, so lookups stay linear in the result count. */
function rulesById(component: JsonObject, table: RuleTable): Map<string, JsonObject> {
  let byId = table.byId.get(component);
  if (!byId) {
    byId = new Map();
    for (const rule of Array.isArray(component.rules) ? component.rules : []) {
      if (isObject(rule) && typeof rule.id === 'string' && !byId.has(rule.id)) {
        byId.set(rule.id, rule);
      }
    }
    table.byId.set(component, byId);
  }
  return byId;
}

function ruleOf(id: string, descriptor: ReportingDescriptor | undefined): Finding['rule'] {
  const rule: Finding['rule'] = { id };
  const name = stringOrUndefined(descriptor?.name);
  const helpUri = stringOrUndefined(descriptor?.helpUri);
  const description = textOf(descriptor?.shortDescription);
  if (name) {
    rule.name = name;
  }
  if (helpUri) {
    rule.helpUri = helpUri;
  }
  if (description) {
    rule.description = description;
  }
  return rule;
}

/**
 * Returns `message.text`, or the message string that `message.id` names (in the rule, then
 * the component's `globalMessageStrings`) with `{n}` placeholders filled from `arguments`,
 * else the rule's short description, else the rule id.
 */
function messageOf(message: unknown, descriptor: ReportingDescriptor | undefined, component: JsonObject | undefined, ruleId: string): string {
  if (isObject(message)) {
    const text = stringOrUndefined(message.text);
    if (text) {
      return text;
    }
    const id = stringOrUndefined(message.id);
    if (id !== undefined) {
      const template = lookupMessageString(descriptor?.messageStrings, id) ?? lookupMessageString(component?.globalMessageStrings, id);
      if (template !== undefined) {
        return fillArguments(template, Array.isArray(message.arguments) ? message.arguments : []);
      }
    }
  }
  return textOf(descriptor?.shortDescription) ?? ruleId;
}

function lookupMessageString(strings: unknown, id: string): string | undefined {
  if (!isObject(strings) || !Object.hasOwn(strings, id)) {
    return undefined;
  }
  return textOf(strings[id]);
}

/** Fills SARIF `{0}` placeholders; `{{` and `}}` are literal braces (SARIF 3.11.5). */
export function fillArguments(template: string, args: unknown[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index: string | undefined) => {
    if (match === '{{') {
      return '{';
    }
    if (match === '}}') {
      return '}';
    }
    const value = args[Number(index)];
    return value === undefined || value === null ? match : String(value);
  });
}

function primaryPhysicalLocation(locations: unknown): JsonObject | undefined {
  if (!Array.isArray(locations)) {
    return undefined;
  }
  for (const location of locations) {
    if (isObject(location) && isObject(location.physicalLocation) && isObject(location.physicalLocation.artifactLocation)) {
      return location.physicalLocation;
    }
  }
  return undefined;
}

function regionOf(region: unknown, category: Category): Omit<SourceLocation, 'path'> {
  if (!isObject(region)) {
    return {};
  }
  const result: Omit<SourceLocation, 'path'> = {};
  const startLine = positiveInteger(region.startLine);
  const endLine = positiveInteger(region.endLine);
  const startColumn = positiveInteger(region.startColumn);
  const endColumn = positiveInteger(region.endColumn);
  if (startLine !== undefined) {
    result.startLine = startLine;
    // SARIF 3.30.7: endLine defaults to startLine.
    result.endLine = endLine !== undefined && endLine >= startLine ? endLine : startLine;
  }
  if (startColumn !== undefined) {
    result.startColumn = startColumn;
  }
  if (endColumn !== undefined) {
    result.endColumn = endColumn;
  }

  // A secret scanner's snippet contains the secret itself, so it is never kept.
  const snippet = isObject(region.snippet) ? stringOrUndefined(region.snippet.text) : undefined;
  if (snippet !== undefined && category !== 'secrets') {
    result.snippet = snippet.length > MAX_SNIPPET_LENGTH ? snippet.slice(0, MAX_SNIPPET_LENGTH) : snippet;
  }
  return result;
}

/** A SARIF suppression applies unless its status is `underReview` or `rejected`. */
function suppressionOf(suppressions: unknown): Suppression | undefined {
  if (!Array.isArray(suppressions)) {
    return undefined;
  }
  for (const entry of suppressions) {
    if (isObject(entry) && (entry.status === undefined || entry.status === 'accepted')) {
      const justification = stringOrUndefined(entry.justification);
      return justification ? { kind: 'sarif', justification } : { kind: 'sarif' };
    }
  }
  return undefined;
}

const CWE_PATTERN = /\bcwe[-_:/ ]*0*(\d{1,6})\b/gi;
const CWE_KEYS = ['tags', 'cwe', 'cwes', 'CWE', 'cwe_ids', 'cweIds'];

/** Collects CWE ids from tags and `cwe` properties of the rule and result, as `CWE-79`. */
function cweIds(descriptor: ReportingDescriptor | undefined, properties: JsonObject | undefined, ruleProperties: JsonObject | undefined): string[] {
  const found = new Set<string>();
  const add = (text: string): void => {
    for (const match of text.matchAll(CWE_PATTERN)) {
      found.add(`CWE-${Number(match[1])}`);
    }
  };

  for (const bag of [ruleProperties, properties]) {
    for (const key of CWE_KEYS) {
      stringsOf(bag?.[key]).forEach(add);
    }
  }
  for (const relationship of Array.isArray(descriptor?.relationships) ? descriptor.relationships : []) {
    const target = isObject(relationship) && isObject(relationship.target) ? relationship.target : undefined;
    const taxonomy = target && isObject(target.toolComponent) ? stringOrUndefined(target.toolComponent.name) : undefined;
    const id = stringOrUndefined(target?.id);
    if (taxonomy && /^cwe$/i.test(taxonomy) && id) {
      add(/^\d+$/.test(id) ? `CWE-${id}` : id);
    }
  }
  return [...found];
}

const CVE_PATTERN = /\bCVE-\d{4}-\d{4,}\b/gi;
const GHSA_PATTERN = /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi;
const VULNERABILITY_KEYS = ['tags', 'cve', 'cves', 'ghsa', 'aliases', 'identifiers', 'vulnerabilityId', 'vulnerabilityIds', 'vulnerability_id'];

/** Collects CVE and GHSA ids from the rule id, rule name and identifier-like properties. */
function vulnerabilityIds(ruleId: string, descriptor: ReportingDescriptor | undefined, properties: JsonObject | undefined, ruleProperties: JsonObject | undefined): string[] {
  const found = new Set<string>();
  const add = (text: string): void => {
    for (const match of text.matchAll(CVE_PATTERN)) {
      found.add(match[0].toUpperCase());
    }
    for (const match of text.matchAll(GHSA_PATTERN)) {
      found.add(`GHSA${match[0].slice(4).toLowerCase()}`);
    }
  };

  add(ruleId);
  stringsOf(descriptor?.name).forEach(add);
  for (const bag of [ruleProperties, properties]) {
    for (const key of VULNERABILITY_KEYS) {
      stringsOf(bag?.[key]).forEach(add);
    }
  }
  return [...found];
}

/** Reads the first package URL in a `purls` property (as Grype writes), such as `pkg:npm/%40scope/name@1.0.0`. */
function packageOf(properties: JsonObject | undefined): PackageRef | undefined {
  const purl = stringsOf(properties?.purls)[0] ?? stringOrUndefined(properties?.purl);
  const match = purl ? /^pkg:([A-Za-z0-9.+-]+)\/([^@?#]+)(?:@([^?#]+))?/.exec(purl) : null;
  if (!match) {
    return undefined;
  }
  try {
    const name = match[2]!.split('/').map(decodeURIComponent).join('/');
    const packageRef: PackageRef = { name, ecosystem: match[1]!.toLowerCase() };
    if (match[3]) {
      packageRef.version = decodeURIComponent(match[3]);
    }
    return packageRef;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a result's code flow count, the first thread flow's source and sink, and the capped
 * steps of every thread flow. Related locations are only counted, and step paths outside the
 * workspace are left out without a warning.
 */
function flowProperties(result: JsonObject, uris: UriResolutionContext): Record<string, unknown> | undefined {
  const extras: Record<string, unknown> = {};
  const codeFlows = Array.isArray(result.codeFlows) ? result.codeFlows : [];
  const relatedLocations = Array.isArray(result.relatedLocations) ? result.relatedLocations : [];

  if (codeFlows.length > 0) {
    extras.codeFlowCount = codeFlows.length;
    const first = codeFlows[0];
    const threadFlow = isObject(first) && Array.isArray(first.threadFlows) ? first.threadFlows[0] : undefined;
    const steps = isObject(threadFlow) && Array.isArray(threadFlow.locations) ? threadFlow.locations : [];
    if (steps.length > 0) {
      extras.dataFlow = {
        stepCount: steps.length,
        source: withoutColumn(flowStep(steps[0], uris)),
        sink: withoutColumn(flowStep(steps[steps.length - 1], uris))
      };
    }
    const threadFlows = threadFlowSteps(codeFlows, uris);
    if (threadFlows.length > 0) {
      extras.codeFlows = threadFlows;
    }
  }
  if (relatedLocations.length > 0) {
    extras.relatedLocationCount = relatedLocations.length;
  }
  return Object.keys(extras).length > 0 ? extras : undefined;
}

/** Resolves the steps of each thread flow of every code flow, in order. */
function threadFlowSteps(codeFlows: unknown[], uris: UriResolutionContext): CodeFlowStep[][] {
  const flows: CodeFlowStep[][] = [];
  for (const codeFlow of codeFlows) {
    const threadFlows = isObject(codeFlow) && Array.isArray(codeFlow.threadFlows) ? codeFlow.threadFlows : [];
    for (const threadFlow of threadFlows) {
      if (flows.length >= MAX_THREAD_FLOWS) {
        return flows;
      }
      const locations = isObject(threadFlow) && Array.isArray(threadFlow.locations) ? threadFlow.locations : [];
      flows.push(locations.slice(0, MAX_FLOW_STEPS).map((location) => flowStep(location, uris)));
    }
  }
  return flows;
}

/** Returns the step without its column, as `dataFlow` keeps its source and sink. */
function withoutColumn(step: CodeFlowStep): CodeFlowStep {
  const { startColumn: _startColumn, ...rest } = step;
  return rest;
}

function flowStep(threadFlowLocation: unknown, uris: UriResolutionContext): CodeFlowStep {
  const step: CodeFlowStep = {};
  const location = isObject(threadFlowLocation) && isObject(threadFlowLocation.location) ? threadFlowLocation.location : undefined;
  const physical = location && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
  if (physical && isObject(physical.artifactLocation)) {
    const resolution = resolveArtifactUri(physical.artifactLocation as ArtifactLocation, uris);
    if (resolution.kind === 'path') {
      step.path = resolution.path;
      const region = isObject(physical.region) ? physical.region : {};
      const startLine = positiveInteger(region.startLine);
      const startColumn = positiveInteger(region.startColumn);
      if (startLine !== undefined) {
        step.startLine = startLine;
      }
      if (startColumn !== undefined) {
        step.startColumn = startColumn;
      }
    }
  }
  const message = location ? textOf(location.message) : undefined;
  if (message) {
    step.message = message.length > MAX_STEP_MESSAGE_LENGTH ? `${message.slice(0, MAX_STEP_MESSAGE_LENGTH)}…` : message;
  }
  return step;
}

/** Makes report text safe for a one-line log message: control characters escaped, length capped. */
function printable(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > 300 ? `${escaped.slice(0, 300)}…` : escaped;
}

function textOf(message: unknown): string | undefined {
  return isObject(message) ? stringOrUndefined(message.text) || undefined : undefined;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function typeName(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}
