import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { SEVERITIES, type Finding, type Severity } from '../src/finding.js';
import { FINGERPRINT_KEY } from '../src/fingerprint.js';
import { parseSarif } from '../src/sarif/reader.js';
import { SEVERITY_LEVELS, SEVERITY_SCORES, toSarifLog, writeSarifFile } from '../src/sarif/writer.js';
import { corpusPath } from '../../../test/corpus.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'writer');
const GOLDEN_OPTIONS = { toolName: 'devsecops', toolVersion: '0.1.0', informationUri: 'https://devsecops.example/' };

/**
 * Compiles the OASIS SARIF 2.1.0 schema from the shared corpus (reports/sarif-schema), read
 * in place. The schema declares draft-04, which ajv 8 does not load. So its `id` becomes
 * `$id` and its `$schema` is dropped. It uses no other draft-04-only keyword (no boolean
 * `exclusiveMinimum`), so ajv's default draft validates it the same way.
 */
function compileSarifSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(corpusPath('reports', 'sarif-schema', 'sarif-schema-2.1.0.json'), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

const validateSarif = compileSarifSchema();

function schemaErrors(log: unknown): string[] {
  // A round trip through JSON checks what writeSarifFile writes, without undefined fields.
  const written = JSON.parse(JSON.stringify(log));
  return validateSarif(written) ? [] : (validateSarif.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

let counter = 0;

function finding(overrides: Partial<Finding> = {}): Finding {
  counter += 1;
  return {
    tools: ['CodeQL'],
    category: 'sast',
    rule: { id: 'js/xss' },
    severity: 'medium',
    message: 'XSS',
    location: { path: 'src/app.js', startLine: 3 },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: `fp-${counter}`,
    controls: [],
    ...overrides
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function runsOf(findings: Finding[], options = {}): Json[] {
  return (toSarifLog(findings, options) as Json).runs;
}

describe('toSarifLog schema validity', () => {
  const hostileMessages = [
    '</details><script>alert(1)</script>',
    '::set-output name=conclusion::success',
    '::error file=a.js,line=1::forged\n%0A::add-mask::x',
    '| a | b |\n|---|---|\n@everyone ![x](https://evil.test/x.png)',
    'unicode: naïve café ✓ 😀 \u202e reversed \u0000 nul',
    'lone surrogate \ud800 here'
  ];

  const cases: Array<[string, () => Finding[]]> = [
    ['no findings', () => []],
    ...SEVERITIES.map((severity): [string, () => Finding[]] => [`one ${severity} finding`, () => [finding({ severity })]]),
    [
      'every suppression kind',
      () => [
        finding({ suppression: { kind: 'inline', justification: 'false positive', source: 'src/app.js:2' } }),
        finding({ suppression: { kind: 'config', justification: 'accepted until 2030-01-01' } }),
        finding({ suppression: { kind: 'sarif' } }),
        finding({ suppression: { kind: 'baseline' } })
      ]
    ],
    ['no location and no URL', () => [finding({ location: undefined, category: 'compliance' })]],
    ['URL only', () => [finding({ location: undefined, category: 'dast', url: 'https://shop.test/a b?q=<x>#frag' })]],
    ['an invalid URL', () => [finding({ location: undefined, category: 'dast', url: 'not a url <>' })]],
    ['file level with no lines', () => [finding({ location: { path: 'Dockerfile' } })]],
    [
      'full region',
      () => [finding({ location: { path: 'src/app.js', startLine: 3, startColumn: 5, endLine: 7, endColumn: 1 } })]
    ],
    ['columns without a start line', () => [finding({ location: { path: 'src/app.js', startColumn: 5, endColumn: 9 } })]],
    ['end line before start line', () => [finding({ location: { path: 'src/app.js', startLine: 9, endLine: 2 } })]],
    ['zero and fractional lines', () => [finding({ location: { path: 'src/app.js', startLine: 0, endLine: 1.5 } })]],
    [
      'unicode and reserved characters in paths',
      () => [
        finding({ location: { path: 'src/naïve café/ü.ts', startLine: 1 } }),
        finding({ location: { path: 'docs/a b#c?d%e.md', startLine: 1 } }),
        finding({ location: { path: 'c:/windows/odd:name.txt', startLine: 1 } }),
        finding({ location: { path: 'src/\ud800bad.ts', startLine: 1 } })
      ]
    ],
    ['hostile messages', () => hostileMessages.map((message) => finding({ message }))],
    ['an empty message', () => [finding({ message: '' })]],
    [
      'hostile rule metadata',
      () => [
        finding({
          rule: { id: '</details>', name: '::warning::x', helpUri: 'javascript:alert(1)', description: '<img src=x onerror=alert(1)>' }
        }),
        finding({ rule: { id: 'r2', helpUri: 'not a uri' } }),
        finding({ rule: { id: 'r3', helpUri: 'https://example.test/help page' } })
      ]
    ],
    [
      'dependency findings',
      () => [
        finding({
          category: 'container',
          rule: { id: 'CVE-2023-0286' },
          location: undefined,
          vulnerabilityIds: ['CVE-2023-0286', 'GHSA-x4qr-2fvf-3mr5'],
          package: { name: '@scope/pkg', version: '1.0.0 beta', ecosystem: 'npm', fixedVersion: '1.0.1' }
        }),
        finding({ rule: { id: 'CVE-2' }, package: { name: 'openssl' } }),
        finding({ rule: { id: 'CVE-3' }, package: { name: 'x', ecosystem: 'not valid!' } })
      ]
    ],
    [
      'merged findings from several tools',
      () => [
        finding({ tools: ['CodeQL', 'Semgrep'], cwes: ['CWE-79', 'cwe-116', 'not a cwe'], controls: ['SOC2:CC8.1'] }),
        finding({ tools: [], rule: { id: 'no-tool' } })
      ]
    ],
    [
      '5,000 findings over 50 rules and 5 tools',
      () =>
        Array.from({ length: 5000 }, (_, index) =>
          finding({
            tools: [`tool-${index % 5}`],
            rule: { id: `rule-${index % 50}` },
            severity: SEVERITIES[index % SEVERITIES.length],
            location: { path: `src/file-${index % 100}.ts`, startLine: (index % 400) + 1 },
            cwes: [`CWE-${index % 30}`],
            suppression: index % 7 === 0 ? { kind: 'inline' } : undefined
          })
        )
    ]
  ];

  it('rejects a log the schema forbids, so the checks below can fail', () => {
    const log = toSarifLog([finding()]) as Json;
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b.js';
    log.runs[0].results[0].level = 'fatal';
    expect(schemaErrors(log)).toEqual([
      '/runs/0/results/0/level must be equal to one of the allowed values',
      '/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri must match format "uri-reference"'
    ]);
  });

  it.each(cases)('validates a log with %s', (_name, build) => {
    const log = toSarifLog(build());
    expect(schemaErrors(log)).toEqual([]);
  });

  it('writes the hostile messages unchanged apart from the lone surrogate', () => {
    const runs = runsOf(hostileMessages.map((message) => finding({ message })));
    const texts = runs[0].results.map((result: Json) => result.message.text);
    expect(texts.slice(0, 5)).toEqual(hostileMessages.slice(0, 5));
    expect(JSON.parse(JSON.stringify(texts[5]))).toBe(hostileMessages[5]);
  });

  it('puts 5,000 findings in 5 runs with 50 rules in total', () => {
    const findings = Array.from({ length: 5000 }, (_, index) =>
      finding({ tools: [`tool-${index % 5}`], rule: { id: `rule-${index % 50}` } })
    );
    const runs = runsOf(findings);
    expect(runs.map((run: Json) => run.tool.driver.name)).toEqual(['tool-0', 'tool-1', 'tool-2', 'tool-3', 'tool-4']);
    expect(runs.map((run: Json) => run.results.length)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(runs.map((run: Json) => run.tool.driver.rules.length)).toEqual([10, 10, 10, 10, 10]);
  });
});

describe('toSarifLog severities', () => {
  it.each([
    ['critical', 'error', '9.5'],
    ['high', 'error', '8.0'],
    ['medium', 'warning', '5.5'],
    ['low', 'note', '2.0'],
    ['info', 'note', '0.0']
  ] as Array<[Severity, string, string]>)('writes %s as level %s and score %s', (severity, level, score) => {
    const [run] = runsOf([finding({ severity })]);
    expect(run.results[0].level).toBe(level);
    expect(run.results[0].properties.severity).toBe(severity);
    expect(run.results[0].properties['security-severity']).toBe(score);
    expect(run.tool.driver.rules[0].properties['security-severity']).toBe(score);
  });

  it('exports the score and level tables', () => {
    expect(SEVERITY_SCORES).toEqual({ critical: 9.5, high: 8.0, medium: 5.5, low: 2.0, info: 0.0 });
    expect(SEVERITY_LEVELS).toEqual({ critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' });
  });

  it('scores a rule by its most severe result', () => {
    const [run] = runsOf([finding({ severity: 'low' }), finding({ severity: 'critical' }), finding({ severity: 'medium' })]);
    expect(run.tool.driver.rules).toHaveLength(1);
    expect(run.tool.driver.rules[0].properties['security-severity']).toBe('9.5');
    expect(run.results.map((result: Json) => result.properties['security-severity'])).toEqual(['2.0', '9.5', '5.5']);
  });
});

describe('toSarifLog structure', () => {
  it('writes one empty run named after the tool when there are no findings', () => {
    const log = toSarifLog([], { toolName: 'devsecops-secrets', toolVersion: '1.2.3' }) as Json;
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toEqual({ name: 'devsecops-secrets', version: '1.2.3', rules: [] });
    expect(log.runs[0].results).toEqual([]);
  });

  it('names the default tool devsecops', () => {
    expect(runsOf([])[0].tool.driver.name).toBe('devsecops');
  });

  it('gives the version only to the run of the named tool', () => {
    const runs = runsOf([finding({ tools: ['devsecops'] }), finding({ tools: ['CodeQL'] })], { toolVersion: '0.1.0' });
    expect(runs.map((run: Json) => [run.tool.driver.name, run.tool.driver.version])).toEqual([
      ['CodeQL', undefined],
      ['devsecops', '0.1.0']
    ]);
  });

  it('puts a merged finding in the run of its first tool', () => {
    const runs = runsOf([finding({ tools: ['CodeQL', 'Semgrep'] })]);
    expect(runs).toHaveLength(1);
    expect(runs[0].tool.driver.name).toBe('CodeQL');
    expect(runs[0].results[0].properties.tools).toEqual(['CodeQL', 'Semgrep']);
  });

  it('indexes rules in first-seen order', () => {
    const [run] = runsOf([finding({ rule: { id: 'b' } }), finding({ rule: { id: 'a' } }), finding({ rule: { id: 'b' } })]);
    expect(run.tool.driver.rules.map((rule: Json) => rule.id)).toEqual(['b', 'a']);
    expect(run.results.map((result: Json) => [result.ruleId, result.ruleIndex])).toEqual([
      ['b', 0],
      ['a', 1],
      ['b', 0]
    ]);
  });

  it('tags a rule with the CWE ids of all its results', () => {
    const [run] = runsOf([finding({ cwes: ['CWE-79'] }), finding({ cwes: ['cwe-079', 'CWE-116'] })]);
    expect(run.tool.driver.rules[0].properties.tags).toEqual(['security', 'external/cwe/cwe-79', 'external/cwe/cwe-116']);
  });

  it('writes a file location relative to %SRCROOT% with an encoded URI', () => {
    const [run] = runsOf([finding({ location: { path: 'src/naïve café/a#1.ts', startLine: 4, endColumn: 9 } })]);
    expect(run.results[0].locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/na%C3%AFve%20caf%C3%A9/a%231.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, endColumn: 9 }
        }
      }
    ]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: 'The repository root.' } } });
  });

  it('writes a DAST URL without a base id', () => {
    const [run] = runsOf([finding({ location: undefined, url: 'https://shop.test/search?q=1' })]);
    expect(run.results[0].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'https://shop.test/search?q=1' } } }]);
  });

  it('writes no locations for a finding without location or URL', () => {
    const [run] = runsOf([finding({ location: undefined })]);
    expect(run.results[0].locations).toBeUndefined();
  });

  it.each([
    ['inline', 'inSource'],
    ['config', 'external'],
    ['sarif', 'external'],
    ['baseline', 'external']
  ] as const)('writes a %s suppression as %s', (kind, sarifKind) => {
    const [run] = runsOf([finding({ suppression: { kind, justification: 'reviewed', source: 'x:1' } })]);
    expect(run.results[0].suppressions).toEqual([{ kind: sarifKind, status: 'accepted', justification: 'reviewed' }]);
  });

  it('writes our fingerprint under devsecops/v1 only', () => {
    const [run] = runsOf([finding({ fingerprint: 'abc', partialFingerprints: { primaryLocationLineHash: 'x:1', [FINGERPRINT_KEY]: 'old' } })]);
    expect(run.results[0].partialFingerprints).toEqual({ 'devsecops/v1': 'abc' });
  });

  it('leaves out snippets and tool properties that may hold a secret', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    const text = JSON.stringify(
      toSarifLog([
        finding({
          category: 'secrets',
          location: { path: '.env', startLine: 1, snippet: `AWS_KEY=${secret}` },
          partialFingerprints: { raw: secret },
          properties: { match: secret }
        })
      ])
    );
    expect(text).not.toContain(secret);
  });

  it('writes the package with a package URL', () => {
    const [run] = runsOf([
      finding({ package: { name: '@scope/pkg', version: '1.0.0', ecosystem: 'npm' }, vulnerabilityIds: ['GHSA-x4qr-2fvf-3mr5'] })
    ]);
    expect(run.results[0].properties.package).toEqual({ name: '@scope/pkg', version: '1.0.0', ecosystem: 'npm' });
    expect(run.results[0].properties.purl).toBe('pkg:npm/%40scope/pkg@1.0.0');
    expect(run.results[0].properties.vulnerabilityIds).toEqual(['GHSA-x4qr-2fvf-3mr5']);
  });
});

describe('toSarifLog golden file', () => {
  it('matches expected.sarif for findings.json', () => {
    const findings = JSON.parse(readFileSync(path.join(FIXTURES, 'findings.json'), 'utf8')) as Finding[];
    const actual = `${JSON.stringify(toSarifLog(findings, GOLDEN_OPTIONS), null, 2)}\n`;
    const goldenFile = path.join(FIXTURES, 'expected.sarif');
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(goldenFile, actual);
    }
    expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
    expect(schemaErrors(JSON.parse(actual))).toEqual([]);
  });
});

describe('writeSarifFile', () => {
  it('creates missing folders and writes indented JSON with a final newline', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sarif-writer-')), 'nested', 'deeper', 'sast.sarif');
    await writeSarifFile(file, [finding({ fingerprint: 'fixed' })], { toolName: 'CodeQL' });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).runs[0].results[0].partialFingerprints).toEqual({ 'devsecops/v1': 'fixed' });
  });
});

beforeEach(() => {
  counter = 0;
});

describe('OWASP category round trip', () => {
  it.each([
    ['A03:2021-Injection', 'A03:2021-Injection'],
    ['A10:2021-Server-Side Request Forgery', 'A10:2021-Server-Side Request Forgery'],
    ['A11:2021-Made up', undefined],
    ['<img src=x>', undefined]
  ])('writes and reads %j as %j', (owasp, expected) => {
    const finding: Finding = {
      tools: ['ESLint'],
      category: 'sast',
      rule: { id: 'security/detect-child-process' },
      severity: 'high',
      message: 'child_process with a non-literal argument',
      location: { path: 'app.js', startLine: 3 },
      cwes: ['CWE-78'],
      vulnerabilityIds: [],
      fingerprint: 'a'.repeat(32),
      controls: [],
      properties: { owasp }
    };

    const log = toSarifLog([finding]);
    const read = parseSarif(JSON.stringify(log), 'owasp.sarif', { workspace: '/repo' });

    expect(log.runs![0]!.results![0]!.properties?.owasp).toBe(expected);
    expect(log.runs?.[0]?.tool?.driver?.rules?.[0]?.properties?.tags).toEqual(expected ? ['security', 'external/cwe/cwe-78', `external/owasp/${expected}`] : ['security', 'external/cwe/cwe-78']);
    expect(read.findings[0].properties?.owasp).toBe(expected);
  });
});
