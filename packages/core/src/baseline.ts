import { readFile } from 'node:fs/promises';

import { ReportError } from './errors.js';
import type { Finding } from './finding.js';
import { FINGERPRINT_KEY } from './fingerprint.js';
import { parseJsonText } from './json.js';

/** Fingerprints of accepted findings, which the report counts as existing rather than new. */
export interface Baseline {
  file: string;
  fingerprints: Set<string>;
}

export const BASELINE_VERSION = 1;

const EXPECTED_FORMS =
  'expected {"version": 1, "fingerprints": [...]}, a JSON array of fingerprint strings, or a SARIF log';

/**
 * Reads a baseline file in one of three forms: `{ "version": 1, "fingerprints": [...] }` as
 * `formatBaseline` writes it, a plain JSON array of fingerprints, or a SARIF log whose
 * results carry `partialFingerprints["devsecops/v1"]`. Results without that key are skipped.
 * Throws `ReportError` naming the file and the bad place.
 */
export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReportError(file, `could not be read: ${(error as Error).message}`);
  }

  let data: unknown;
  try {
    data = parseJsonText(text, file);
  } catch (error) {
    throw new ReportError(file, `${(error as ReportError).detail}; ${EXPECTED_FORMS}`);
  }

  return { file, fingerprints: new Set(parseBaseline(file, data)) };
}

function parseBaseline(file: string, data: unknown): string[] {
  if (Array.isArray(data)) {
    return fingerprintList(file, data, '');
  }
  if (!isObject(data)) {
    throw new ReportError(file, `the top level is ${describe(data)}; ${EXPECTED_FORMS}`);
  }
  if ('fingerprints' in data) {
    if (data.version !== BASELINE_VERSION) {
      const found = typeof data.version === 'number' ? String(data.version) : describe(data.version);
      throw new ReportError(file, `"version" is ${found}; expected ${BASELINE_VERSION}`);
    }
    if (!Array.isArray(data.fingerprints)) {
      throw new ReportError(file, `"fingerprints" is ${describe(data.fingerprints)}; expected an array of strings`);
    }
    return fingerprintList(file, data.fingerprints, 'fingerprints');
  }
  if ('runs' in data) {
    return sarifFingerprints(file, data.runs);
  }
  throw new ReportError(file, `the object has neither "fingerprints" nor "runs"; ${EXPECTED_FORMS}`);
}

function fingerprintList(file: string, values: unknown[], place: string): string[] {
  values.forEach((value, index) => {
    if (typeof value !== 'string' || value === '') {
      throw new ReportError(file, `${place}[${index}] is ${describe(value)}; expected a non-empty fingerprint string`);
    }
  });
  return values as string[];
}

function sarifFingerprints(file: string, runs: unknown): string[] {
  if (!Array.isArray(runs)) {
    throw new ReportError(file, `"runs" is ${describe(runs)}; expected an array of SARIF runs`);
  }

  const fingerprints: string[] = [];
  runs.forEach((run, runIndex) => {
    if (!isObject(run)) {
      throw new ReportError(file, `runs[${runIndex}] is ${describe(run)}; expected a SARIF run object`);
    }
    const results = run.results ?? [];
    if (!Array.isArray(results)) {
      throw new ReportError(file, `runs[${runIndex}].results is ${describe(results)}; expected an array`);
    }
    results.forEach((result, resultIndex) => {
      const place = `runs[${runIndex}].results[${resultIndex}]`;
      if (!isObject(result)) {
        throw new ReportError(file, `${place} is ${describe(result)}; expected a SARIF result object`);
      }
      const partial = result.partialFingerprints;
      if (partial === undefined || partial === null) {
        return;
      }
      if (!isObject(partial)) {
        throw new ReportError(file, `${place}.partialFingerprints is ${describe(partial)}; expected an object`);
      }
      const value = partial[FINGERPRINT_KEY];
      if (value === undefined) {
        return;
      }
      if (typeof value !== 'string' || value === '') {
        throw new ReportError(
          file,
          `${place}.partialFingerprints["${FINGERPRINT_KEY}"] is ${describe(value)}; expected a non-empty string`
        );
      }
      fingerprints.push(value);
    });
  });
  return fingerprints;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names a JSON value's type for error messages, without quoting its content. */
function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (value === undefined) {
    return 'missing';
  }
  if (value === '') {
    return 'an empty string';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Splits fingerprints into those still found and those fixed. `existing` contains every
 * finding fingerprint that the baseline lists. `fixed` lists, sorted, the baseline
 * fingerprints that no finding has any more, suppressed findings included.
 */
export function compareWithBaseline(
  findings: Finding[],
  baseline: Baseline
): { existing: Set<string>; fixed: string[] } {
  const present = new Set(findings.map((finding) => finding.fingerprint));
  const existing = new Set([...present].filter((fingerprint) => baseline.fingerprints.has(fingerprint)));
  const fixed = [...baseline.fingerprints].filter((fingerprint) => !present.has(fingerprint)).sort();
  return { existing, fixed };
}

/**
 * Returns the baseline file a user commits to accept the current findings: version 1, the
 * sorted unique fingerprints, pretty-printed with a final newline. Suppressed findings are
 * left out because their suppression already covers them, except for those suppressed by a
 * baseline, which stay in it.
 */
export function formatBaseline(findings: Finding[]): string {
  const fingerprints = new Set<string>();
  for (const finding of findings) {
    const suppressed = finding.suppression !== undefined && finding.suppression.kind !== 'baseline';
    if (!suppressed && finding.fingerprint) {
      fingerprints.add(finding.fingerprint);
    }
  }
  const sorted = [...fingerprints].sort();
  return `${JSON.stringify({ version: BASELINE_VERSION, fingerprints: sorted }, null, 2)}\n`;
}
