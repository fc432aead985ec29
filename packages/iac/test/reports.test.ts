import { readdirSync } from 'node:fs';

import { ReportError, type Finding } from '@devsecops/core';

import { corpusPath } from '../../../test/corpus.js';
import { readIacReportFile } from '../src/reports/index.js';

/**
 * Every report file of each IaC tool in the shared corpus (reports/<tool>/), with counts
 * taken from the files themselves with node one-liners: failed checks, results not passed,
 * query file entries, violations, FAIL misconfigurations, failed audit checks, hadolint entries.
 */
interface Row {
  file: string;
  /** Workspace the report's paths are resolved in. */
  workspace: string;
  format: string;
  count: number;
  /** `<rule> <path>:<line> <severity>` of the first finding, or of the first one without a location as `<rule> - <severity>`. */
  first?: string;
  warnings?: number;
}

function describeFinding(finding: Finding): string {
  const place = finding.location ? `${finding.location.path}:${finding.location.startLine ?? '-'}` : '-';
  return `${finding.rule.id} ${place} ${finding.severity}`;
}

function runTable(tool: string, rows: Row[]): void {
  test(`table covers every ${tool} file`, () => {
    expect(rows.map((row) => row.file).sort()).toEqual(readdirSync(corpusPath('reports', tool)).sort());
  });

  test.each(rows)(`${tool} $file`, (row) => {
    const report = readIacReportFile(corpusPath('reports', tool, row.file), row.workspace, row.file);
    expect(report.format).toBe(row.format);
    expect(report.findings).toHaveLength(row.count);
    if (row.first !== undefined) {
      expect(describeFinding(report.findings[0]!)).toBe(row.first);
    }
    expect(report.warnings).toHaveLength(row.warnings ?? 0);
    for (const finding of report.findings) {
      expect(finding.category).toBe('iac');
    }
  });
}

const REPO = '/repo';

describe('checkov reports', () => {
  runTable('checkov', [
    { file: 'checkov-report-0-vuln.json', workspace: REPO, format: 'checkov', count: 0 },
    { file: 'checkov2-report-0-vuln.json', workspace: REPO, format: 'checkov', count: 0 },
    { file: 'checkov-report-many-vuln.json', workspace: REPO, format: 'checkov', count: 3, first: 'CKV_AZURE_41 file_path:1 medium' },
    { file: 'checkov-report-multiple-check_type.json', workspace: REPO, format: 'checkov', count: 13, first: 'CKV_AWS_161 infra/terraform/aws/db-app.tf:1 medium' },
    { file: 'checkov-report-severity.json', workspace: REPO, format: 'checkov', count: 4, first: 'CKV_GCP_29 gcs.tf:1 medium' }
  ]);

  test('multiple check types keep file, range and type', () => {
    const report = readIacReportFile(corpusPath('reports', 'checkov', 'checkov-report-multiple-check_type.json'), REPO);
    const docker = report.findings.filter((finding) => finding.properties?.checkType === 'dockerfile');
    expect(docker.map((finding) => [finding.rule.id, finding.location])).toEqual([
      ['CKV_DOCKER_3', { path: 'infra/terraform/aws/resources/Dockerfile', startLine: undefined, endLine: undefined, startColumn: undefined }],
      ['CKV_DOCKER_2', { path: 'infra/terraform/aws/resources/Dockerfile', startLine: undefined, endLine: undefined, startColumn: undefined }]
    ]);
    const rds = report.findings.find((finding) => finding.rule.id === 'CKV_AWS_16')!;
    expect(rds.location).toEqual({ path: 'infra/terraform/aws/db-app.tf', startLine: 1, endLine: 41, startColumn: undefined });
    // CKV_AWS_16 is the RDS encryption check, equivalent to DSO-TF-AWS-012: it takes that policy's CWE and severity.
    expect(rds.cwes).toEqual(['CWE-311']);
    expect(rds.severity).toBe('high');
    expect(rds.properties?.equivalentPolicies).toEqual(['DSO-TF-AWS-012']);
  });

  test('checkov severities read when present', () => {
    const report = readIacReportFile(corpusPath('reports', 'checkov', 'checkov-report-severity.json'), REPO);
    expect(report.findings.map(describeFinding)).toEqual(['CKV_GCP_29 gcs.tf:1 medium', 'CKV_GCP_62 gcs.tf:1 medium', 'CKV_GCP_78 gcs.tf:1 low', 'CKV_GCP_28 gcs.tf:17 high']);
  });
});

describe('tfsec reports', () => {
  runTable('tfsec', [
    { file: 'no_findings.json', workspace: REPO, format: 'tfsec', count: 0 },
    { file: 'one_finding_legacy.json', workspace: REPO, format: 'tfsec', count: 1, first: 'GEN003 tfsec-test/identity.tf:226 medium' },
    { file: 'many_findings_legacy.json', workspace: REPO, format: 'tfsec', count: 3, first: 'GCP009 tfsec-test/cluster.tf:52 high' },
    // Paths are absolute under /tmp/aws-eks, the folder tfsec scanned.
    { file: 'many_findings_current.json', workspace: '/tmp/aws-eks', format: 'tfsec', count: 19, first: 'aws-vpc-no-excessive-port-access modules/vpc-subnets/resources.tf:155 critical' }
  ]);

  test('absolute paths outside the workspace dropped with warnings', () => {
    const report = readIacReportFile(corpusPath('reports', 'tfsec', 'many_findings_current.json'), REPO, 'many_findings_current.json');
    expect(report.findings).toHaveLength(0);
    expect(report.warnings).toHaveLength(19);
    expect(report.warnings[0]).toBe('many_findings_current.json: aws-vpc-no-excessive-port-access: the path "/tmp/aws-eks/modules/vpc-subnets/resources.tf" is outside the workspace; the finding was dropped');
  });
});

describe('kics reports', () => {
  runTable('kics', [
    { file: 'kics-e2e__E2E_CLI_032_RESULT.json', workspace: '/path/e2e/fixtures', format: 'kics', count: 24, first: 'e415f8d3-fc2b-4f52-88ab-1129e8c8d3f5 samples/positive.yaml:24 high' },
    { file: 'kics-e2e__E2E_CLI_036_RESULT.json', workspace: '/path/e2e/fixtures', format: 'kics', count: 20, first: 'e415f8d3-fc2b-4f52-88ab-1129e8c8d3f5 samples/positive.yaml:24 high' },
    { file: 'kics-e2e__E2E_CLI_073_RESULT.json', workspace: REPO, format: 'kics', count: 0 },
    { file: 'kics-e2e__E2E_CLI_076_RESULT.json', workspace: REPO, format: 'kics', count: 0 },
    { file: 'kics-e2e__E2E_CLI_086_RESULT.json', workspace: '/path/e2e/fixtures', format: 'kics', count: 17, first: '487f4be7-3fd9-4506-a07a-eae252180c08 samples/terraform.tf:5 high' },
    { file: 'many_findings.json', workspace: REPO, format: 'kics', count: 18, first: 'f996f3cb-00fc-480c-8973-8ab04d44a8cc test/charts/example/terraform/main.tf:25 high' },
    { file: 'no_findings.json', workspace: REPO, format: 'kics', count: 0 }
  ]);

  test('kics cwe becomes a CWE id', () => {
    const report = readIacReportFile(corpusPath('reports', 'kics', 'kics-e2e__E2E_CLI_032_RESULT.json'), '/path/e2e/fixtures');
    expect(report.findings[0]!.cwes).toEqual(['CWE-668']);
  });

  test.each([
    ['kics-e2e__E2E_CLI_079_RESULT.sarif', 2, 'path/test/fixtures/test_sarif_cwe_report/run_block_injection/test/positive1.yaml', 10],
    ['kics-e2e__E2E_CLI_080_RESULT.sarif', 1, 'test/fixtures/test_sarif_cwe_report/script_block_injection/test/positive1.yaml', 17]
  ])('kics SARIF %s', (file, count, firstPath, firstLine) => {
    const report = readIacReportFile(corpusPath('reports', 'sarif', file), REPO);
    expect(report.format).toBe('sarif');
    expect(report.findings).toHaveLength(count);
    expect(report.findings[0]!.tools).toEqual(['KICS']);
    expect(report.findings[0]!.location?.path).toBe(firstPath);
    expect(report.findings[0]!.location?.startLine).toBe(firstLine);
  });
});

describe('terrascan reports', () => {
  // Both files carry two scan errors: no kustomize and no helm files were found.
  runTable('terrascan', [
    { file: 'many_findings.json', workspace: REPO, format: 'terrascan', count: 9, first: 'accurics.gcp.NS.109 cluster.tf:52 high', warnings: 2 },
    { file: 'no_findings.json', workspace: REPO, format: 'terrascan', count: 0, warnings: 2 }
  ]);
});

describe('trivy reports', () => {
  // Only misconfigurations count here; vulnerability, secret and license results belong to
  // other scanners, so vulnerability-only reports give zero.
  runTable('trivy', [
    { file: 'all_statuses.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'cvss_severity_source.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'cvssv4_severity_source.json', workspace: REPO, format: 'trivy', count: 0 },
    // Its only target is ../../aws-credentials/main.tf, outside any workspace.
    { file: 'issue_14136.json', workspace: REPO, format: 'trivy', count: 0, warnings: 1 },
    { file: 'issue_9092.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'issue_9333.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'kubernetes.json', workspace: REPO, format: 'trivy', count: 10, first: 'KSV001 - medium' },
    { file: 'legacy_many_vulns.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'legacy_no_vuln.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'legacy_trivy_mix.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'license_scheme.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'misconfigurations_and_secrets.json', workspace: REPO, format: 'trivy', count: 1, first: 'DS002 Dockerfile:- high' },
    { file: 'scheme_2_many_vulns.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'scheme_2_no_vuln.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'securecodebox__juice-shop-v12.10.2-no-results.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'securecodebox__k8s-results_unexpected-attribute.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'securecodebox__test-empty-report.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'severity_prio.json', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__alpine-310.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__alpine-39-skip.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    // A `--report summary` file: 18 misconfiguration ids without objects.
    { file: 'trivy-golden__fixtures_k8s_summary-ids.json.golden', workspace: REPO, format: 'trivy', count: 0, warnings: 1 },
    { file: 'trivy-golden__gomod-vex.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__helm_badname.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__npm.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__secrets.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__terraform-exclude-misconfs-remote-module.json.golden', workspace: REPO, format: 'trivy', count: 0 },
    { file: 'trivy-golden__terraform-remote-module.json.golden', workspace: REPO, format: 'trivy', count: 3, first: 'AVD-AWS-0089 terraform-aws-modules/s3-bucket/aws/main.tf:25 low' },
    { file: 'trivy-golden__test-repo.json.golden', workspace: REPO, format: 'trivy', count: 0 }
  ]);

  test('remote module misconfigurations keep their lines and equivalents', () => {
    const report = readIacReportFile(corpusPath('reports', 'trivy', 'trivy-golden__terraform-remote-module.json.golden'), REPO);
    expect(report.findings.map((finding) => [finding.rule.id, finding.location?.startLine, finding.location?.endLine, finding.cwes])).toEqual([
      ['AVD-AWS-0089', 25, 36, ['CWE-778']],
      ['AVD-AWS-0090', 25, 36, ['CWE-693']],
      ['AVD-AWS-0132', 25, 36, []]
    ]);
  });

  test('cluster misconfigurations name the object', () => {
    const report = readIacReportFile(corpusPath('reports', 'trivy', 'kubernetes.json'), REPO);
    expect(report.findings[0]!.message).toBe("Container 'follower' of Deployment 'redis-follower' should set 'securityContext.allowPrivilegeEscalation' to false (default/Deployment/redis-follower)");
    expect(report.findings[0]!.location).toBeUndefined();
  });
});

describe('trivy operator reports', () => {
  runTable('trivy_operator', [
    { file: 'all_reports_in_dict.json', workspace: REPO, format: 'trivy-operator', count: 1, first: 'KSV014 - low' },
    { file: 'clustercompliancereport.json', workspace: REPO, format: 'trivy-operator', count: 0 },
    { file: 'configauditreport_many.json', workspace: REPO, format: 'trivy-operator', count: 13, first: 'KSV014 - low' },
    { file: 'findings_in_list.json', workspace: REPO, format: 'trivy-operator', count: 13, first: 'KSV014 - low' },
    { file: 'vulnerabilityreport_many.json', workspace: REPO, format: 'trivy-operator', count: 0 },
    { file: 'vulnerabilityreport_no_vuln.json', workspace: REPO, format: 'trivy-operator', count: 0 },
    { file: 'vulnerabilityreport_single_vuln.json', workspace: REPO, format: 'trivy-operator', count: 0 }
  ]);
});

describe('hadolint reports', () => {
  runTable('hadolint', [{ file: 'one_dockerfile.json', workspace: REPO, format: 'hadolint', count: 4, first: 'DL3008 django-DefectDojo/Dockerfile.django:9 medium' }]);

  test('levels and lines', () => {
    const report = readIacReportFile(corpusPath('reports', 'hadolint', 'one_dockerfile.json'), REPO);
    expect(report.findings.map(describeFinding)).toEqual([
      'DL3008 django-DefectDojo/Dockerfile.django:9 medium',
      'DL3015 django-DefectDojo/Dockerfile.django:9 low',
      'DL3008 django-DefectDojo/Dockerfile.django:25 medium',
      'DL3013 django-DefectDojo/Dockerfile.django:44 medium'
    ]);
  });
});

test.each([
  ['{"unknown": true}', 'bad.json: is not a known IaC report; expected Checkov, tfsec, KICS, Terrascan, Trivy, Trivy Operator or hadolint JSON, or SARIF'],
  ['{"results": 42}', 'bad.json: "results" is number; expected an array'],
  ['{ not json', 'bad.json: invalid JSON at line 1, column 3: expected a double-quoted property name'],
  ['', 'bad.json: is empty; expected a JSON or SARIF report']
])('rejects %j', async (text, message) => {
  const { parseIacReport } = await import('../src/reports/index.js');
  let error: unknown;
  try {
    parseIacReport(text, 'bad.json', REPO);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ReportError);
  expect((error as Error).message).toBe(message);
});
