import { ConfigurationError } from './errors.js';
import { isAtLeast, SEVERITIES, type Finding, type Severity } from './finding.js';
import type { PolicyResult } from './report.js';

/** Values accepted for a fail-on threshold: a severity, or `none` so that findings never fail the run. */
export const FAIL_ON_VALUES: ReadonlyArray<Severity | 'none'> = [...SEVERITIES, 'none'];

/**
 * Parses a fail-on threshold from an action input or command-line option. Case and
 * surrounding spaces are ignored. `inputName` names the input in the error message.
 */
export function parseFailOn(value: string, inputName: string): Severity | 'none' {
  const normalized = value.trim().toLowerCase();
  const match = FAIL_ON_VALUES.find((allowed) => allowed === normalized);
  if (match === undefined) {
    throw new ConfigurationError(
      `Invalid ${inputName} value ${JSON.stringify(value)}: expected one of ${FAIL_ON_VALUES.join(', ')}.`
    );
  }
  return match;
}

/**
 * Decides whether the run fails: it does when any finding in `findings` that is not
 * suppressed is at or above `failOn`. `scope` only changes the wording of the reason,
 * so the caller passes the new findings for `new` and every finding for `all`.
 */
export function evaluatePolicy(options: { failOn: Severity | 'none'; findings: Finding[]; scope: 'new' | 'all' }): PolicyResult {
  const { failOn, findings, scope } = options;
  if (failOn === 'none') {
    return { failOn, failed: false, reason: 'Findings do not fail the run because fail-on is none' };
  }

  const failing = findings.filter((finding) => finding.suppression === undefined && isAtLeast(finding.severity, failOn));
  const noun = scope === 'new' ? 'new finding' : 'finding';
  if (failing.length === 0) {
    return { failOn, failed: false, reason: `No ${noun}s at or above ${failOn}` };
  }

  const breakdown = SEVERITIES.map((severity) => [severity, failing.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
  const counted = failing.length === 1 ? `1 ${noun}` : `${failing.length} ${noun}s`;
  return { failOn, failed: true, reason: `${counted} at or above ${failOn} (${breakdown})` };
}
