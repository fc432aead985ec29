import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CORPUS_DIR, corpusPath } from '../../../test/corpus.js';
import { ReportError } from '../src/errors.js';
import type { CodeFlowStep, Finding } from '../src/finding.js';
import { MAX_FLOW_STEPS, MAX_THREAD_FLOWS, MAX_WARNINGS_PER_FILE, parseSarif, readSarifFile, UNKNOWN_RULE_ID, type SarifReadResult } from '../src/sarif/reader.js';

const workspace = '/srv/repo';
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sarif');

/**
 * Every file in the corpus folder `reports/sarif/`: [findings, skipped] counted from the file
 * with jq and node (results per run, minus kind pass/notApplicable), or the error it must raise.
 */
const corpus: Record<string, [findings: number, skipped: number] | string> = {
  'DefectDojo_django-DefectDojo__2020-12-11_13 42 10__export.sarif': [510, 0],
  'SuppressionTestCurrent.sarif': [4, 0],
  'appendix_k.sarif': [1, 0],
  'appendix_k1.sarif': [0, 0],
  'appendix_k1_double.sarif': [0, 0],
  'appendix_k2.sarif': [1, 0],
  'appendix_k3.sarif': [1, 0],
  'appendix_k4.sarif': [1, 0],
  'bash-report.sarif': [27, 0],
  'blackduck_nested_fingerprints.sarif': [5, 0],
  'codeQL-output.sarif': [72, 0],
  'codeql-action__empty-sarif.sarif': [0, 0],
  'codeql-action__fingerprinting2.input.sarif': [1, 0],
  'codeql-action__invalid-sarif.sarif': 'runs[0].results must be an array, got number',
  'codeql-action__tool-names.sarif': 'runs[3].tool.driver.name is missing; expected a non-empty string, got ""',
  'codeql-action__valid-sarif-diff-filtered.sarif': [2, 0],
  'codeql-action__valid-sarif.sarif': [3, 0],
  'codeql-action__with-invalid-uri.sarif': [1, 0],
  'cxf-3.4.6.sarif': [22, 0],
  'dependency_check.sarif': [13, 0],
  'dockle_0_3_15.sarif': [4, 0],
  'flawfinder.sarif': [53, 1],
  'gitleaks_7.5.0.sarif': [8, 0],
  'grype-golden__TestSarifPresenter_directory.golden': [2, 0],
  'grype-golden__TestSarifPresenter_image.golden': [2, 0],
  'kics-e2e__E2E_CLI_079_RESULT.sarif': [2, 0],
  'kics-e2e__E2E_CLI_080_RESULT.sarif': [1, 0],
  'mobsfscan.json': [9, 0],
  'njsscan.sarif': [2, 0],
  'no_runs.sarif': [0, 0],
  'sarif-sdk__converter-EmbeddedLocations.csv.sarif': [1, 0],
  'sarif-sdk__converter-MissingLocation.xml.sarif': [2, 0],
  'sarif-sdk__converter-TSLint-09.json.sarif': [25, 0],
  'sarif-sdk__ghingest-NonErrorResults.sarif': [4, 0],
  'sarif-sdk__ghingest-ThreadFlowLocations.sarif': [1, 0],
  'sarif-sdk__ghingest-TooManyResults.sarif': [4, 0],
  'sarif-sdk__v1-Comprehensive.sarif': 'version "1.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v1-Minimal.sarif': 'version "1.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-Comprehensive.sarif': 'version "2.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-InlineExternalProperties.sarif': 'version "2.0.0-csd.2.beta.2019-02-20" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-Minimal.sarif': 'version "2.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-RuleMetadata.sarif': 'version "2.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__validate-GH1002.InlineThreadFlowLocations_Invalid.sarif': [1, 0],
  'sarif-sdk__validate-GH1005.LocationsMustBeRelativeUrisOrFilePaths_Invalid.sarif': [1, 0],
  'sarif-sdk__validate-JSON1001.SyntaxError.sarif': 'invalid JSON at line 3, column 3: ',
  'sarif-sdk__validate-JSON1002.DeserializationError.sarif': [1, 0],
  'sarif-sdk__validate-SARIF1002.UrisMustBeValid_Invalid.sarif': [2, 0],
  'sarif-sdk__validate-SARIF1004.ExpressUriBaseIdsCorrectly_Valid.sarif': [1, 0],
  'sarif-sdk__validate-SARIF1007.RegionPropertiesMustBeConsistent_Invalid.sarif': [2, 0],
  'sarif-sdk__validate-SARIF1008.PhysicalLocationPropertiesMustBeConsistent_Invalid.sarif': [17, 0],
  'sarif-sdk__validate-SARIF1009.IndexPropertiesMustBeConsistentWithArrays_Invalid.sarif': [3, 0],
  'sarif-sdk__validate-SARIF1011.ReferenceFinalSchema_Invalid.sarif': [0, 0],
  'sarif-sdk__validate-SARIF1011.ReferenceFinalSchema_Valid.sarif': [0, 0],
  'sarif-sdk__validate-SARIF1012.MessageArgumentsMustBeConsistentWithRule_Invalid.sarif': [4, 0],
  'sarif-sdk__validate-SARIF1013.SarifReferencesMustResolve_Invalid.sarif': [2, 0],
  'sarif-sdk__validate-SARIF2004.OptimizeFileSize_SentinelIndexBloat.sarif': [1, 0],
  'sarif-sdk__validate-SARIF2008.ProvideSchema_Invalid.sarif': [0, 0],
  'sarif-sdk__validate-SARIF2010.ProvideCodeSnippets_WithEmbeddedContent.sarif': [1, 0],
  'sarif-sdk__validate-SARIF2016.FileUrisShouldBeRelative_Invalid.sarif': [1, 0],
  'sarif-sdk__validate-SimpleExample.sarif-external-properties.json': 'runs is missing: this is a SARIF external property file, not a SARIF log',
  'sarif-spec__2.2-example-example-3-13-5-01.json': 'version "2.2" is not supported; expected "2.1.0"',
  'sarif-spec__2.2-example-example-3-3-4-01.json': 'version "2.2" is not supported; expected "2.1.0"',
  'sarif-spec__2.2-example-graft.json': [0, 0],
  'sarif-spec__2.2-example-minimal-recommended-with-source-info.json': 'version "2.2" is not supported; expected "2.1.0"',
  'sarif-spec__2.2-example-minimal-recommended-without-source-info.json': 'version "2.2" is not supported; expected "2.1.0"',
  'semgrepowasp-benchmark-sample.sarif': [1768, 0],
  'spotbugs.sarif': [56, 0],
  'suppression_test.sarif': [5, 0],
  'taint-python-report.sarif': [11, 0]
};

async function readCorpus(name: string): Promise<SarifReadResult> {
  return readSarifFile(corpusPath('reports', 'sarif', name), { workspace, displayName: name });
}

async function rejection(read: Promise<unknown>): Promise<ReportError> {
  const error = await read.then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  if (!(error instanceof ReportError)) {
    throw new Error(`expected a ReportError, got ${String(error)}`);
  }
  return error;
}

describe('SARIF corpus', () => {
  test('table lists every corpus file', () => {
    const files = readdirSync(path.join(CORPUS_DIR, 'reports', 'sarif')).sort();

    expect(files).toHaveLength(69);
    expect(Object.keys(corpus).sort()).toEqual(files);
  });

  test.each(Object.entries(corpus))('%s', async (name, expected) => {
    if (typeof expected === 'string') {
      const error = await rejection(readCorpus(name));
      expect(error.file).toBe(name);
      expect(error.message).toContain(`${name}: ${expected}`);
      return;
    }
    const result = await readCorpus(name);
    expect(result.findings).toHaveLength(expected[0]);
    expect(result.skipped).toBe(expected[1]);
  });
});

describe('SARIF corpus details', () => {
  test('codeQL-output first result', async () => {
    const { findings, warnings } = await readCorpus('codeQL-output.sarif');

    expect(warnings).toEqual([]);
    expect(findings[0]).toEqual<Finding>({
      tools: ['CodeQL'],
      engine: 'CodeQL 2.5.4',
      category: 'sast',
      rule: { id: 'py/empty-except', name: 'py/empty-except', description: 'Empty except' },
      severity: 'low',
      message: "'except' clause does nothing but pass and there is no explanatory comment.",
      location: { path: 'good/db_init.py', startLine: 39, endLine: 39, startColumn: 5, endColumn: 30 },
      cwes: ['CWE-390'],
      vulnerabilityIds: [],
      fingerprint: '',
      controls: [],
      sourceFile: corpusPath('reports', 'sarif', 'codeQL-output.sarif'),
      partialFingerprints: { primaryLocationLineHash: '9cbc869fbfffeb60:1', primaryLocationStartColumnFingerprint: '0' }
    });
  });

  test('codeQL-output code flow steps', async () => {
    const { findings } = await readCorpus('codeQL-output.sarif');
    const flowing = findings.filter((finding) => finding.properties?.codeFlows !== undefined);
    const flows = (finding: Finding): CodeFlowStep[][] => finding.properties?.codeFlows as CodeFlowStep[][];
    const where = (step: CodeFlowStep): string => `${step.path}:${step.startLine ?? '-'}:${step.startColumn ?? '-'}`;

    // Results 56 to 60 have 2, 7, 13, 33 and 8 thread flows. Ten are kept of the 13 and the 33.
    expect(flowing.map((finding) => `${finding.rule.id} ${finding.location?.path}:${finding.location?.startLine}`)).toEqual([
      'py/path-injection bad/libapi.py:22',
      'py/reflective-xss bad/mod_user.py:33',
      'py/reflective-xss good/mod_user.py:34',
      'py/sql-injection bad/libuser.py:12',
      'py/sql-injection bad/libuser.py:25'
    ]);
    expect(flowing.map((finding) => finding.properties?.codeFlowCount)).toEqual([2, 7, 13, 33, 8]);
    expect(flowing.map((finding) => flows(finding).length)).toEqual([2, 7, 10, 10, 8]);
    expect(flowing.map((finding) => flows(finding).map((steps) => steps.length))).toEqual([
      [5, 5],
      [4, 4, 3, 7, 8, 7, 4],
      [4, 4, 3, 4, 7, 5, 8, 4, 7, 4],
      [7, 7, 7, 7, 7, 7, 7, 7, 5, 5],
      [6, 6, 7, 7, 6, 6, 7, 6]
    ]);

    // The fourth step has no region in the file, so it has a path and no line.
    expect(flows(flowing[0]!)[0]).toEqual([
      { path: 'bad/mod_api.py', startLine: 32, startColumn: 12, message: 'ControlFlowNode for request' },
      { path: 'bad/mod_api.py', startLine: 32, startColumn: 12, message: 'ControlFlowNode for Attribute' },
      { path: 'bad/mod_api.py', startLine: 39, startColumn: 25, message: 'ControlFlowNode for Subscript' },
      { path: 'bad/libapi.py', message: 'ControlFlowNode for username' },
      { path: 'bad/libapi.py', startLine: 22, startColumn: 5, message: 'ControlFlowNode for Path()' }
    ]);
    expect(flows(flowing[0]!)[1]!.map(where)).toEqual([
      'good/mod_api.py:34:12',
      'good/mod_api.py:34:12',
      'good/mod_api.py:41:25',
      'bad/libapi.py:8:12',
      'bad/libapi.py:22:5'
    ]);
    expect(flows(flowing[3]!)[1]!.map(where)).toEqual([
      'bad/mod_api.py:32:12',
      'bad/mod_api.py:32:12',
      'bad/mod_api.py:39:43',
      'bad/libapi.py:8:22',
      'bad/libapi.py:11:40',
      'bad/libuser.py:5:21',
      'bad/libuser.py:12:22'
    ]);
    expect(flowing[0]!.properties?.dataFlow).toEqual({
      stepCount: 5,
      source: { path: 'bad/mod_api.py', startLine: 32, message: 'ControlFlowNode for request' },
      sink: { path: 'bad/libapi.py', startLine: 22, message: 'ControlFlowNode for Path()' }
    });
  });

  test('Grype security-severity and CVE id', async () => {
    const { findings } = await readCorpus('cxf-3.4.6.sarif');
    const first = findings[0]!;

    expect(first.category).toBe('container');
    expect(first.rule.id).toBe('CVE-2008-0732-geronimo-j2ee-management_1.1_spec');
    expect(first.severity).toBe('low');
    expect(first.vulnerabilityIds).toEqual(['CVE-2008-0732']);
    expect(first.location).toEqual({ path: 'lib/geronimo-j2ee-management_1.1_spec-1.0.1.jar', startLine: 1, endLine: 1, startColumn: 1, endColumn: 1 });
  });

  test('gitleaks v7 secret snippet dropped', async () => {
    const { findings } = await readCorpus('gitleaks_7.5.0.sarif');
    const first = findings[0]!;

    expect(first.category).toBe('secrets');
    expect(first.rule).toEqual({ id: UNKNOWN_RULE_ID });
    expect(first.message).toBe('AWS Access Key secret detected');
    expect(first.location).toEqual({
      path: 'dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json',
      startLine: 13,
      endLine: 13
    });
    expect(JSON.stringify(findings)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  test('semgrep rule default levels', async () => {
    const { findings } = await readCorpus('semgrepowasp-benchmark-sample.sarif');

    expect(findings.filter((finding) => finding.severity === 'medium')).toHaveLength(1768);
  });

  test('absolute paths of another machine', async () => {
    const { findings, warnings } = await readCorpus('bash-report.sarif');

    expect(findings.filter((finding) => finding.location)).toHaveLength(0);
    expect(warnings).toHaveLength(27);
    expect(warnings[0]).toBe(
      'bash-report.sarif: runs[0].results[0]: location file:///home/damien/dd/docker/setEnv.sh is outside the workspace /srv/repo (an absolute path, probably from the machine that ran the tool); the location was dropped'
    );
  });

  test('invalid uri dropped with a warning', async () => {
    const { findings, warnings } = await readCorpus('codeql-action__with-invalid-uri.sarif');

    expect(findings[0]!.location).toBeUndefined();
    expect(warnings).toEqual([
      'codeql-action__with-invalid-uri.sarif: runs[0].results[0]: location not a valid URI (uriBaseId %SRCROOT%) is not a valid URI: it contains a space, which must be percent-encoded; the location was dropped'
    ]);
  });

  test('flawfinder pass result skipped', async () => {
    const { findings, skipped } = await readCorpus('flawfinder.sarif');

    // FF1013 has 12 results in the file; the one with kind "pass" is not a finding.
    expect(findings.filter((finding) => finding.rule.id === 'FF1013')).toHaveLength(11);
    expect(skipped).toBe(1);
  });

  test('message.id with arguments and accepted suppression', async () => {
    const { findings } = await readCorpus('appendix_k.sarif');

    expect(findings[0]!.message).toBe('Variable "ptr" was used without being initialized. It was declared [here](0).');
    expect(findings[0]!.suppression).toEqual({ kind: 'sarif' });
    expect(findings[0]!.severity).toBe('high');
  });

  test('KICS backslash paths', async () => {
    const { findings, warnings } = await readCorpus('kics-e2e__E2E_CLI_080_RESULT.sarif');

    expect(warnings).toEqual([]);
    expect(findings[0]!.category).toBe('iac');
    expect(findings[0]!.location?.path).toMatch(/^test\/fixtures\//);
  });
});

describe('parseSarif on written fixtures', () => {
  const file = path.join(fixtures, 'reader-cases.sarif');
  let result: SarifReadResult;

  beforeAll(async () => {
    result = await readSarifFile(file, { workspace, displayName: 'reader-cases.sarif' });
  });

  test('counts', () => {
    expect(result.findings).toHaveLength(9);
    expect(result.skipped).toBe(2);
  });

  test('rule, message template and chained base', () => {
    expect(result.findings[0]).toEqual<Finding>({
      tools: ['CaseScanner'],
      engine: 'CaseScanner 3.2.1',
      category: 'sast',
      rule: { id: 'CS001', name: 'SqlInjection', helpUri: 'https://example.test/rules/CS001', description: 'Query built from user input.' },
      severity: 'critical',
      message: 'Tainted value userId reaches db.query; braces {kept}.',
      location: { path: 'src/lib/util/sql.js', startLine: 10, endLine: 12, startColumn: 5, endColumn: 9, snippet: 'db.query(sql)' },
      cwes: ['CWE-89', 'CWE-564'],
      vulnerabilityIds: [],
      fingerprint: '',
      controls: [],
      sourceFile: file,
      partialFingerprints: { primaryLocationLineHash: 'abc123:1' },
      properties: {
        codeFlowCount: 1,
        dataFlow: {
          stepCount: 3,
          source: { path: 'src/routes.js', startLine: 3, message: 'user input' },
          sink: { path: 'src/lib/util/sql.js', startLine: 10, message: 'query runs' }
        },
        codeFlows: [
          [
            { path: 'src/routes.js', startLine: 3, message: 'user input' },
            { path: 'src/step.js', startLine: 7 },
            { path: 'src/lib/util/sql.js', startLine: 10, message: 'query runs' }
          ]
        ],
        relatedLocationCount: 2
      }
    });
  });

  test('rule by index, artifacts index, package and ids', () => {
    const finding = result.findings[1]!;

    expect(finding.rule).toEqual({ id: 'CS002', description: 'Outdated dependency.' });
    expect(finding.severity).toBe('low');
    expect(finding.location).toEqual({ path: 'indexed/from-artifacts.py', startLine: 4, endLine: 4 });
    expect(finding.cwes).toEqual(['CWE-1104']);
    expect(finding.vulnerabilityIds).toEqual(['GHSA-jfh8-c2jp-5v3q', 'CVE-2021-44228']);
    expect(finding.package).toEqual({ name: '@scope/left-pad', version: '1.0.0', ecosystem: 'npm' });
  });

  test('extension rule and relative escape', () => {
    const finding = result.findings[2]!;

    expect(finding.rule).toEqual({ id: 'EXT-9', name: 'HardcodedKey', description: 'Key in source.' });
    expect(finding.message).toBe('Key in source.');
    expect(finding.location).toBeUndefined();
    expect(finding.suppression).toEqual({ kind: 'sarif', justification: 'test key' });
  });

  test('global message string and rejected suppression', () => {
    const finding = result.findings[3]!;

    expect(finding.rule).toEqual({ id: 'CS404' });
    expect(finding.message).toBe('Shared text for everyone.');
    expect(finding.location).toBeUndefined();
    expect(finding.suppression).toBeUndefined();
  });

  test('rule found by id without an index', () => {
    expect(result.findings[4]!.rule.name).toBe('SqlInjection');
    expect(result.findings[4]!.location).toBeUndefined();
  });

  test('URL location and informational kind', () => {
    const finding = result.findings[5]!;

    expect(finding.url).toBe('https://app.example.test/login?next=%2F');
    expect(finding.location).toBeUndefined();
    expect(finding.severity).toBe('info');
  });

  test('review kind, encoded path and bad endLine', () => {
    const finding = result.findings[6]!;

    expect(finding.rule.id).toBe('CS008');
    expect(finding.severity).toBe('high');
    expect(finding.location).toEqual({ path: 'docs/My Notes/read me.md', startLine: 2, endLine: 2 });
    expect(finding.suppression).toEqual({ kind: 'sarif' });
  });

  test('open kind with no location', () => {
    const finding = result.findings[7]!;

    expect(finding.rule.id).toBe('CS009');
    expect(finding.location).toBeUndefined();
    expect(finding.url).toBeUndefined();
    expect(finding.severity).toBe('info');
  });

  test('run category property and secret snippet', () => {
    const finding = result.findings[8]!;

    expect(finding.tools).toEqual(['gitleaks']);
    expect(finding.engine).toBe('gitleaks 8.18.0');
    expect(finding.category).toBe('secrets');
    expect(finding.location).toEqual({ path: 'config/settings.py', startLine: 3, endLine: 3 });
    expect(JSON.stringify(result.findings)).not.toContain('AKIAFAKE');
  });

  test('warnings name file and result', () => {
    expect(result.warnings).toEqual([
      'reader-cases.sarif: runs[0].results[2]: location ../../etc/passwd is outside the workspace; the location was dropped',
      'reader-cases.sarif: runs[0].results[3]: location file:///etc/passwd is outside the workspace /srv/repo (an absolute path, probably from the machine that ran the tool); the location was dropped',
      'reader-cases.sarif: runs[0].results[4]: location /home/runner/work/repo/repo/src/a.js is outside the workspace /srv/repo (an absolute path, probably from the machine that ran the tool); the location was dropped'
    ]);
  });

  test('uriBaseId cycle', async () => {
    const { findings, warnings } = await readSarifFile(path.join(fixtures, 'uri-base-cycle.sarif'), { workspace, displayName: 'uri-base-cycle.sarif' });

    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toBeUndefined();
    expect(warnings).toEqual([
      'uri-base-cycle.sarif: runs[0].results[0]: location x.c (uriBaseId A) cannot be resolved: run.originalUriBaseIds has a cycle A -> B -> A; the location was dropped'
    ]);
  });

  test.each([
    ['missing-runs.sarif', 'missing-runs.sarif: runs is missing; expected an array of runs ([] for a log with no runs)'],
    ['not-sarif.json', 'not-sarif.json: is not a SARIF log: expected a JSON object with "version" and "runs", got array']
  ])('rejects %s', async (name, message) => {
    const error = await rejection(readSarifFile(path.join(fixtures, name), { workspace, displayName: name }));

    expect(error.message).toBe(message);
  });
});

describe('parseSarif rejections', () => {
  const driver = '{"tool":{"driver":{"name":"T"}}';

  test.each([
    ['empty text', '', 'is empty; expected a SARIF 2.1.0 JSON log'],
    ['whitespace only', '  \n', 'is empty; expected a SARIF 2.1.0 JSON log'],
    ['truncated JSON', '{\n  "version": "2.1.0",\n  "runs": [', 'invalid JSON at line 3, column 12: expected a value, but the text ended'],
    ['bad token on line 2', '{\n  "version": 2.1.0\n}', 'invalid JSON at line 2, column 17: '],
    ['JSON null', 'null', 'is not a SARIF log: expected a JSON object with "version" and "runs", got null'],
    ['object without SARIF keys', '{"issues":[]}', 'is not a SARIF log: it has neither "version" nor "runs"'],
    ['version missing', '{"runs":[]}', 'version is missing; expected "2.1.0"'],
    ['version as a number', '{"version":2.1,"runs":[]}', 'version must be the string "2.1.0", got number'],
    ['runs as an object', '{"version":"2.1.0","runs":{}}', 'runs must be an array, got object'],
    ['run that is not an object', '{"version":"2.1.0","runs":[null]}', 'runs[0] must be an object, got null'],
    ['run without a tool', '{"version":"2.1.0","runs":[{}]}', 'runs[0].tool.driver is missing; every run must name the tool that produced it'],
    ['driver name null', '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":null}}}]}', 'runs[0].tool.driver.name is missing; expected a non-empty string, got null'],
    ['driver name absent', `{"version":"2.1.0","runs":[${driver}},{"tool":{"driver":{}}}]}`, 'runs[1].tool.driver.name is missing; expected a non-empty string, got null'],
    ['results as a string', `{"version":"2.1.0","runs":[${driver},"results":"none"}]}`, 'runs[0].results must be an array, got string'],
    ['result that is not an object', `{"version":"2.1.0","runs":[${driver},"results":[{"message":{"text":"a"}},7]}]}`, 'runs[0].results[1] must be an object, got number']
  ])('%s', (_description, text, detail) => {
    let thrown: unknown;
    try {
      parseSarif(text, '/tmp/x/report.sarif', { workspace, displayName: 'report.sarif' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ReportError);
    expect((thrown as ReportError).file).toBe('report.sarif');
    expect((thrown as ReportError).message.startsWith(`report.sarif: ${detail}`)).toBe(true);
  });

  test('byte order mark accepted', () => {
    const result = parseSarif(`\ufeff{"version":"2.1.0","runs":[${driver}}]}`, 'bom.sarif', { workspace });

    expect(result).toEqual({ findings: [], skipped: 0, warnings: [] });
  });

  test('display name defaults to the path', () => {
    expect(() => parseSarif('[]', 'reports/a.sarif', { workspace })).toThrow('reports/a.sarif: is not a SARIF log');
  });
});

describe('readSarifFile limits', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'sarif-reader-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  test('missing file', async () => {
    const file = path.join(directory, 'absent.sarif');
    const error = await rejection(readSarifFile(file, { workspace }));

    expect(error.file).toBe(file);
    expect(error.detail).toMatch(/^cannot be read: ENOENT: no such file or directory, stat /);
  });

  test('directory instead of a file', async () => {
    const error = await rejection(readSarifFile(directory, { workspace, displayName: 'dir' }));

    expect(error.message).toBe('dir: is not a regular file');
  });

  test('file over 256 MiB', async () => {
    const file = path.join(directory, 'huge.sarif');
    writeFileSync(file, '');
    truncateSync(file, 256 * 1024 * 1024 + 1);

    const error = await rejection(readSarifFile(file, { workspace, displayName: 'huge.sarif' }));

    expect(error.message).toBe('huge.sarif: is 268435457 bytes, more than the 256 MiB limit for a SARIF file');
  });

  test('code flows capped, counts kept', () => {
    const step = (uri: string, line: number): object => ({ location: { physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } } });
    const longFlow = { locations: Array.from({ length: 130 }, (_, i) => step(i === 1 ? '/elsewhere/x.js' : `src/s${i}.js`, i + 1)) };
    const shortFlows = Array.from({ length: 11 }, (_, i) => ({ locations: [step('src/a.js', i + 1)] }));
    const result = { ruleId: 'R1', message: { text: 'flow' }, codeFlows: [{ threadFlows: [longFlow, ...shortFlows.slice(0, 5)] }, { threadFlows: shortFlows.slice(5) }] };
    const text = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Flows' } }, results: [result] }] });

    const { findings, warnings } = parseSarif(text, 'flows.sarif', { workspace });
    const properties = findings[0]!.properties!;
    const flows = properties.codeFlows as CodeFlowStep[][];

    expect(warnings).toEqual([]);
    expect(properties.codeFlowCount).toBe(2);
    expect(properties.dataFlow).toEqual({ stepCount: 130, source: { path: 'src/s0.js', startLine: 1 }, sink: { path: 'src/s129.js', startLine: 130 } });
    expect(flows).toHaveLength(MAX_THREAD_FLOWS);
    expect(flows[0]).toHaveLength(MAX_FLOW_STEPS);
    expect(flows[0]!.slice(0, 3)).toEqual([{ path: 'src/s0.js', startLine: 1 }, {}, { path: 'src/s2.js', startLine: 3 }]);
    expect(flows[0]![99]).toEqual({ path: 'src/s99.js', startLine: 100 });
    expect(flows.slice(1).map((steps) => steps.map((entry) => entry.startLine))).toEqual([[1], [2], [3], [4], [5], [6], [7], [8], [9]]);
  });

  test('100,000 results and capped warnings', () => {
    const results = Array.from({ length: 100_000 }, (_, i) => ({
      ruleId: `R${i % 50}`,
      message: { text: `result ${i}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: i % 2 === 0 ? `src/f${i}.js` : `/elsewhere/f${i}.js` }, region: { startLine: (i % 400) + 1 } } }]
    }));
    const rules = Array.from({ length: 50 }, (_, i) => ({ id: `R${i}` }));
    const text = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Bulk', rules } }, results }] });

    const result = parseSarif(text, 'bulk.sarif', { workspace });

    expect(result.findings).toHaveLength(100_000);
    expect(result.findings[99_998]!.location).toEqual({ path: 'src/f99998.js', startLine: 399, endLine: 399 });
    expect(result.warnings).toHaveLength(MAX_WARNINGS_PER_FILE + 1);
    expect(result.warnings[MAX_WARNINGS_PER_FILE]).toBe('bulk.sarif: 49950 more warnings like these were not listed');
  });
});
