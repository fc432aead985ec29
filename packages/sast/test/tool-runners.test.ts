import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ConfigurationError, RecordingLogger, defaultConfig } from '@devsecops/core';

import { corpusPath } from '../../../test/corpus.js';
import { scanSast } from '../src/scanner.js';
import { runBandit, runSemgrep } from '../src/tool-runners.js';

const STAND_IN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'stand-in', 'stand-in.mjs');

let root: string;
let bin: string;
let workspace: string;

/** Installs the stand-in as `name` on the test PATH, printing `report` and exiting with `exitCode`. */
function standIn(name: string, report: string, exitCode = 0): string {
  const executable = path.join(bin, name);
  copyFileSync(STAND_IN, executable);
  chmodSync(executable, 0o755);
  const record = path.join(root, `${name}-args.json`);
  writeFileSync(`${executable}.json`, JSON.stringify({ report, record, exitCode }));
  return record;
}

function recorded(record: string): { args: string[]; cwd: string; metrics: string | null } {
  return JSON.parse(readFileSync(record, 'utf8'));
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sast-runners-'));
  bin = path.join(root, 'bin');
  workspace = path.join(root, 'repo');
  mkdirSync(bin);
  mkdirSync(path.join(workspace, 'rules'), { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runSemgrep', () => {
  test('passes configs, baseline and limits', async () => {
    const record = standIn('semgrep', corpusPath('reports', 'semgrep', 'semgrep_version_1_30_0_line_26.json'), 1);
    const result = await runSemgrep({
      workspace,
      target: workspace,
      logger: new RecordingLogger(),
      timeoutMs: 60_000,
      install: false,
      configs: ['p/security-audit', 'rules/local.yml'],
      baselineCommit: '0123456789abcdef0123456789abcdef01234567',
      env: { PATH: bin }
    });
    expect(recorded(record)).toEqual({
      args: [
        'scan', '--json', '--metrics=off', '--disable-version-check', '--quiet',
        '--config', 'p/security-audit', '--config', 'rules/local.yml',
        '--baseline-commit', '0123456789abcdef0123456789abcdef01234567',
        '--exclude', 'node_modules', '--exclude', 'dist', '--exclude', '.git',
        '--timeout', '30', '--timeout-threshold', '3',
        '.'
      ],
      cwd: workspace,
      metrics: 'off'
    });
    expect(result.findings.map((finding) => `${finding.location?.path}:${finding.location?.startLine}`)).toEqual(['test.go:27', 'test.go:54', 'test.go:61', 'test.go:67', 'test.go:77']);
    expect(result.findings.every((finding) => finding.tools[0] === 'Semgrep' && finding.properties?.owasp === 'A03:2021-Injection')).toBe(true);
  });

  test('scans a sub-folder by its relative path', async () => {
    const record = standIn('semgrep', corpusPath('reports', 'semgrep', 'empty.json'));
    mkdirSync(path.join(workspace, 'src'));
    const result = await runSemgrep({ workspace, target: path.join(workspace, 'src'), logger: new RecordingLogger(), timeoutMs: 60_000, install: false, configs: ['p/owasp-top-ten'], env: { PATH: bin } });
    expect(recorded(record).args.slice(-1)).toEqual(['src']);
    expect(recorded(record).args).not.toContain('--baseline-commit');
    expect(result.findings).toEqual([]);
  });

  test('fails on an error exit status', async () => {
    standIn('semgrep', corpusPath('reports', 'semgrep', 'empty.json'), 2);
    await expect(runSemgrep({ workspace, target: workspace, logger: new RecordingLogger(), timeoutMs: 60_000, install: false, configs: ['p/x'], env: { PATH: bin } })).rejects.toThrow(
      'semgrep exited with code 2 (expected 0 or 1)'
    );
  });

  test('asks for install when missing', async () => {
    await expect(runSemgrep({ workspace, target: workspace, logger: new RecordingLogger(), timeoutMs: 60_000, install: false, configs: ['p/x'], env: { PATH: bin } })).rejects.toThrow(ConfigurationError);
  });
});

describe('runBandit', () => {
  test('runs recursively with JSON output', async () => {
    const record = standIn('bandit', corpusPath('reports', 'bandit', 'one_vuln.json'), 1);
    const result = await runBandit({ workspace, target: workspace, logger: new RecordingLogger(), timeoutMs: 60_000, install: false, env: { PATH: bin } });
    expect(recorded(record).args).toEqual(['-r', '-f', 'json', '-q', '-x', './node_modules,./dist,./.git', '.']);
    expect(result.findings.map((finding) => [finding.location?.path, finding.location?.startLine, finding.rule.id, finding.severity, finding.cwes])).toEqual([['one/one.py', 2, 'B101', 'low', ['CWE-703']]]);
  });
});

describe('scanSast', () => {
  test('runs engines and reads reports', async () => {
    standIn('semgrep', corpusPath('reports', 'semgrep', 'securecodebox__python-injection.json'), 0);
    writeFileSync(path.join(workspace, 'app.js'), "require('child_process').exec('rm ' + process.argv[2]);\n");
    const previousPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${previousPath}`;
    try {
      const result = await scanSast({
        workspace,
        target: workspace,
        config: defaultConfig(),
        logger: new RecordingLogger(),
        engines: ['eslint', 'semgrep', 'codeql'],
        reportFiles: [corpusPath('reports', 'bandit', 'one_vuln.json'), path.join(workspace, 'missing.json')],
        settings: { 'semgrep-config': 'p/python', 'codeql-sarif': corpusPath('reports', 'sarif', 'codeQL-output.sarif') }
      });
      expect(result.engines).toEqual(['eslint', 'semgrep', 'codeql']);
      expect(result.errors).toEqual([{ file: path.join(workspace, 'missing.json'), message: `cannot be read: ENOENT: no such file or directory, stat '${path.join(workspace, 'missing.json')}'` }]);
      const notCodeql = result.findings.filter((finding) => finding.tools[0] !== 'CodeQL');
      expect(notCodeql.map((finding) => `${finding.tools[0]} ${finding.rule.id} ${finding.location?.path}:${finding.location?.startLine}`)).toEqual([
        'ESLint security/detect-child-process app.js:1',
        'Semgrep python.django.security.injection.command.command-injection-os-system.command-injection-os-system test.py:4',
        'Bandit B101 one/one.py:2'
      ]);
      expect(result.findings.filter((finding) => finding.tools[0] === 'CodeQL')).toHaveLength(72);
    } finally {
      process.env.PATH = previousPath;
    }
  });
});
