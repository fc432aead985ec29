import { TOOL_RANKS, type Finding, type Severity, type SourceLocation } from '@devsecops/core';

import { locateReportPath } from './report-paths.js';
import { enrichTaxonomy } from './taxonomy.js';

export type JsonObject = Record<string, unknown>;

/** Warnings listed per report; the rest are counted. */
const MAX_WARNINGS = 50;

/** What an adapter needs while reading one report: where paths resolve, and where warnings go. */
export class ReportContext {
  readonly warnings: string[] = [];
  private unlisted = 0;

  constructor(
    readonly workspace: string,
    /** The report as named in messages. */
    readonly label: string,
    /** The report's path, kept on each finding as `sourceFile`. */
    readonly file: string
  ) {}

  warn(place: string, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) {
      this.warnings.push(`${this.label}: ${place}: ${message}`);
    } else {
      this.unlisted += 1;
    }
  }

  finishWarnings(): string[] {
    return this.unlisted > 0 ? [...this.warnings, `${this.label}: ${this.unlisted} more warnings like these were not listed`] : this.warnings;
  }

  /**
   * Builds a location from a reported path and region, or warns and returns undefined when the
   * path is missing or lies outside the workspace.
   */
  location(place: string, reportedPath: unknown, region: Omit<SourceLocation, 'path'>): SourceLocation | undefined {
    if (typeof reportedPath !== 'string' || reportedPath.trim() === '') {
      this.warn(place, 'has no file path; the finding is kept without a location');
      return undefined;
    }
    const repoPath = locateReportPath(this.workspace, reportedPath);
    if (repoPath === undefined) {
      this.warn(place, `path ${JSON.stringify(reportedPath).slice(0, 300)} is outside the workspace and matches no file in it; the location was dropped`);
      return undefined;
    }
    return { path: repoPath, ...region };
  }

  /** Completes a finding with the fields every adapter sets the same way, then adds CWE and OWASP. */
  finish(partial: Omit<Finding, 'fingerprint' | 'controls' | 'category' | 'sourceFile'>, toolOwasp?: string): Finding {
    const finding: Finding = { ...partial, category: 'sast', fingerprint: '', controls: [], sourceFile: this.file };
    if (finding.location === undefined) {
      delete finding.location;
    }
    return enrichTaxonomy(finding, toolOwasp);
  }
}

/** Region fields from 1-based numbers (or numeric strings); zero, negative or missing values are left out. */
export function regionOf(startLine: unknown, startColumn?: unknown, endLine?: unknown, endColumn?: unknown): Omit<SourceLocation, 'path'> {
  const region: Omit<SourceLocation, 'path'> = {};
  const start = positive(startLine);
  const end = positive(endLine);
  if (start !== undefined) {
    region.startLine = start;
    region.endLine = end !== undefined && end >= start ? end : start;
  }
  const column = positive(startColumn);
  const endCol = positive(endColumn);
  if (column !== undefined) {
    region.startColumn = column;
  }
  if (endCol !== undefined) {
    region.endColumn = endCol;
  }
  return region;
}

/** Severity from a tool's own word by core's TOOL_RANKS table, or `fallback`. */
export function severityFromWord(word: unknown, fallback: Severity): Severity {
  const key = typeof word === 'string' ? word.trim().toLowerCase() : '';
  return Object.hasOwn(TOOL_RANKS, key) ? (TOOL_RANKS[key] as Severity) : fallback;
}

const CWE_IN_TEXT = /\bcwe[-_: ]*0*(\d{1,6})\b/gi;

/** Extracts `CWE-n` ids from strings such as `CWE-89: Improper Neutralization…`, in order, without repeats. */
export function cwesFromText(values: readonly unknown[]): string[] {
  const found = new Set<string>();
  for (const value of values) {
    if (typeof value === 'string') {
      for (const match of value.matchAll(CWE_IN_TEXT)) {
        found.add(`CWE-${Number(match[1])}`);
      }
    } else if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
      found.add(`CWE-${value}`);
    }
  }
  return [...found];
}

export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function positive(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

export function typeName(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}
