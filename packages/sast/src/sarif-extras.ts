import path from 'node:path';

import { resolveArtifactUri, type ArtifactLocation, type UriResolutionContext } from '@devsecops/core';

import { isObject, optionalString, stringsOf, type JsonObject } from './report-context.js';

/** Code flows kept per result, and steps kept per thread flow; the rest are counted by core's reader. */
export const MAX_CODE_FLOWS = 10;
export const MAX_FLOW_STEPS = 100;
const MAX_STEP_MESSAGE_LENGTH = 200;

/** One step of a code flow, from source to sink. */
export interface CodeFlowStep {
  path?: string;
  startLine?: number;
  startColumn?: number;
  message?: string;
}

export interface SarifResultExtra {
  /** Tags of the result's rule and of the result, such as `external/cwe/cwe-079` or `OWASP-A03:2021 - Injection`. */
  tags: string[];
  /** Every thread flow of the result's code flows, as steps; absent when it has none. */
  codeFlows?: CodeFlowStep[][];
}

/**
 * Reads what core's SARIF reader leaves out: rule tags (for OWASP categories) and the full
 * steps of code flows, which CodeQL and Snyk Code write from source to sink. Returns one entry
 * per result that reports a problem, in the order core's `parseSarif` returns findings: results
 * of kind `pass` and `notApplicable` are skipped in both.
 */
export function sarifResultExtras(log: JsonObject, workspace: string): SarifResultExtra[] {
  const extras: SarifResultExtra[] = [];
  for (const run of Array.isArray(log.runs) ? log.runs : []) {
    if (!isObject(run)) {
      continue;
    }
    const rules = ruleLookup(run);
    const uris: UriResolutionContext = { workspace: path.resolve(workspace), originalUriBaseIds: run.originalUriBaseIds, artifacts: run.artifacts, cache: new Map() };
    for (const result of Array.isArray(run.results) ? run.results : []) {
      if (!isObject(result) || result.kind === 'pass' || result.kind === 'notApplicable') {
        continue;
      }
      const rule = rules(result);
      const tags = [...stringsOf(isObject(rule?.properties) ? rule.properties.tags : undefined), ...stringsOf(isObject(result.properties) ? result.properties.tags : undefined)];
      const codeFlows = codeFlowSteps(result.codeFlows, uris);
      extras.push(codeFlows ? { tags, codeFlows } : { tags });
    }
  }
  return extras;
}

/** Finds a result's rule by `ruleIndex`/`rule.index` in the driver, else by id in the driver and extensions. */
function ruleLookup(run: JsonObject): (result: JsonObject) => JsonObject | undefined {
  const tool = isObject(run.tool) ? run.tool : {};
  const components = [tool.driver, ...(Array.isArray(tool.extensions) ? tool.extensions : [])].filter(isObject);
  const driverRules = isObject(tool.driver) && Array.isArray(tool.driver.rules) ? tool.driver.rules : [];
  const byId = new Map<string, JsonObject>();
  for (const component of components) {
    for (const rule of Array.isArray(component.rules) ? component.rules : []) {
      if (isObject(rule) && typeof rule.id === 'string' && !byId.has(rule.id)) {
        byId.set(rule.id, rule);
      }
    }
  }
  return (result) => {
    const reference = isObject(result.rule) ? result.rule : undefined;
    const index = typeof reference?.index === 'number' ? reference.index : typeof result.ruleIndex === 'number' ? result.ruleIndex : undefined;
    if (index !== undefined && reference?.toolComponent === undefined && isObject(driverRules[index])) {
      return driverRules[index] as JsonObject;
    }
    const id = optionalString(result.ruleId) ?? optionalString(reference?.id);
    return id !== undefined ? byId.get(id) : undefined;
  };
}

function codeFlowSteps(codeFlows: unknown, uris: UriResolutionContext): CodeFlowStep[][] | undefined {
  if (!Array.isArray(codeFlows) || codeFlows.length === 0) {
    return undefined;
  }
  const flows: CodeFlowStep[][] = [];
  for (const codeFlow of codeFlows) {
    for (const threadFlow of isObject(codeFlow) && Array.isArray(codeFlow.threadFlows) ? codeFlow.threadFlows : []) {
      if (flows.length >= MAX_CODE_FLOWS) {
        return flows;
      }
      const locations = isObject(threadFlow) && Array.isArray(threadFlow.locations) ? threadFlow.locations : [];
      flows.push(locations.slice(0, MAX_FLOW_STEPS).map((step) => flowStep(step, uris)));
    }
  }
  return flows.length > 0 ? flows : undefined;
}

/** Resolves one step; a path outside the workspace is left out of the step, never read. */
function flowStep(threadFlowLocation: unknown, uris: UriResolutionContext): CodeFlowStep {
  const step: CodeFlowStep = {};
  const location = isObject(threadFlowLocation) && isObject(threadFlowLocation.location) ? threadFlowLocation.location : undefined;
  const physical = location && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
  if (physical && isObject(physical.artifactLocation)) {
    const resolution = resolveArtifactUri(physical.artifactLocation as ArtifactLocation, uris);
    if (resolution.kind === 'path') {
      step.path = resolution.path;
      const region = isObject(physical.region) ? physical.region : {};
      if (typeof region.startLine === 'number' && region.startLine > 0) {
        step.startLine = region.startLine;
      }
      if (typeof region.startColumn === 'number' && region.startColumn > 0) {
        step.startColumn = region.startColumn;
      }
    }
  }
  const message = location && isObject(location.message) ? optionalString(location.message.text) : undefined;
  if (message) {
    step.message = message.length > MAX_STEP_MESSAGE_LENGTH ? `${message.slice(0, MAX_STEP_MESSAGE_LENGTH)}…` : message;
  }
  return step;
}
