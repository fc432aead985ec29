import { severityRank, type Finding, type Logger, type Severity } from '@devsecops/core';

export type WorkflowCommandLevel = 'error' | 'warning' | 'notice';

/** GitHub shows at most 10 annotations of each level from one step; later ones are dropped. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

const COMMAND_BY_SEVERITY: Record<Severity, WorkflowCommandLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice'
};

export type LevelCounts = Record<WorkflowCommandLevel, number>;

export interface EmitWorkflowAnnotationsOptions {
  findings: Finding[];
  /** Receives one workflow command per call, without a trailing newline. */
  write: (line: string) => void;
  maxPerLevel?: number;
  logger?: Logger;
}

export interface WorkflowAnnotationCounts {
  shown: LevelCounts;
  notShown: LevelCounts;
}

/**
 * Writes findings as `::error`, `::warning` and `::notice` workflow commands, the fallback
 * when the token cannot create a check run (pull requests from forks). Most severe findings
 * go first, and at most `maxPerLevel` per level are written because GitHub drops the rest.
 */
export function emitWorkflowAnnotations(options: EmitWorkflowAnnotationsOptions): WorkflowAnnotationCounts {
  const maxPerLevel = options.maxPerLevel ?? WORKFLOW_ANNOTATIONS_PER_LEVEL;
  const shown: LevelCounts = { error: 0, warning: 0, notice: 0 };
  const notShown: LevelCounts = { error: 0, warning: 0, notice: 0 };

  const ordered = options.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index);

  for (const { finding } of ordered) {
    const level = COMMAND_BY_SEVERITY[finding.severity];
    if (shown[level] >= maxPerLevel) {
      notShown[level] += 1;
      continue;
    }
    options.write(formatWorkflowAnnotation(level, finding));
    shown[level] += 1;
  }

  const hidden = notShown.error + notShown.warning + notShown.notice;
  if (hidden > 0) {
    options.logger?.info(
      `${hidden} findings not shown as annotations because GitHub shows ${maxPerLevel} per level a step ` +
        `(${notShown.error} errors, ${notShown.warning} warnings, ${notShown.notice} notices)`
    );
  }
  return { shown, notShown };
}

/** Formats one finding as a workflow command line, with every value escaped. */
export function formatWorkflowAnnotation(level: WorkflowCommandLevel, finding: Finding): string {
  const properties: string[] = [];
  const location = finding.location;
  if (location?.path) {
    properties.push(`file=${escapeProperty(location.path)}`);
    if (location.startLine !== undefined) {
      properties.push(`line=${location.startLine}`);
      if (location.endLine !== undefined) properties.push(`endLine=${location.endLine}`);
      if (location.startColumn !== undefined && (location.endLine ?? location.startLine) === location.startLine) {
        properties.push(`col=${location.startColumn}`);
        if (location.endColumn !== undefined) properties.push(`endColumn=${location.endColumn}`);
      }
    }
  }
  const { id, name } = finding.rule;
  properties.push(`title=${escapeProperty(name && name !== id ? `${id}: ${name}` : id)}`);

  const message = finding.url ? `${finding.message} (${finding.url})` : finding.message;
  return `::${level} ${properties.join(',')}::${escapeData(message)}`;
}

/** Escapes a command's message so a newline or `%` in it cannot start another command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value, which additionally must not contain `:` or `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
