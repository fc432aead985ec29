import { emptyCounts } from '@devsecops/core';
import type { Finding, FindingState, Report } from '@devsecops/core';

/** Create a finding with defaults for the fields a test does not care about. */
export function makeFinding(overrides: Partial<Finding> & { fingerprint: string }): Finding {
  return {
    tools: ['semgrep'],
    category: 'sast',
    rule: { id: 'js/sql-injection' },
    severity: 'high',
    message: 'User input reaches a SQL query',
    location: { path: 'src/db.ts', startLine: 10 },
    cwes: [],
    vulnerabilityIds: [],
    controls: [],
    ...overrides
  };
}

/**
 * Build a report the way the aggregator would: findings split by state, counts per
 * severity of unsuppressed and of new findings, and a policy that fails on high.
 */
export function makeReport(entries: Array<[Finding, FindingState]>, overrides: Partial<Report> = {}): Report {
  const states = new Map<string, FindingState>();
  const counts = emptyCounts();
  const newCounts = emptyCounts();
  const byState: Record<FindingState, Finding[]> = { new: [], existing: [], suppressed: [] };

  for (const [finding, state] of entries) {
    states.set(finding.fingerprint, state);
    byState[state].push(finding);
    if (state !== 'suppressed') {
      counts[finding.severity] += 1;
    }
    if (state === 'new') {
      newCounts[finding.severity] += 1;
    }
  }

  const failingNew = byState.new.filter((finding) => finding.severity === 'critical' || finding.severity === 'high').length;
  return {
    findings: entries.map(([finding]) => finding),
    states,
    newFindings: byState.new,
    existingFindings: byState.existing,
    suppressedFindings: byState.suppressed,
    fixed: [],
    expiredSuppressions: [],
    errors: [],
    warnings: [],
    counts,
    newCounts,
    policy: {
      failOn: 'high',
      failed: failingNew > 0,
      reason: failingNew > 0 ? `${failingNew} new findings at or above high` : 'No new findings at or above high'
    },
    context: { serverUrl: 'https://github.com', repository: 'octo/app', sha: '0123456789abcdef0123456789abcdef01234567', pullRequest: 7 },
    files: ['semgrep.sarif', 'codeql.sarif'],
    ...overrides
  };
}
