import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ReportError, type Finding } from '@devsecops/core';

import { corpusPath } from '../../../test/corpus.js';
import { parseSastReport, readSastReport } from '../src/report-files.js';

// Expected values were counted with jq on the corpus files, not with this parser.
// [file, format, findings, first finding "path:line", last finding "path:line", first rule id]
type Row = [string, string, number, string, string, string];

const SEMGREP: Row[] = [
  ['semgrep/empty.json', 'semgrep-json', 0, '', '', ''],
  ['semgrep/fingerprint_test.json', 'semgrep-json', 2, 'sample/brute.py:31', 'sample/function.go:37', 'python.lang.security.audit.dangerous-subprocess-use-tainted-env-args.dangerous-subprocess-use-tainted-env-args'],
  ['semgrep/high-medium-low-severities.json', 'semgrep-json', 3, 'src/templates/base.html.twig:48', 'src/templates/base.html.twig:50', 'rules.sast.dev.generic.internal.detect-cdn-usage-react-express'],
  ['semgrep/issue_8435.json', 'semgrep-json', 1, '-', '-', 'generic.secrets.security.detected-twitter-oauth.detected-twitter-oauth'],
  ['semgrep/many_findings.json', 'semgrep-json', 3, 'src/main/java/org/owasp/benchmark/testcode/BenchmarkTest02194.java:64', 'src/main/java/org/owasp/benchmark/testcode/BenchmarkTest01150.java:66', 'java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle'],
  ['semgrep/many_vulns.json', 'semgrep-json', 48, 'tasks.py:186', 'tools/microfocus_webinspect/parser.py:4', 'python.lang.correctness.tempfile.flush.tempfile-without-flush'],
  ['semgrep/multiple_cwes_fabricated.json', 'semgrep-json', 1, 'src/main/java/org/owasp/benchmark/testcode/BenchmarkTest02194.java:64', 'src/main/java/org/owasp/benchmark/testcode/BenchmarkTest02194.java:64', 'java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle'],
  ['semgrep/sca-deployments-vulns.json', 'semgrep-supply-chain-json', 22, 'requirements3.txt:222', 'package-lock.json:22067', 'ssc-82207871-bbda-49be-b1af-49fd927a2f93'],
  ['semgrep/securecodebox__minimal-metadata.json', 'semgrep-json', 1, 'truncatedname_test.go:44', 'truncatedname_test.go:44', '-'],
  ['semgrep/securecodebox__python-injection-multiresult.json', 'semgrep-json', 2, 'test.py:5', 'test.py:10', 'python.django.security.injection.command.command-injection-os-system.command-injection-os-system'],
  ['semgrep/securecodebox__python-injection.json', 'semgrep-json', 1, 'test.py:4', 'test.py:4', 'python.django.security.injection.command.command-injection-os-system.command-injection-os-system'],
  ['semgrep/semgrep_version_1_30_0_line_26.json', 'semgrep-json', 5, 'test.go:27', 'test.go:77', 'go.lang.security.audit.net.formatted-template-string.formatted-template-string']
];

const SEMGREP_PRO: Row[] = [
  ['semgrep_pro/multiple_cwes_fabricated.json', 'semgrep-platform-json', 1, 'frontend/src/corpComponents/Code.tsx:120', 'frontend/src/corpComponents/Code.tsx:120', 'typescript.react.security.audit.react-no-refs.react-no-refs'],
  ['semgrep_pro/one_vuln.json', 'semgrep-platform-json', 1, 'frontend/src/corpComponents/Code.tsx:120', 'frontend/src/corpComponents/Code.tsx:120', 'typescript.react.security.audit.react-no-refs.react-no-refs']
];

const BANDIT: Row[] = [
  ['bandit/dd.json', 'bandit-json', 47, 'dojo/tools/acunetix/parser.py:39', 'dojo/tools/zap/parser.py:162', 'B303'],
  ['bandit/many_vulns.json', 'bandit-json', 214, 'dojo/benchmark/views.py:26', 'dojo/wsgi.py:53', 'B110'],
  ['bandit/one_vuln.json', 'bandit-json', 1, 'one/one.py:2', 'one/one.py:2', 'B101']
];

const ESLINT: Row[] = [
  ['eslint/empty.json', 'eslint-json', 0, '', '', ''],
  ['eslint/no_finding.json', 'eslint-json', 0, '', '', ''],
  ['eslint/scan.json', 'eslint-json', 2, 'routes/basketItems.js:19', 'routes/basketItems.js:20', 'security/detect-object-injection']
];

const SNYK_CODE: Row[] = [
  ['snyk_code/snykcode_issue_9270.json', 'sarif', 39, 'frontend/src/app/score-board/score-board.component.ts:216', 'test/api/2faSpec.ts:433', 'javascript/XSS']
];

const CODEQL: Row[] = [
  ['sarif/codeQL-output.sarif', 'sarif', 72, 'good/db_init.py:39', 'good/mod_user.py:48', '']
];

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'sast-reports-'));
  // Files whose absolute report paths from other machines are matched by their tail.
  for (const file of ['src/templates/base.html.twig', 'routes/basketItems.js']) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), '\n');
  }
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function where(finding: Finding | undefined): string {
  if (!finding) {
    return '';
  }
  return finding.location ? `${finding.location.path}:${finding.location.startLine}` : '-';
}

describe.each([
  ['semgrep', SEMGREP],
  ['semgrep_pro', SEMGREP_PRO],
  ['bandit', BANDIT],
  ['eslint', ESLINT],
  ['snyk_code', SNYK_CODE],
  ['codeql', CODEQL]
])('%s corpus', (_tool, rows) => {
  test.each(rows)('%s', async (file, format, count, first, last, firstRule) => {
    const report = await readSastReport(corpusPath('reports', file), { workspace, displayName: file });
    expect(report.format).toBe(format);
    expect(report.findings).toHaveLength(count);
    expect(where(report.findings[0])).toBe(first);
    expect(where(report.findings.at(-1))).toBe(last);
    if (firstRule !== '') {
      expect(report.findings[0]?.rule.id).toBe(firstRule);
    }
    for (const finding of report.findings) {
      expect(finding.category).toBe('sast');
    }
  });
});

test('every report of the five SAST folders is in a table', () => {
  const listed = new Set([...SEMGREP, ...SEMGREP_PRO, ...BANDIT, ...ESLINT, ...SNYK_CODE].map((row) => row[0]));
  const onDisk = ['semgrep', 'semgrep_pro', 'bandit', 'eslint', 'snyk_code'].flatMap((folder) =>
    readdirSync(corpusPath('reports', folder)).map((name) => `${folder}/${name}`)
  );
  expect(onDisk.filter((file) => !listed.has(file))).toEqual([]);
});

test.each([
  ['', 'is empty; expected a JSON report'],
  ['{"results": [', 'invalid JSON at line 1, column 14: expected a value, but the text ended'],
  ['{"items": []}', 'is not a known report format; expected SARIF 2.1.0, Semgrep JSON (`semgrep --json`), Bandit JSON (`bandit -f json`) or ESLint JSON (`eslint -f json`)'],
  ['{"errors": [], "results": [3]}', 'results[0] must be an object, got number'],
  ['[{"filePath": "/a.js"}]', '[0] must be an object with "filePath" and "messages", got object']
])('rejects %j', (text, detail) => {
  expect(() => parseSastReport(text, 'bad.json', { workspace })).toThrow(new ReportError('bad.json', detail));
});

describe('CWE and OWASP on corpus findings', () => {
  // [file, finding index, rule id, CWE ids, OWASP 2021 category or '' for none]
  const cases: Array<[string, number, string, string[], string]> = [
    ['semgrep/semgrep_version_1_30_0_line_26.json', 0, 'go.lang.security.audit.net.formatted-template-string.formatted-template-string', ['CWE-79'], 'A03:2021-Injection'],
    ['semgrep/securecodebox__python-injection.json', 0, 'python.django.security.injection.command.command-injection-os-system.command-injection-os-system', ['CWE-78'], 'A03:2021-Injection'],
    ['semgrep/multiple_cwes_fabricated.json', 0, 'java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle', ['CWE-327', 'CWE-696'], 'A02:2021-Cryptographic Failures'],
    ['semgrep/securecodebox__minimal-metadata.json', 0, '-', [], ''],
    ['semgrep/sca-deployments-vulns.json', 0, 'ssc-82207871-bbda-49be-b1af-49fd927a2f93', ['CWE-617'], 'A06:2021-Vulnerable and Outdated Components'],
    ['semgrep_pro/multiple_cwes_fabricated.json', 0, 'typescript.react.security.audit.react-no-refs.react-no-refs', ['CWE-319', 'CWE-311'], 'A02:2021-Cryptographic Failures'],
    ['bandit/one_vuln.json', 0, 'B101', ['CWE-703'], 'A04:2021-Insecure Design'],
    ['bandit/dd.json', 0, 'B303', ['CWE-327'], 'A02:2021-Cryptographic Failures'],
    ['eslint/scan.json', 0, 'security/detect-object-injection', ['CWE-915'], 'A08:2021-Software and Data Integrity Failures'],
    ['snyk_code/snykcode_issue_9270.json', 0, 'javascript/XSS', ['CWE-79'], 'A03:2021-Injection'],
    ['sarif/codeQL-output.sarif', 0, 'py/empty-except', ['CWE-390'], '']
  ];

  test.each(cases)('%s [%i]', async (file, index, ruleId, cwes, owasp) => {
    const report = await readSastReport(corpusPath('reports', file), { workspace, displayName: file });
    const finding = report.findings[index];
    expect(finding?.rule.id).toBe(ruleId);
    expect(finding?.cwes).toEqual(cwes);
    expect(finding?.properties?.owasp).toBe(owasp === '' ? undefined : owasp);
  });
});

describe('report details', () => {
  test('CodeQL code flows keep their steps', async () => {
    const report = await readSastReport(corpusPath('reports', 'sarif', 'codeQL-output.sarif'), { workspace });
    const flowing = report.findings.filter((finding) => finding.properties?.codeFlows);
    expect(flowing.map((finding) => (finding.properties?.codeFlows as unknown[]).length)).toEqual([2, 7, 10, 10, 8]);
    const first = flowing[0]!;
    expect([first.rule.id, where(first), first.cwes, first.properties?.owasp]).toEqual([
      'py/path-injection',
      'bad/libapi.py:22',
      ['CWE-22', 'CWE-23', 'CWE-36', 'CWE-73', 'CWE-99'],
      'A01:2021-Broken Access Control'
    ]);
    const steps = (first.properties?.codeFlows as Array<Array<{ path?: string; startLine?: number; message?: string }>>)[0]!;
    expect(steps).toHaveLength(5);
    expect(steps[0]).toEqual({ path: 'bad/mod_api.py', startLine: 32, startColumn: expect.any(Number), message: 'ControlFlowNode for request' });
    expect([steps[4]?.path, steps[4]?.startLine, steps[4]?.message]).toEqual(['bad/libapi.py', 22, 'ControlFlowNode for Path()']);
  });

  test('absolute path without a workspace match is dropped with a warning', async () => {
    const report = await readSastReport(corpusPath('reports', 'semgrep', 'issue_8435.json'), { workspace, displayName: 'issue_8435.json' });
    expect(report.findings[0]?.location).toBeUndefined();
    expect(report.warnings).toEqual([
      'issue_8435.json: results[0]: path "/somedir/somefile.js" is outside the workspace and matches no file in it; the location was dropped'
    ]);
  });

  test('Bandit severity, confidence and help', async () => {
    const report = await readSastReport(corpusPath('reports', 'bandit', 'one_vuln.json'), { workspace });
    const finding = report.findings[0]!;
    expect([finding.severity, finding.properties?.confidence, finding.rule.name, finding.rule.helpUri, finding.tools]).toEqual([
      'low',
      'high',
      'assert_used',
      'https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html',
      ['Bandit']
    ]);
  });

  test('nosemgrep result is suppressed', () => {
    const text = JSON.stringify({
      errors: [],
      results: [
        { check_id: 'a.b', path: 'x.py', start: { line: 3, col: 1 }, end: { line: 3, col: 9 }, extra: { message: 'm', severity: 'ERROR', metadata: {}, is_ignored: true } },
        { check_id: 'a.c', path: 'x.py', start: { line: 4, col: 1 }, end: { line: 4, col: 9 }, extra: { message: 'm', severity: 'INFO', metadata: {}, is_ignored: false } }
      ]
    });
    const report = parseSastReport(text, 'semgrep.json', { workspace });
    expect(report.findings.map((finding) => [finding.rule.id, finding.severity, finding.suppression?.justification ?? ''])).toEqual([
      ['a.b', 'high', 'nosemgrep comment'],
      ['a.c', 'info', '']
    ]);
  });

  test('OWASP tag of a SARIF rule wins over the CWE', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Semgrep OSS', rules: [{ id: 'r1', properties: { tags: ['CWE-89: SQL Injection', 'OWASP-A01:2021 - Broken Access Control'] } }] } },
          results: [{ ruleId: 'r1', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 7 } } }] }]
        }
      ]
    });
    const finding = parseSastReport(text, 'semgrep.sarif', { workspace }).findings[0]!;
    expect([where(finding), finding.cwes, finding.properties?.owasp]).toEqual(['app.py:7', ['CWE-89'], 'A01:2021-Broken Access Control']);
  });
});
