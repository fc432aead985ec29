import { ReportError, type Finding, type Severity } from '@devsecops/core';

import { ESLINT_TOOL_NAME } from './eslint-engine.js';
import { BUNDLED_RULES } from './eslint-rules.js';
import { isObject, regionOf, stringOr, typeName, type ReportContext } from './report-context.js';

/**
 * Severity of a rule in an ESLint report: the bundled engine's own choice for the rules it
 * knows, else by ESLint's level, which says how the project configured the rule rather than
 * how dangerous the problem is: 2 (error) medium, 1 (warn) low.
 */
function eslintSeverity(ruleId: string, level: unknown): Severity {
  const known = BUNDLED_RULES.find((rule) => rule.id === ruleId);
  if (known) {
    return known.severity;
  }
  return level === 2 ? 'medium' : 'low';
}

/**
 * Reads the JSON of `eslint -f json`: an array of `{ filePath, messages[] }`. Messages without
 * a rule id are parse errors of that file; they become warnings, not findings. ESLint writes
 * absolute paths, matched to the workspace by their tail (see locateReportPath).
 */
export function readEslintJson(log: unknown[], context: ReportContext): Finding[] {
  const findings: Finding[] = [];
  for (const [fileIndex, fileResult] of log.entries()) {
    if (!isObject(fileResult) || !Array.isArray(fileResult.messages)) {
      throw new ReportError(context.label, `[${fileIndex}] must be an object with "filePath" and "messages", got ${typeName(fileResult)}`);
    }
    for (const [messageIndex, message] of fileResult.messages.entries()) {
      const place = `[${fileIndex}].messages[${messageIndex}]`;
      if (!isObject(message)) {
        throw new ReportError(context.label, `${place} must be an object, got ${typeName(message)}`);
      }
      if (typeof message.ruleId !== 'string' || message.ruleId === '') {
        context.warn(place, `ESLint could not lint ${stringOr(fileResult.filePath, 'a file')}: ${stringOr(message.message, 'no message').slice(0, 300)}`);
        continue;
      }
      const ruleId = message.ruleId;
      findings.push(
        context.finish({
          tools: [ESLINT_TOOL_NAME],
          rule: { id: ruleId, name: ruleId },
          severity: eslintSeverity(ruleId, message.severity),
          message: stringOr(message.message, ruleId),
          location: context.location(place, fileResult.filePath, regionOf(message.line, message.column, message.endLine, message.endColumn)),
          cwes: [],
          vulnerabilityIds: []
        })
      );
    }
  }
  return findings;
}
