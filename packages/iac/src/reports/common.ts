import path from 'node:path';

import { ReportError, toRepoPath, type Finding, type Severity } from '@devsecops/core';

import { findPolicy } from '../catalog.js';
import { equivalentPolicies } from '../equivalents.js';
import { EQUIVALENT_POLICIES_KEY } from '../merge.js';

export type JsonObject = Record<string, unknown>;

/** Result of every IaC report adapter. */
export interface IacReport {
  /** Format name, such as `checkov` or `trivy-operator`, for the log and SARIF runs. */
  format: string;
  findings: Finding[];
  warnings: string[];
}

export interface FindingInput {
  /** Tool name as the tool calls itself, such as `Checkov`. */
  tool: string;
  /** Key of the tool in the equivalents table, such as `checkov`. */
  equivalentsKey: string;
  ruleId: string;
  ruleName?: string;
  helpUri?: string;
  severity?: Severity;
  message: string;
  /** File path as the report gives it; undefined for cluster objects that have no file. */
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  cwes?: string[];
  properties?: Record<string, unknown>;
}

/** Collects findings for one report, resolving paths inside the workspace and dropping the rest with a warning. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly label: string,
    private readonly workspace: string,
    /** Folder that relative paths in the report are relative to; default: the workspace. */
    private readonly base: string = workspace
  ) {}

  add(input: FindingInput): void {
    let location: Finding['location'];
    if (input.file !== undefined) {
      const repoPath = this.resolvePath(input.file);
      if (repoPath === undefined) {
        this.warnings.push(`${this.label}: ${input.ruleId}: the path "${input.file}" is outside the workspace; the finding was dropped`);
        return;
      }
      const startLine = input.startLine !== undefined && input.startLine > 0 ? input.startLine : undefined;
      location = { path: repoPath, startLine, endLine: startLine !== undefined && input.endLine !== undefined && input.endLine >= startLine ? input.endLine : startLine, startColumn: input.startColumn };
    }

    const policies = equivalentPolicies(input.equivalentsKey, input.ruleId);
    const policyCwes = policies.flatMap((id) => findPolicy(id)?.cwes ?? []);
    const severity = input.severity ?? findPolicy(policies[0] ?? '')?.severity ?? 'medium';
    this.findings.push({
      tools: [input.tool],
      category: 'iac',
      rule: { id: input.ruleId, name: input.ruleName, helpUri: input.helpUri },
      severity,
      message: input.message,
      location,
      cwes: [...new Set([...(input.cwes ?? []), ...policyCwes])],
      vulnerabilityIds: [],
      fingerprint: '',
      controls: [],
      sourceFile: this.label,
      properties: { ...input.properties, ...(policies.length > 0 ? { [EQUIVALENT_POLICIES_KEY]: policies } : {}) }
    });
  }

  result(format: string): IacReport {
    return { format, findings: this.findings, warnings: this.warnings };
  }

  private resolvePath(file: string): string | undefined {
    const normalized = file.replace(/\\/g, '/');
    const absolute = path.isAbsolute(normalized) ? normalized : path.resolve(this.base, normalized);
    return toRepoPath(this.workspace, absolute);
  }
}

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Requires an array-or-null field, throwing a ReportError that names the place otherwise. */
export function requireArray(value: unknown, label: string, place: string): unknown[] {
  if (value === null || value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ReportError(label, `${place} is ${typeof value}; expected an array`);
  }
  return value;
}

/** Severity words of IaC tools: CRITICAL/HIGH/MEDIUM/LOW/INFO, and tfsec's legacy ERROR/WARNING. */
export function toolSeverity(value: unknown): Severity | undefined {
  switch (typeof value === 'string' ? value.toLowerCase() : undefined) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'error':
      return 'high';
    case 'medium':
    case 'warning':
      return 'medium';
    case 'low':
      return 'low';
    case 'info':
    case 'trace':
    case 'style':
      return 'info';
    default:
      return undefined;
  }
}
