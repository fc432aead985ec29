import { severityRank, type Finding } from '@devsecops/core';

import { BUILTIN_TOOL } from './policy.js';

/** Property that report adapters set on a tool finding: the built-in policy ids it is equivalent to. */
export const EQUIVALENT_POLICIES_KEY = 'equivalentPolicies';

/**
 * Merges each tool finding into a built-in finding of an equivalent policy at the same place:
 * the same path, with the built-in finding's start line inside the tool finding's line range
 * (tools such as Checkov report the whole resource block). The merged finding keeps the
 * built-in rule and location, names every tool, takes the highest severity and lists the
 * tool check ids under `properties.equivalents`. Findings that match nothing are kept as
 * they are.
 */
export function mergeEquivalentFindings(findings: Finding[]): Finding[] {
  const builtin = findings.filter((finding) => finding.tools.includes(BUILTIN_TOOL));
  const byPolicy = new Map<string, Finding[]>();
  for (const finding of builtin) {
    const key = `${finding.rule.id}\u0000${finding.location?.path}`;
    byPolicy.set(key, [...(byPolicy.get(key) ?? []), finding]);
  }

  const merged = new Map<Finding, Finding>();
  const absorbed = new Set<Finding>();
  for (const finding of findings) {
    const policies = finding.properties?.[EQUIVALENT_POLICIES_KEY];
    if (finding.tools.includes(BUILTIN_TOOL) || !Array.isArray(policies) || !finding.location) {
      continue;
    }
    const start = finding.location.startLine ?? 0;
    const end = Math.max(start, finding.location.endLine ?? start);
    const target = (policies as string[])
      .flatMap((policy) => byPolicy.get(`${policy}\u0000${finding.location!.path}`) ?? [])
      .find((candidate) => {
        const line = candidate.location?.startLine ?? -1;
        return start <= line && line <= end;
      });
    if (!target) {
      continue;
    }
    const current = merged.get(target) ?? target;
    merged.set(target, combine(current, finding));
    absorbed.add(finding);
  }

  return findings.filter((finding) => !absorbed.has(finding)).map((finding) => merged.get(finding) ?? finding);
}

function combine(builtin: Finding, tool: Finding): Finding {
  const equivalents = Array.isArray(builtin.properties?.equivalents) ? (builtin.properties!.equivalents as string[]) : [];
  return {
    ...builtin,
    tools: [...new Set([...builtin.tools, ...tool.tools])].sort(),
    severity: severityRank(tool.severity) < severityRank(builtin.severity) ? tool.severity : builtin.severity,
    cwes: [...new Set([...builtin.cwes, ...tool.cwes])],
    controls: [...new Set([...builtin.controls, ...tool.controls])],
    properties: { ...builtin.properties, equivalents: [...new Set([...equivalents, `${tool.tools[0]}:${tool.rule.id}`])] }
  };
}
