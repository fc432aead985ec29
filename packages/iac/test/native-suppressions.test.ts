import type { Finding } from '@devsecops/core';

import { applyNativeSuppressions, findNativeSuppressions } from '../src/native-suppressions.js';
import { toFinding } from '../src/policy.js';
import { findPolicy } from '../src/catalog.js';

function findingAt(policyId: string, path: string, line: number): Finding {
  return toFinding(findPolicy(policyId)!, { path, line, column: 1, message: 'test' });
}

test('comment kinds and ranges', () => {
  const lines = [
    'FROM ubuntu', // 1
    '# checkov:skip=CKV_DOCKER_3:runs as root by design', // 2
    'RUN make', // 3
    'resource "x" "y" {', // 4
    '  # tfsec:ignore:aws-s3-enable-versioning trivy:ignore:AVD-AWS-0090', // 5
    '  versioning {', // 6
    '    enabled = false', // 7
    '  }', // 8
    '}', // 9
    '// kics-scan ignore-line', // 10
    'a = 1', // 11
    'text mentioning kics-scan ignore-line outside a comment' // 12
  ];
  expect(findNativeSuppressions(lines)).toEqual([
    { tool: 'checkov', ids: ['CKV_DOCKER_3'], reason: 'runs as root by design', line: 2, fromLine: 1, toLine: 12 },
    { tool: 'tfsec', ids: ['aws-s3-enable-versioning'], line: 5, fromLine: 5, toLine: 8 },
    { tool: 'trivy', ids: ['AVD-AWS-0090'], line: 5, fromLine: 5, toLine: 8 },
    { tool: 'kics', ids: [], line: 10, fromLine: 11, toLine: 11 }
  ]);
});

test.each<[string, string, number, boolean]>([
  ['checkov id of an equivalent check, whole Dockerfile', 'DSO-DF-001', 1, true],
  ['checkov id for another policy', 'DSO-DF-002', 1, false],
  ['tfsec id on the nested block', 'DSO-TF-AWS-008', 7, true],
  ['tfsec id for another policy', 'DSO-TF-AWS-001', 7, false],
  ['kics line without ids', 'DSO-TF-AWS-001', 11, true],
  ['kics line after the covered one', 'DSO-TF-AWS-001', 12, false]
])('%s', (_name, policy, line, suppressed) => {
  const lines = [
    'FROM ubuntu',
    '# checkov:skip=CKV_DOCKER_3:runs as root by design',
    'RUN make',
    'resource "x" "y" {',
    '  # tfsec:ignore:aws-s3-enable-versioning',
    '  versioning {',
    '    enabled = false',
    '  }',
    '}',
    '// kics-scan ignore-line',
    'a = 1',
    'b = 2'
  ];
  const [result] = applyNativeSuppressions([findingAt(policy, 'f', line)], 'f', lines);
  expect(result!.suppression !== undefined).toBe(suppressed);
});
