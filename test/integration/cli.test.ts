import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Ajv } from 'ajv';

import { CORPUS_DIR, corpusPath } from '../corpus.js';
import { runCli } from './run-action.js';

/** The corpus files the reader must reject, with the reason it gives (see the reader's tests for the per-file counts). */
const REJECTED = {
  'codeql-action__invalid-sarif.sarif': 'runs[0].results must be an array, got number',
  'codeql-action__tool-names.sarif': 'runs[3].tool.driver.name is missing; expected a non-empty string, got ""',
  'sarif-sdk__v1-Comprehensive.sarif': 'version "1.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v1-Minimal.sarif': 'version "1.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-Comprehensive.sarif': 'version "2.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-InlineExternalProperties.sarif': 'version "2.0.0-csd.2.beta.2019-02-20" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-Minimal.sarif': 'version "2.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__v2-spec-RuleMetadata.sarif': 'version "2.0.0" is not supported; expected "2.1.0"',
  'sarif-sdk__validate-JSON1001.SyntaxError.sarif': 'invalid JSON at line 3, column 3: expected a double-quoted property name',
  'sarif-sdk__validate-SimpleExample.sarif-external-properties.json': 'runs is missing: this is a SARIF external property file, not a SARIF log',
  'sarif-spec__2.2-example-example-3-13-5-01.json': 'version "2.2" is not supported; expected "2.1.0"',
  'sarif-spec__2.2-example-example-3-3-4-01.json': 'version "2.2" is not supported; expected "2.1.0"',
  'sarif-spec__2.2-example-minimal-recommended-with-source-info.json': 'version "2.2" is not supported; expected "2.1.0"',
  'sarif-spec__2.2-example-minimal-recommended-without-source-info.json': 'version "2.2" is not supported; expected "2.1.0"'
};

describe('devsecops report over the corpus SARIF files', () => {
  const corpusGlob = path.join(CORPUS_DIR, 'reports', 'sarif', '*');

  it('names every rejected file and reports the rest', async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'devsecops-cli-')), 'report.json');

    const run = await runCli(['report', '--format', 'json', '--output', output, corpusGlob]);

    expect(run.status).toBe(2);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const errors = Object.fromEntries(report.errors.map((error: { file: string; message: string }) => [path.basename(error.file), error.message]));
    expect(errors).toEqual(REJECTED);
    expect(report.counts).toEqual({
      critical: 2,
      high: 90,
      medium: 1936,
      low: 542,
      info: 0,
      total: 2570,
      new: 2570,
      existing: 0,
      suppressed: 8,
      fixed: 0,
      errors: 14
    });
    const sqlInjection = report.findings.find((finding: { ruleId: string; line: number }) => finding.ruleId === 'py/sql-injection' && finding.line === 12);
    expect(sqlInjection).toMatchObject({ severity: 'high', path: 'bad/libuser.py', line: 12, column: 22, tools: ['CodeQL'], cwes: ['CWE-89'] });
  });

  it('prints the text report with the broken files last', async () => {
    const run = await runCli(['report', '--no-color', corpusGlob]);

    expect(run.status).toBe(2);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'Findings: 2570 new (2 critical, 90 high, 1936 medium, 542 low), 0 existing, 8 suppressed, 14 errors',
      'Inputs: 69 files, 14 could not be read'
    ]);
    expect(run.stdout).toContain('warning: … and 82 more warnings; --format json lists them all');
    const errorLines = run.stdout.split('\n').filter((line) => line.startsWith('error: '));
    expect(errorLines).toHaveLength(14);
    expect(errorLines[0]).toBe(`error: ${path.join(CORPUS_DIR, 'reports', 'sarif', 'codeql-action__invalid-sarif.sarif')}: runs[0].results must be an array, got number`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Policy failed: 92 findings at or above high (2 critical, 90 high)');
    expect(run.stderr).toBe('');
  });
});

describe('devsecops report options', () => {
  const codeql = corpusPath('reports', 'sarif', 'codeQL-output.sarif');

  it('writes SARIF that validates against the 2.1.0 schema', async () => {
    const run = await runCli(['report', '--format', 'sarif', '--fail-on', 'none', codeql]);

    expect(run.status).toBe(0);
    const schema = JSON.parse(readFileSync(corpusPath('reports', 'sarif-schema', 'sarif-schema-2.1.0.json'), 'utf8'));
    // The published schema declares draft-04 with `id`; ajv 8 reads it as draft-07 once the keywords are renamed.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const log = JSON.parse(run.stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].partialFingerprints['devsecops/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['none', 0],
    ['critical', 0],
    ['high', 1]
  ] as const)('exits by the policy with --fail-on %s', async (failOn, status) => {
    const run = await runCli(['report', '--format', 'json', '--fail-on', failOn, codeql]);

    expect(run.status).toBe(status);
  });

  it.each([
    [['report', '--format', 'xml', 'a.sarif'], 'devsecops: --format "xml" is not one of text, markdown, json, sarif\n'],
    [['report'], 'devsecops: no SARIF file given; usage: devsecops report [options] FILE...\n'],
    [['scan-everything'], 'devsecops: unknown command "scan-everything"; expected "report" or "scan". Run "devsecops --help" for usage.\n'],
    [['report', '--fail-on', 'severe', 'a.sarif'], 'devsecops: Invalid --fail-on value "severe": expected one of critical, high, medium, low, info, none.\n']
  ])('rejects %j with a usage error', async (args, message) => {
    const run = await runCli(args);

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
  });

  it.each([
    [['report', '--baseline', '/nonexistent/baseline.json', 'a.sarif'], /^devsecops: .*\/nonexistent\/baseline\.json.*\n$/],
    [['report', '--output', '/', corpusPath('reports', 'sarif', 'codeQL-output.sarif')], /^devsecops: EISDIR: illegal operation on a directory, open '\/'\n$/]
  ])('names the file for %j', async (args, message) => {
    const run = await runCli(args as string[]);

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each([['report'], ['scan']])('prints help for %s --help', async (command) => {
    const run = await runCli([command, '--help']);

    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('Usage:\n  devsecops report [options] FILE...\n  devsecops scan [options] [PATH]\n')).toBe(true);
  });

  it('writes and applies a baseline', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'devsecops-baseline-'));
    const baseline = path.join(dir, 'baseline.json');
    const first = await runCli(['report', '--format', 'json', '--fail-on', 'none', '--write-baseline', baseline, codeql]);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    const all = JSON.parse(first.stdout).findings.length;
    writeFileSync(baseline, JSON.stringify({ version: 1, fingerprints: [...written.fingerprints.slice(1), '0'.repeat(32)] }));

    const second = await runCli(['report', '--format', 'json', '--baseline', baseline, codeql]);
    const report = JSON.parse(second.stdout);

    expect(written.fingerprints).toHaveLength(all);
    expect(report.counts.new).toBe(1);
    expect(report.counts.existing).toBe(all - 1);
    expect(report.counts.fixed).toBe(1);
  });
});
