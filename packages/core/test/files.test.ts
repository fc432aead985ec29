import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expandGlobs } from '@devsecops/core';

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
