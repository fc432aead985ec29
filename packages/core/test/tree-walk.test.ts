import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { walkTree, type TreeEntry, type TreeWalkOptions } from '@devsecops/core';

let root: string;

function write(file: string, text = 'x\n'): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** Lists the entries as `kind path`, with `/` after an ignored folder. */
function walk(options: Partial<TreeWalkOptions> = {}): string[] {
  return [...walkTree({ workspace: root, target: root, ...options })].map((entry: TreeEntry) => {
    const folder = entry.kind === 'ignored' && entry.directory ? '/' : '';
    return `${entry.kind} ${entry.repoPath}${folder}`;
  });
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'tree-walk-'));
  write('.gitignore', '.build/\n*.log\n!keep.log\n/top.js\n');
  write('b.js');
  write('B.js');
  write('_u.js');
  write('é.js');
  write('keep.log');
  write('debug.log');
  write('top.js');
  write('.build/gen.js');
  write('.git/config');
  write('node_modules/dep/index.js');
  write('src/top.js');
  write('src/.gitignore', 'gen/\nlocal.js\n');
  write('src/gen/out.js');
  write('src/local.js');
  write('src/deep/.gitignore', '!local.js\n');
  write('src/deep/local.js');
  write('src/deep/app.js');
  symlinkSync(path.join(root, 'src'), path.join(root, 'src-link'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('walkTree', () => {
  // src/deep/.gitignore re-includes local.js, which git would list, but src/.gitignore still excludes it here.
  test('whole workspace in name order', () => {
    expect(walk()).toEqual([
      'ignored .build/',
      'git .git',
      'file .gitignore',
      'file B.js',
      'file _u.js',
      'file b.js',
      'ignored debug.log',
      'file keep.log',
      'file node_modules/dep/index.js',
      'file src/.gitignore',
      'file src/deep/.gitignore',
      'file src/deep/app.js',
      'ignored src/deep/local.js',
      'ignored src/gen/',
      'ignored src/local.js',
      'file src/top.js',
      'link src-link',
      'ignored top.js',
      'file é.js'
    ]);
  });

  test('sub-folder under parent rules', () => {
    expect(walk({ target: path.join(root, 'src', 'deep') })).toEqual(['file src/deep/.gitignore', 'file src/deep/app.js', 'ignored src/deep/local.js']);
    expect(walk({ target: path.join(root, 'src') })).toEqual([
      'file src/.gitignore',
      'file src/deep/.gitignore',
      'file src/deep/app.js',
      'ignored src/deep/local.js',
      'ignored src/gen/',
      'ignored src/local.js',
      'file src/top.js'
    ]);
  });

  // Patterns match without regard to case, the `ignore` package's default, so `!b.js` keeps B.js too.
  test('exclude and skipFolder', () => {
    const entries = walk({ exclude: ['src/deep/', '*.js', '!b.js'], skipFolder: (name) => name === 'node_modules' || name === '.build' });

    expect(entries).toEqual([
      'skippedFolder .build',
      'git .git',
      'file .gitignore',
      'file B.js',
      'ignored _u.js',
      'file b.js',
      'ignored debug.log',
      'file keep.log',
      'skippedFolder node_modules',
      'file src/.gitignore',
      'ignored src/deep/',
      'ignored src/gen/',
      'ignored src/local.js',
      'ignored src/top.js',
      'link src-link',
      'ignored top.js',
      'ignored é.js'
    ]);
  });

  test('file target skips the rules', () => {
    expect(walk({ target: path.join(root, 'debug.log') })).toEqual(['file debug.log']);
  });

  test('ignored target folder', () => {
    const target = path.join(root, '.build');

    expect(walk({ target })).toEqual(['ignored .build/gen.js']);
    expect(walk({ target, walkIgnoredTarget: true })).toEqual(['file .build/gen.js']);
    expect(walk({ target, walkIgnoredTarget: true, exclude: ['gen.js'] })).toEqual(['ignored .build/gen.js']);
  });

  test('unreadable target folder', () => {
    const entries = [...walkTree({ workspace: root, target: path.join(root, 'absent') })];

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'unreadable', repoPath: 'absent', error: { code: 'ENOENT' } });
  });
});
