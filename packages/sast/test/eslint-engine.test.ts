import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RecordingLogger } from '@devsecops/core';

import { runEslintEngine } from '../src/eslint-engine.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'js-project');

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'sast-eslint-'));
  cpSync(FIXTURE, workspace, { recursive: true });
  // Folders and files the engine must skip, made here because git ignores node_modules.
  mkdirSync(path.join(workspace, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(path.join(workspace, 'node_modules', 'dep', 'index.js'), 'eval(process.argv[2]);\n');
  mkdirSync(path.join(workspace, 'dist'));
  writeFileSync(path.join(workspace, 'dist', 'index.js'), 'eval(process.argv[2]);\n');
  writeFileSync(path.join(workspace, 'src', 'vendor.min.js'), 'eval(a);\n');
  writeFileSync(path.join(workspace, 'src', 'generated.js'), `var data = "${'x'.repeat(1200)}"; eval(data);\n`);
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('runEslintEngine', () => {
  test('finds the fixture findings', async () => {
    const result = await runEslintEngine({ workspace, target: workspace, logger: new RecordingLogger() });
    const found = result.findings.map((finding) => [finding.location?.path, finding.location?.startLine, finding.rule.id, finding.suppression?.kind ?? '']);
    expect(found.sort()).toEqual(
      [
        ['lib/legacy.js', 4, 'no-new-func', ''],
        ['src/profile.tsx', 6, '@microsoft/sdl/no-inner-html', ''],
        ['src/profile.tsx', 6, 'no-unsanitized/property', ''],
        ['src/server.js', 5, 'security/detect-child-process', ''],
        ['src/server.js', 9, 'no-eval', ''],
        ['src/server.js', 9, 'security/detect-eval-with-expression', ''],
        ['src/server.js', 13, 'security/detect-non-literal-fs-filename', ''],
        ['src/server.js', 18, 'security/detect-child-process', 'inline']
      ].sort()
    );
  });

  test('counts linted, skipped and unparsed files', async () => {
    const result = await runEslintEngine({ workspace, target: workspace, logger: new RecordingLogger() });
    expect(result.stats).toEqual({
      files: 5,
      bytes: expect.any(Number),
      parseErrors: 1,
      ruleCrashes: 0,
      skippedDirectories: 2,
      skippedMinified: 2,
      skippedLarge: 0,
      skippedExcluded: 0,
      skippedLinks: 0,
      skippedIgnored: 0
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toBe('ESLint could not parse 1 file(s), which were not scanned: lib/broken.js:2: Parsing error: Unexpected token');
  });

  test('sets severity, CWE, OWASP and help', async () => {
    const result = await runEslintEngine({ workspace, target: workspace, logger: new RecordingLogger() });
    const byRule = new Map(result.findings.map((finding) => [finding.rule.id, finding]));
    const cases: Array<[string, string, string[], string, string]> = [
      ['security/detect-child-process', 'high', ['CWE-78'], 'A03:2021-Injection', 'https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/detect-child-process.md'],
      ['no-eval', 'high', ['CWE-95'], 'A03:2021-Injection', 'https://eslint.org/docs/latest/rules/no-eval'],
      ['security/detect-non-literal-fs-filename', 'low', ['CWE-22'], 'A01:2021-Broken Access Control', 'https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/detect-non-literal-fs-filename.md'],
      ['no-unsanitized/property', 'high', ['CWE-79'], 'A03:2021-Injection', 'https://github.com/mozilla/eslint-plugin-no-unsanitized/tree/master/docs/rules/property.md']
    ];
    for (const [rule, severity, cwes, owasp, helpUri] of cases) {
      const finding = byRule.get(rule);
      expect(finding?.severity).toBe(severity);
      expect(finding?.cwes).toEqual(cwes);
      expect(finding?.properties?.owasp).toBe(owasp);
      expect(finding?.rule.helpUri).toBe(helpUri);
      expect(finding?.tools).toEqual(['ESLint']);
      expect(finding?.category).toBe('sast');
    }
  });

  test('keeps the eslint-disable reason', async () => {
    const result = await runEslintEngine({ workspace, target: workspace, logger: new RecordingLogger() });
    const suppressed = result.findings.filter((finding) => finding.suppression);
    expect(suppressed.map((finding) => finding.suppression)).toEqual([{ kind: 'inline', justification: 'the caller checks the directory', source: 'src/server.js:18' }]);
  });

  test('scans one file as the target', async () => {
    const result = await runEslintEngine({ workspace, target: path.join(workspace, 'src', 'profile.tsx'), logger: new RecordingLogger() });
    expect(result.findings.map((finding) => `${finding.location?.path}:${finding.location?.startLine}:${finding.location?.startColumn} ${finding.rule.id}`).sort()).toEqual([
      'src/profile.tsx:6:3 @microsoft/sdl/no-inner-html',
      'src/profile.tsx:6:3 no-unsanitized/property'
    ]);
    expect(result.stats.files).toBe(1);
  });

  test('leaves out excluded files', async () => {
    const result = await runEslintEngine({ workspace, target: workspace, exclude: ['lib/**'], logger: new RecordingLogger() });
    expect(result.stats.skippedExcluded).toBe(3);
    expect(result.stats.files).toBe(2);
    expect(result.findings.some((finding) => finding.location?.path.startsWith('lib/'))).toBe(false);
  });

  test('runs only the given rules', async () => {
    const result = await runEslintEngine({
      workspace,
      target: workspace,
      rules: [{ id: 'no-eval', severity: 'critical', enabled: true }],
      logger: new RecordingLogger()
    });
    expect(result.findings.map((finding) => [finding.location?.path, finding.location?.startLine, finding.rule.id, finding.severity])).toEqual([['src/server.js', 9, 'no-eval', 'critical']]);
  });

  test('lints again without a crashing rule', async () => {
    // @microsoft/sdl/no-insecure-random 1.1.0 throws on require() of a variable.
    const file = path.join(workspace, 'loader.js');
    writeFileSync(file, 'module.exports = (name) => require(name);\n');
    try {
      const result = await runEslintEngine({
        workspace,
        target: file,
        rules: [
          { id: '@microsoft/sdl/no-insecure-random', severity: 'medium', enabled: true },
          { id: 'security/detect-non-literal-require', severity: 'medium', enabled: true }
        ],
        logger: new RecordingLogger()
      });
      expect(result.findings.map((finding) => [finding.location?.path, finding.location?.startLine, finding.rule.id])).toEqual([['loader.js', 1, 'security/detect-non-literal-require']]);
      expect(result.stats.ruleCrashes).toBe(1);
      expect(result.warnings).toEqual(['1 ESLint rule crash(es); each file was linted again without the rule: @microsoft/sdl/no-insecure-random on loader.js']);
    } finally {
      rmSync(file);
    }
  });
});
