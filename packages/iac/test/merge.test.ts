import type { Finding } from '@devsecops/core';

import { findPolicy } from '../src/catalog.js';
import { mergeEquivalentFindings } from '../src/merge.js';
import { toFinding } from '../src/policy.js';

function toolFinding(id: string, startLine: number, endLine: number, policies: string[], severity: Finding['severity'] = 'low'): Finding {
  return {
    tools: ['tfsec'],
    category: 'iac',
    rule: { id },
    severity,
    message: id,
    location: { path: 'main.tf', startLine, endLine },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: '',
    controls: [],
    properties: { equivalentPolicies: policies }
  };
}

test('merges inside the tool range only', () => {
  const builtin = toFinding(findPolicy('DSO-TF-AWS-008')!, { path: 'main.tf', line: 6, column: 5, message: 'versioning' });
  const merged = mergeEquivalentFindings([builtin, toolFinding('aws-s3-enable-versioning', 1, 10, ['DSO-TF-AWS-008'], 'critical'), toolFinding('aws-s3-enable-versioning', 20, 30, ['DSO-TF-AWS-008'])]);
  expect(merged.map((finding) => [finding.rule.id, finding.tools, finding.severity, finding.location?.startLine])).toEqual([
    ['DSO-TF-AWS-008', ['devsecops-iac', 'tfsec'], 'critical', 6],
    ['aws-s3-enable-versioning', ['tfsec'], 'low', 20]
  ]);
  expect(merged[0]!.properties?.equivalents).toEqual(['tfsec:aws-s3-enable-versioning']);
});

test('no merge for another policy', () => {
  const builtin = toFinding(findPolicy('DSO-TF-AWS-001')!, { path: 'main.tf', line: 6, column: 5, message: 'sse' });
  expect(mergeEquivalentFindings([builtin, toolFinding('aws-s3-enable-versioning', 1, 10, ['DSO-TF-AWS-008'])])).toHaveLength(2);
});
