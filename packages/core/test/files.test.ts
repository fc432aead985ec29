import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expandGlobs, LINK_OUT_OF_WORKSPACE_MESSAGE } from '@devsecops/core';

describe('expandGlobs', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'devsecops-globs-'));
  for (const file of ['a.sarif', 'b.sarif', 'notes.txt', 'nested/c.sarif', 'nested/deep/d.sarif.json', 'node_modules/x.sarif']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '{}');
  }
  const relative = (files: string[]): string[] => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

  it.each([
    [['*.sarif'], ['a.sarif', 'b.sarif'], []],
    [['**/*.sarif'], ['a.sarif', 'b.sarif', 'nested/c.sarif'], []],
    [['nested'], ['nested/c.sarif'], []],
    [['.'], ['a.sarif', 'b.sarif', 'nested/c.sarif'], []],
    [['a.sarif', 'a.sarif', '*.sarif'], ['a.sarif', 'b.sarif'], []],
    [['nested/deep/*.json'], ['nested/deep/d.sarif.json'], []],
    [['missing.sarif', '*.xml', '', '# comment'], [], ['missing.sarif', '*.xml']]
  ])('%j matches %j', (patterns, expectedFiles, expectedUnmatched) => {
    const result = expandGlobs(patterns, root);
    expect(relative(result.files)).toEqual(expectedFiles);
    expect(result.unmatched).toEqual(expectedUnmatched);
  });

  it('accepts absolute patterns', () => {
    const result = expandGlobs([path.join(root, 'nested', '*.sarif')], '/');
    expect(relative(result.files)).toEqual(['nested/c.sarif']);
  });
});

describe('expandGlobs with a workspace', () => {
  test('links out of the workspace are rejected by name', () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'devsecops-globs-links-'));
    const workspace = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    mkdirSync(path.join(workspace, 'reports'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'gitleaks.json'), '[]');
    writeFileSync(path.join(workspace, 'reports', 'own.json'), '[]');
    symlinkSync(path.join(outside, 'gitleaks.json'), path.join(workspace, 'reports', 'planted.json'));
    symlinkSync(outside, path.join(workspace, 'linked'));
    symlinkSync('/etc/passwd', path.join(workspace, 'passwd.json'));

    const result = expandGlobs(['reports/*.json', 'linked/*.json', 'passwd.json', path.join(outside, 'gitleaks.json')], workspace, workspace);
    expect(result.files).toEqual([path.join(outside, 'gitleaks.json'), path.join(workspace, 'reports', 'own.json')]);
    // The planted link inside reports/ is not matched at all: a glob follows links only within its base folder.
    expect(result.rejected).toEqual([
      { file: 'linked/gitleaks.json', message: LINK_OUT_OF_WORKSPACE_MESSAGE },
      { file: 'passwd.json', message: LINK_OUT_OF_WORKSPACE_MESSAGE }
    ]);
    expect(result.unmatched).toEqual([]);
  });
});
