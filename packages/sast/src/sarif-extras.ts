import { isObject, optionalString, stringsOf, type JsonObject } from './report-context.js';

/**
 * Reads the tags of each result's rule and of the result, such as `OWASP-A03:2021 - Injection`,
 * which core's reader leaves out. The lists follow `parseSarif`'s findings, so results of kind
 * `pass` and `notApplicable` are skipped as there.
 */
export function sarifResultTags(log: JsonObject): string[][] {
  const tags: string[][] = [];
  for (const run of Array.isArray(log.runs) ? log.runs : []) {
    if (!isObject(run)) {
      continue;
    }
    const rules = ruleLookup(run);
    for (const result of Array.isArray(run.results) ? run.results : []) {
      if (!isObject(result) || result.kind === 'pass' || result.kind === 'notApplicable') {
        continue;
      }
      const rule = rules(result);
      tags.push([...stringsOf(isObject(rule?.properties) ? rule.properties.tags : undefined), ...stringsOf(isObject(result.properties) ? result.properties.tags : undefined)]);
    }
  }
  return tags;
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
