import path from 'node:path';

import { RecordingLogger, silentLogger } from '@devsecops/core';

import { runBuiltinPolicies } from '../src/builtin.js';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

/** `<policy> <path>:<line>:<column>`, sorted, with `(suppressed <source>)` where a native comment applies. */
function scan(folder: string, frameworks?: Parameters<typeof runBuiltinPolicies>[0]['frameworks']): string[] {
  const result = runBuiltinPolicies({ workspace: FIXTURES, target: path.join(FIXTURES, folder), frameworks, logger: silentLogger });
  return result.findings
    .map((finding) => `${finding.rule.id} ${finding.location!.path}:${finding.location!.startLine}:${finding.location!.startColumn}${finding.suppression ? ` (suppressed ${finding.suppression.source})` : ''}`)
    .sort();
}

describe('terraform policies', () => {
  test('separate resources of provider v4 with variables and locals', () => {
    expect(scan('terraform/separate')).toEqual([
      'DSO-TF-AWS-002 terraform/separate/main.tf:45:3',
      'DSO-TF-AWS-004 terraform/separate/main.tf:39:3',
      'DSO-TF-AWS-006 terraform/separate/main.tf:36:1',
      'DSO-TF-AWS-008 terraform/separate/main.tf:27:5',
      'DSO-TF-AWS-019 terraform/separate/main.tf:53:3'
    ]);
  });

  test('inline forms, IAM documents, instances and keys', () => {
    expect(scan('terraform/inline')).toEqual([
      'DSO-TF-AWS-008 terraform/inline/main.tf:6:5',
      'DSO-TF-AWS-020 terraform/inline/main.tf:33:5',
      'DSO-TF-AWS-021 terraform/inline/main.tf:33:5',
      'DSO-TF-AWS-023 terraform/inline/main.tf:27:5',
      'DSO-TF-AWS-025 terraform/inline/main.tf:38:3',
      'DSO-TF-AWS-025 terraform/inline/main.tf:46:5',
      'DSO-TF-AWS-032 terraform/inline/main.tf:66:3',
      'DSO-TF-AWS-035 terraform/inline/main.tf:54:5'
    ]);
  });

  test('finding carries policy metadata', () => {
    const result = runBuiltinPolicies({ workspace: FIXTURES, target: path.join(FIXTURES, 'terraform/separate'), logger: silentLogger });
    const acl = result.findings.find((finding) => finding.rule.id === 'DSO-TF-AWS-002')!;
    expect(acl.tools).toEqual(['devsecops-iac']);
    expect(acl.category).toBe('iac');
    expect(acl.severity).toBe('high');
    expect(acl.cwes).toEqual(['CWE-732']);
    expect(acl.controls).toEqual(['NIST-CSF-2.0:PR.AA-05', 'SOC2:CC6.1', 'CIS-v8:3.3']);
    expect(acl.message).toBe('aws_s3_bucket_acl.covered uses the canned ACL "public-read".');
    expect(acl.location).toEqual({ path: 'terraform/separate/main.tf', startLine: 45, startColumn: 3, endLine: 45 });
  });
});

test('kubernetes policies on helm output', () => {
  expect(scan('kubernetes')).toEqual([
    'DSO-K8S-001 kubernetes/rendered.yaml:45:13',
    'DSO-K8S-002 kubernetes/rendered.yaml:44:11',
    'DSO-K8S-002 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-003 kubernetes/rendered.yaml:46:13',
    'DSO-K8S-003 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-004 kubernetes/rendered.yaml:47:13',
    'DSO-K8S-004 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-005 kubernetes/rendered.yaml:48:15',
    'DSO-K8S-006 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-007 kubernetes/rendered.yaml:61:11',
    'DSO-K8S-008 kubernetes/rendered.yaml:64:15',
    'DSO-K8S-009 kubernetes/rendered.yaml:44:11',
    'DSO-K8S-009 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-010 kubernetes/rendered.yaml:37:11',
    'DSO-K8S-010 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-011 kubernetes/rendered.yaml:37:11',
    'DSO-K8S-011 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-012 kubernetes/rendered.yaml:37:11',
    'DSO-K8S-012 kubernetes/rendered.yaml:67:15',
    'DSO-K8S-013 kubernetes/rendered.yaml:37:11',
    'DSO-K8S-014 kubernetes/rendered.yaml:37:11',
    'DSO-K8S-015 kubernetes/rendered.yaml:38:11',
    'DSO-K8S-015 kubernetes/rendered.yaml:68:15',
    'DSO-K8S-016 kubernetes/rendered.yaml:60:9',
    'DSO-K8S-017 kubernetes/rendered.yaml:79:5',
    'DSO-K8S-017 kubernetes/rendered.yaml:81:5',
    'DSO-K8S-018 kubernetes/rendered.yaml:77:5',
    'DSO-K8S-019 kubernetes/rendered.yaml:6:3',
    'DSO-K8S-020 kubernetes/rendered.yaml:41:15'
  ]);
});

test('dockerfile policies per instruction', () => {
  expect(scan('dockerfile')).toEqual([
    'DSO-DF-001 dockerfile/Dockerfile:12:1',
    'DSO-DF-002 dockerfile/Dockerfile:6:1',
    'DSO-DF-003 dockerfile/Dockerfile:6:1',
    'DSO-DF-004 dockerfile/Dockerfile:7:1',
    'DSO-DF-005 dockerfile/Dockerfile:8:1',
    'DSO-DF-006 dockerfile/Dockerfile:3:1',
    'DSO-DF-007 dockerfile/Dockerfile:4:1',
    'DSO-DF-008 dockerfile/Dockerfile:4:1',
    'DSO-DF-009 dockerfile/Dockerfile:4:1',
    'DSO-DF-010 dockerfile/Dockerfile:2:1',
    'DSO-DF-011 dockerfile/Dockerfile:9:1',
    'DSO-DF-012 dockerfile/Dockerfile:11:1',
    'DSO-DF-013 dockerfile/Dockerfile:3:1'
  ]);
});

test('github actions policies on workflow and action', () => {
  expect(scan('workflows')).toEqual([
    'DSO-GHA-001 workflows/.github/workflows/ci.yml:13:9',
    'DSO-GHA-001 workflows/.github/workflows/ci.yml:21:5',
    'DSO-GHA-001 workflows/action.yml:6:7',
    'DSO-GHA-002 workflows/.github/workflows/ci.yml:2:1',
    'DSO-GHA-003 workflows/.github/workflows/ci.yml:15:9',
    'DSO-GHA-003 workflows/action.yml:7:7',
    'DSO-GHA-004 workflows/.github/workflows/ci.yml:12:11',
    'DSO-GHA-005 workflows/.github/workflows/ci.yml:22:5',
    'DSO-GHA-006 workflows/.github/workflows/ci.yml:10:9'
  ]);
});

test('native suppression comments', () => {
  expect(scan('suppressions')).toEqual([
    'DSO-TF-AWS-002 suppressions/main.tf:15:3 (suppressed suppressions/main.tf:12)',
    'DSO-TF-AWS-002 suppressions/main.tf:21:3 (suppressed suppressions/main.tf:20)',
    'DSO-TF-AWS-002 suppressions/main.tf:27:3 (suppressed suppressions/main.tf:24)',
    'DSO-TF-AWS-002 suppressions/main.tf:32:3',
    'DSO-TF-AWS-002 suppressions/main.tf:4:3 (suppressed suppressions/main.tf:2)',
    'DSO-TF-AWS-002 suppressions/main.tf:9:3 (suppressed suppressions/main.tf:9)'
  ]);
});

test('checkov skip reason kept', () => {
  const result = runBuiltinPolicies({ workspace: FIXTURES, target: path.join(FIXTURES, 'suppressions'), logger: silentLogger });
  const suppressed = result.findings.find((finding) => finding.location?.startLine === 4)!;
  expect(suppressed.suppression).toEqual({ kind: 'inline', justification: 'public website bucket', source: 'suppressions/main.tf:2' });
});

test('frameworks filter', () => {
  expect(scan('workflows', ['terraform'])).toEqual([]);
  expect(scan('dockerfile', ['dockerfile', 'kubernetes'])).toHaveLength(13);
});

test('unparsable files give one notice each', () => {
  const logger = new RecordingLogger();
  const result = runBuiltinPolicies({ workspace: FIXTURES, target: path.join(FIXTURES, 'broken'), logger });
  expect(result.notices).toEqual([
    { path: 'broken/bad.tf', line: 3, column: 12, message: 'HCL parse error: expected an expression, found newline' },
    { path: 'broken/bad.yaml', line: 5, column: 1, message: 'YAML parse error: Flow sequence in block collection must be sufficiently indented and end with a ]' }
  ]);
  expect(result.findings.map((finding) => `${finding.rule.id} ${finding.location!.path}:${finding.location!.startLine}`)).toEqual(['DSO-TF-AWS-002 broken/good.tf:3']);
  expect(logger.lines.filter((line) => line.level === 'warning').map((line) => line.message)).toEqual([
    'broken/bad.tf:3:12: HCL parse error: expected an expression, found newline; the file was skipped',
    'broken/bad.yaml:5:1: YAML parse error: Flow sequence in block collection must be sufficiently indented and end with a ]; the file was skipped'
  ]);
});
