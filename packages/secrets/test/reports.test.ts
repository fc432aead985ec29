import { readdirSync, readFileSync } from 'node:fs';

import { FINGERPRINT_KEY } from '@devsecops/core';
import { parseSecretReport, readSecretReport } from '@devsecops/secrets';

import { corpusPath } from '../../../test/corpus.js';
import { ALNUM, randomText } from './tokens.js';

const WORKSPACE = '/work/repo';

/** One row per corpus report: file, format, finding count, then `path:line` of the first findings (`-` when none). */
const TABLE: Array<[string, string, number, string[]]> = [
  ['gitleaks/data_many.json', 'gitleaks', 2, ['.bashrc:-', '.bashrc:-']],
  ['gitleaks/gitleaks8_many.json', 'gitleaks', 4, ['-', '-', 'conf/rsa.pk:57', 'tests/api.py:21']],
  ['gitleaks/no_findings.json', 'empty', 0, []],
  ['gitleaks/securecodebox__test-empty-report.json', 'empty', 0, []],
  ['gitleaks/securecodebox__test-null-report.json', 'empty', 0, []],
  ['gitleaks/securecodebox__test-report-tags.json', 'gitleaks', 3, ['scanners/gitleaks/parser/parser.test.js:167', 'scanners/gitleaks/parser/parser.test.js:167', 'scanners/gitleaks/parser/parser.test.js:167']],
  ['gitleaks/securecodebox__test-report.json', 'gitleaks', 4, ['hooks/persistence-azure-monitor/hook/hook.test.js:51', 'demo-targets/unsafe-https/container/site.key:1', 'hooks/notification/README.md:164', 'scanners/zap-extended/scanner/scbzapv2/__main__.py:37']],
  ['gitleaks/version_7.5.0.json', 'gitleaks', 8, ['dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json:13']],
  ['sarif/gitleaks_7.5.0.sarif', 'sarif', 8, ['dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json:13']],
  ['trufflehog/v2_many_vulns.json', 'trufflehog-v2', 66, ['test_all.py:-', 'test_all.py:37', 'README.md:-', 'scripts/searchOrg.py:-']],
  ['trufflehog3/issue_6999.json', 'trufflehog3', 1, ['tests/Services/GoodDrafts/DataSets/4620060807393:2']],
  ['trufflehog3/many_vulns2_legacy.json', 'trufflehog3', 145, ['test_all.py:-', 'test_all.py:-', 'test_all.py:-', 'test_all.py:-']],
  ['trufflehog3/many_vulns_current.json', 'trufflehog3', 4, ['docker/Dockerfile:3', 'docker/Dockerfile:2', 'env-file.txt:10', 'docker/Dockerfile:2']],
  ['trufflehog3/many_vulns_legacy.json', 'trufflehog3', 74, ['fixtures/users.json:-']],
  ['detect_secrets/many_findings.json', 'detect-secrets', 4, ['modules_images:151', 'modules_images:156', 'example/pkg/docker_registry_watcher/docker_config.go:109', 'example/pkg/docker_registry_watcher/docker_registry_watcher.go:112']],
  ['detect_secrets/no_findings.json', 'detect-secrets', 0, []],
  ['ggshield/many_findings.json', 'ggshield', 2, ['wapf/settings.py:23', 'wapf/settings.py:-']],
  ['ggshield/no_finding.json', 'ggshield', 0, []],
  ['ggshield/one_finding.json', 'ggshield', 1, ['wapf/settings.py:-']]
];

describe('secret scanner reports', () => {
  test.each(TABLE)('%s', async (file, format, count, places) => {
    const secrets: string[] = [];
    const result = await readSecretReport(corpusPath('reports', file), WORKSPACE, file, (secret) => secrets.push(secret));
    expect(result.format).toBe(format);
    expect(result.findings).toHaveLength(count);
    const actual = result.findings.slice(0, places.length).map((finding) => (finding.location ? `${finding.location.path}:${finding.location.startLine ?? '-'}` : '-'));
    expect(actual).toEqual(places);
    for (const finding of result.findings) {
      expect(finding.category).toBe('secrets');
      expect(finding.cwes).toEqual(['CWE-798']);
    }
    // No secret the report held in clear survives into the findings.
    const serialized = JSON.stringify(result.findings);
    for (const secret of secrets.filter((value) => value.length >= 8)) {
      expect(serialized).not.toContain(secret);
    }
  });

  test('every corpus report is in the table', () => {
    const folders = ['gitleaks', 'trufflehog', 'trufflehog3', 'detect_secrets', 'ggshield'];
    const listed = new Set(TABLE.map(([file]) => file));
    for (const folder of folders) {
      for (const name of readdirSync(corpusPath('reports', folder))) {
        expect(listed.has(`${folder}/${name}`)).toBe(true);
      }
    }
  });

  test('absolute path outside the workspace loses its location', () => {
    const result = parseSecretReport(readFileSync(corpusPath('reports', 'gitleaks', 'gitleaks8_many.json'), 'utf8'), 'gitleaks8_many.json', WORKSPACE);
    expect(result.warnings[0]).toBe('gitleaks8_many.json: path "/conf/aws.tf" is outside the workspace; the finding of rule aws-access-token is kept without a location.');
    expect(result.findings[0]!.rule.id).toBe('aws-access-token');
    expect(result.findings[0]!.message).toBe('AWS: sec… (commit 74d53286c550)');
  });

  test('gitleaks tags give the severity', async () => {
    const result = await readSecretReport(corpusPath('reports', 'gitleaks', 'securecodebox__test-report-tags.json'), WORKSPACE);
    // Tags are ["HIGH"], [] and ["LOW"]; without a severity tag a gitleaks finding is high.
    expect(result.findings.map((finding) => finding.severity)).toEqual(['high', 'high', 'low']);
    expect(result.findings[0]!.rule.id).toBe('PKCS8-PK');
  });

  test('detect-secrets hash is the fingerprint source', async () => {
    const result = await readSecretReport(corpusPath('reports', 'detect_secrets', 'many_findings.json'), WORKSPACE);
    expect(result.findings.map((finding) => finding.rule.id)).toEqual(['Secret Keyword', 'Secret Keyword', 'Secret Keyword', 'Secret Keyword']);
    expect(result.findings[0]!.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
  });

  test('TruffleHog v3 JSON lines', () => {
    const lines = [
      { SourceMetadata: { Data: { Git: { commit: 'c'.repeat(40), file: 'config/app.env', line: 7 } } }, DetectorName: 'AWS', Verified: true, Raw: 'AKIA-standin-value-1' },
      { SourceMetadata: { Data: { Filesystem: { file: 'src/key.pem', line: 1 } } }, DetectorName: 'PrivateKey', Verified: false, Raw: 'standin-private-key-2' }
    ];
    const result = parseSecretReport(lines.map((line) => JSON.stringify(line)).join('\n'), 'th3.jsonl', WORKSPACE);
    expect(result.format).toBe('trufflehog-v3');
    expect(result.findings.map((finding) => [finding.rule.id, finding.severity, finding.location?.path, finding.location?.startLine])).toEqual([
      ['AWS', 'critical', 'config/app.env', 7],
      ['PrivateKey', 'high', 'src/key.pem', 1]
    ]);
    expect(JSON.stringify(result.findings)).not.toContain('standin-value');
  });

  test('broken report is a clear error', () => {
    expect(() => parseSecretReport('{"results": 42}', 'bad.json', WORKSPACE)).toThrow(
      'bad.json: not a secret scanner report this suite reads: expected gitleaks, TruffleHog, trufflehog3, detect-secrets, ggshield or SARIF output'
    );
    expect(() => parseSecretReport('{"a":1}\nnot json', 'lines.json', WORKSPACE)).toThrow(
      'lines.json: line 2, column 1: invalid JSON in a JSON lines report: expected a value (object, array, string, number, true, false or null)'
    );
  });

  test('JSON error names the place and quotes nothing', () => {
    const secret = `wJalr${randomText(ALNUM, 35, 300)}`;
    const text = `[\n  {\n    "RuleID": "aws-secret",\n    "Secret": ${secret}\n  }\n]`;
    let message = '';
    try {
      parseSecretReport(text, 'gitleaks.json', WORKSPACE);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('gitleaks.json: invalid JSON at line 4, column 15: expected a value (object, array, string, number, true, false or null)');
    expect(message).not.toContain(secret.slice(0, 5));
  });
});
