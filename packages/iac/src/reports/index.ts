import { readFileSync, statSync } from 'node:fs';

import { parseJsonText, parseSarif, ReportError } from '@devsecops/core';

import { readCheckovReport, isCheckovReport } from './checkov.js';
import type { IacReport } from './common.js';
import { isHadolintReport, readHadolintReport } from './hadolint.js';
import { isKicsReport, readKicsReport } from './kics.js';
import { isTerrascanReport, readTerrascanReport } from './terrascan.js';
import { isTfsecReport, readTfsecReport } from './tfsec.js';
import { isTrivyOperatorReport, readTrivyOperatorReport } from './trivy-operator.js';
import { isTrivyReport, readTrivyReport } from './trivy.js';

export type { IacReport } from './common.js';

/** Largest report file read. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

type Reader = (document: unknown, label: string, workspace: string) => IacReport;

/** Formats in the order they are tried; the first whose shape matches reads the file. */
const FORMATS: Array<{ name: string; matches: (document: unknown) => boolean; read: Reader }> = [
  { name: 'checkov', matches: isCheckovReport, read: readCheckovReport },
  { name: 'kics', matches: isKicsReport, read: readKicsReport },
  { name: 'terrascan', matches: isTerrascanReport, read: readTerrascanReport },
  { name: 'tfsec', matches: isTfsecReport, read: readTfsecReport },
  { name: 'trivy-operator', matches: isTrivyOperatorReport, read: readTrivyOperatorReport },
  { name: 'hadolint', matches: isHadolintReport, read: readHadolintReport },
  { name: 'trivy', matches: isTrivyReport, read: readTrivyReport }
];

/**
 * Reads an IaC report file in any supported format, recognized by its shape: Checkov, KICS
 * (JSON, or SARIF like every SARIF file), Terrascan, tfsec, Trivy, Trivy Operator and
 * hadolint JSON. Throws ReportError naming the file when it cannot be read or has no known shape.
 */
export function readIacReportFile(file: string, workspace: string, label = file): IacReport {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_REPORT_BYTES) {
      throw new ReportError(label, `is ${size} bytes, more than the ${MAX_REPORT_BYTES / (1024 * 1024)} MiB limit for a report`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ReportError) {
      throw error;
    }
    throw new ReportError(label, `cannot be read: ${(error as Error).message}`);
  }
  return parseIacReport(text, label, workspace);
}

export function parseIacReport(text: string, label: string, workspace: string): IacReport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new ReportError(label, 'is empty; expected a JSON or SARIF report');
  }
  const document = parseJsonText(body, label);
  const object = document !== null && typeof document === 'object' && !Array.isArray(document) ? (document as Record<string, unknown>) : undefined;
  if (object && 'runs' in object && ('version' in object || '$schema' in object)) {
    const sarif = parseSarif(body, label, { workspace });
    return { format: 'sarif', findings: sarif.findings.map((finding) => ({ ...finding, category: 'iac' })), warnings: sarif.warnings };
  }
  const format = FORMATS.find((candidate) => candidate.matches(document));
  if (!format) {
    throw new ReportError(label, 'is not a known IaC report; expected Checkov, tfsec, KICS, Terrascan, Trivy, Trivy Operator or hadolint JSON, or SARIF');
  }
  return format.read(document, label, workspace);
}
