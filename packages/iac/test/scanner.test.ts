import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { classifyFindings, ConfigurationError, defaultConfig, RecordingLogger, silentLogger, type SuiteConfig } from '@devsecops/core';

import { corpusPath } from '../../../test/corpus.js';
import { readIacReportFile } from '../src/reports/index.js';
import { resolveIacSettings } from '../src/settings.js';
import { scanIac } from '../src/scanner.js';
import { engineArguments, runExternalEngine } from '../src/tool-runners.js';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const STANDIN = path.join(FIXTURES, 'standin', 'tool.mjs');

function configWith(iac: unknown): SuiteConfig {
  return { ...defaultConfig(), sections: { iac }, file: '.github/devsecops.yml' };
}

/** A Checkov report, as `checkov -o json` writes it, on the provider-v4 fixture. */
function writeCheckovReport(dir: string): string {
  const check = (id: string, name: string, range: [number, number], resource: string) => ({
    check_id: id,
    check_name: name,
    check_result: { result: 'FAILED' },
    file_path: '/main.tf',
    repo_file_path: '/terraform/separate/main.tf',
    file_line_range: range,
    resource
  });
  const report = {
    check_type: 'terraform',
    results: {
      passed_checks: [],
      failed_checks: [
        check('CKV_AWS_20', 'S3 Bucket has an ACL defined which allows public READ access.', [43, 46], 'aws_s3_bucket_acl.covered'),
        check('CKV_AWS_24', 'Ensure no security groups allow ingress from 0.0.0.0:0 to port 22', [48, 55], 'aws_security_group_rule.ssh'),
        check('CKV_AWS_144', 'Ensure that S3 bucket has cross-region replication enabled', [11, 13], 'aws_s3_bucket.covered')
      ],
      skipped_checks: [],
      parsing_errors: []
    },
    summary: { passed: 0, failed: 3, skipped: 0, parsing_errors: 0, checkov_version: '3.2.0' }
  };
  const file = path.join(dir, 'checkov.json');
  writeFileSync(file, JSON.stringify(report));
  return file;
}

describe('equivalent findings', () => {
  test('checkov and built-in at same place merge', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'iac-merge-'));
    const result = await scanIac({
      workspace: FIXTURES,
      target: path.join(FIXTURES, 'terraform', 'separate'),
      config: defaultConfig(),
      logger: silentLogger,
      reportFiles: [writeCheckovReport(scratch)],
      settings: {}
    });
    expect(result.engines).toEqual(['builtin', 'report:checkov']);
    expect(result.stats.merged).toBe(2);
    const summary = result.findings.map((finding) => `${finding.rule.id} ${finding.location?.path}:${finding.location?.startLine} ${finding.tools.join('+')}`).sort();
    expect(summary).toEqual([
      'CKV_AWS_144 terraform/separate/main.tf:11 Checkov',
      'DSO-TF-AWS-002 terraform/separate/main.tf:45 Checkov+devsecops-iac',
      'DSO-TF-AWS-004 terraform/separate/main.tf:39 devsecops-iac',
      'DSO-TF-AWS-006 terraform/separate/main.tf:36 devsecops-iac',
      'DSO-TF-AWS-008 terraform/separate/main.tf:27 devsecops-iac',
      'DSO-TF-AWS-019 terraform/separate/main.tf:53 Checkov+devsecops-iac'
    ]);
    const acl = result.findings.find((finding) => finding.rule.id === 'DSO-TF-AWS-002')!;
    expect(acl.properties?.equivalents).toEqual(['Checkov:CKV_AWS_20']);
    expect(acl.severity).toBe('high');
  });

  test('core dedupe merges them from separate runs', async () => {
    // As when the iac action's SARIF and a Checkov step's report reach the report action apart.
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'iac-dedupe-'));
    const builtin = await scanIac({ workspace: FIXTURES, target: path.join(FIXTURES, 'terraform', 'separate'), config: defaultConfig(), logger: silentLogger, settings: {} });
    const checkov = readIacReportFile(writeCheckovReport(scratch), FIXTURES);
    const report = classifyFindings([...builtin.findings, ...checkov.findings], { workspace: FIXTURES, config: defaultConfig(), failOn: 'none', context: { serverUrl: 'https://github.com' }, logger: silentLogger });
    // The merged finding takes the rule and place of the member that starts first: Checkov's resource range.
    const merged = report.findings.filter((finding) => finding.tools.length === 2).map((finding) => `${finding.rule.id} ${finding.location?.startLine} ${finding.tools.join('+')} ${finding.cwes.join(',')}`).sort();
    expect(merged).toEqual(['CKV_AWS_20 43 Checkov+devsecops-iac CWE-732', 'CKV_AWS_24 48 Checkov+devsecops-iac CWE-284']);
    expect(report.findings).toHaveLength(6);
  });
});

describe('settings', () => {
  test('defaults', () => {
    expect(resolveIacSettings({ config: defaultConfig(), settings: {} })).toEqual({ frameworks: undefined, engines: ['builtin'], exclude: [], skipPolicies: [], timeoutMs: 1_200_000 });
  });

  test('inputs override the config section', () => {
    const settings = resolveIacSettings({ config: configWith({ frameworks: ['kubernetes'], engines: ['tfsec'], 'skip-policies': ['DSO-K8S-013'], 'timeout-minutes': 2 }), settings: { frameworks: 'terraform, dockerfile' }, engines: ['builtin', 'checkov'] });
    expect(settings).toEqual({ frameworks: ['terraform', 'dockerfile'], engines: ['builtin', 'checkov'], exclude: [], skipPolicies: ['DSO-K8S-013'], timeoutMs: 120_000 });
  });

  test.each([
    [{ frameworks: ['helm'] }, {}, undefined, '.github/devsecops.yml: invalid iac section: iac.frameworks.0 must be equal to one of the allowed values (terraform, kubernetes, dockerfile, github-actions)'],
    [{ colour: 'red' }, {}, undefined, '.github/devsecops.yml: invalid iac section: iac must NOT have additional properties'],
    [{}, { frameworks: 'cloudformation' }, undefined, 'frameworks: "cloudformation" is not a framework; expected one or more of terraform, kubernetes, dockerfile, github-actions'],
    [{}, {}, ['terrascan'], 'engines: "terrascan" is not an IaC engine; expected one or more of builtin, checkov, tfsec, trivy, kics']
  ])('rejects %j %j %j', (section, settings, engines, message) => {
    expect(() => resolveIacSettings({ config: configWith(section), settings, engines })).toThrow(new ConfigurationError(message));
  });

  test('frameworks all means every framework', () => {
    expect(resolveIacSettings({ config: defaultConfig(), settings: { frameworks: 'all' } }).frameworks).toBeUndefined();
  });
});

describe('external engines', () => {
  test.each([
    ['checkov', 'checkov/checkov-report-severity.json', ['--directory', '<target>', '--output', 'json', '--soft-fail', '--quiet', '--skip-download'], 4, 'CKV_GCP_29 gcs.tf:1'],
    ['tfsec', 'tfsec/many_findings_legacy.json', ['<target>', '--format', 'json', '--no-colour', '--soft-fail'], 3, 'GCP009 tfsec-test/cluster.tf:52'],
    ['trivy', 'trivy/trivy-golden__terraform-remote-module.json.golden', ['config', '--format', 'json', '--quiet', '--exit-code', '0', '<target>'], 3, 'AVD-AWS-0089 terraform-aws-modules/s3-bucket/aws/main.tf:25'],
    ['kics', 'kics/many_findings.json', ['scan', '--path', '<target>', '--output-path', '<output>', '--report-formats', 'json', '--no-progress', '--ignore-on-exit', 'results', '--disable-secrets'], 18, 'f996f3cb-00fc-480c-8973-8ab04d44a8cc test/charts/example/terraform/main.tf:25']
  ])('%s stand-in', async (engine, report, expectedArgs, count, first) => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), `iac-${engine}-`));
    const log = path.join(scratch, 'args.log');
    const logger = new RecordingLogger();
    // The workspace is the scratch folder; trivy's target is the folder its paths are relative to.
    const findings = await runExternalEngine(engine, {
      workspace: scratch,
      target: scratch,
      logger,
      timeoutMs: 30_000,
      executable: STANDIN,
      env: { STANDIN_LOG: log, STANDIN_REPORT: corpusPath('reports', ...report.split('/')) }
    });
    const args = JSON.parse(readFileSync(log, 'utf8').trim()) as string[];
    const outputIndex = args.indexOf('--output-path');
    const shown = args.map((arg) => (arg === scratch ? '<target>' : arg));
    if (outputIndex >= 0) {
      shown[outputIndex + 1] = '<output>';
    }
    expect(shown).toEqual(expectedArgs);
    expect(findings).toHaveLength(count);
    expect(`${findings[0]!.rule.id} ${findings[0]!.location?.path}:${findings[0]!.location?.startLine}`).toBe(first);
  });

  test('failing tool is an error of the scan', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'iac-fail-'));
    await expect(
      runExternalEngine('tfsec', { workspace: scratch, target: scratch, logger: silentLogger, timeoutMs: 30_000, executable: STANDIN, env: { STANDIN_REPORT: corpusPath('reports', 'tfsec', 'no_findings.json'), STANDIN_EXIT: '3' } })
    ).rejects.toThrow('tfsec exited with code 3 (expected 0)');
  });

  test('engine arguments', () => {
    expect(engineArguments('tfsec', '/w', '/o')).toEqual(['/w', '--format', 'json', '--no-colour', '--soft-fail']);
  });
});
