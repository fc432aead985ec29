import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { collectSourceFiles } from '../src/source-files.js';

let workspace: string;

function write(file: string, text = 'export const a = 1;\n'): void {
  mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  writeFileSync(path.join(workspace, file), text);
}

beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'sast-sources-'));
  write('.gitignore', '.build/\nnode_modules/\n*.gen.js\n');
  write('README.md', '# app\n');
  write('src/app.js');
  write('src/view.tsx');
  write('src/types.d.ts');
  write('src/out.gen.js');
  write('src/notes.gen.txt');
  write('src/vendor.min.js');
  write('src/long.js', `export const data = "${'x'.repeat(1200)}";\n`);
  write('lib/big.js', `// ${'y'.repeat(80)}\n`.repeat(14_000));
  write('.build/bundle.js');
  write('.git/hooks/post.js');
  write('node_modules/dep/index.js');
  write('dist/index.js');
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('collectSourceFiles', () => {
  test('gitignored folder left out', async () => {
    const walk = await collectSourceFiles({ workspace, target: workspace });

    expect(walk.files.map((file) => file.path)).toEqual(['src/app.js', 'src/view.tsx']);
    expect(walk.skipped).toEqual({ directories: 3, minified: 2, large: 1, excluded: 0, links: 0, ignored: 2 });
  });

  test('gitignored target folder scanned', async () => {
    const build = await collectSourceFiles({ workspace, target: path.join(workspace, '.build') });
    const modules = await collectSourceFiles({ workspace, target: path.join(workspace, 'node_modules') });

    expect(build.files.map((file) => file.path)).toEqual(['.build/bundle.js']);
    expect(modules.files.map((file) => file.path)).toEqual(['node_modules/dep/index.js']);
  });

  test('sub-folder target with exclude', async () => {
    const walk = await collectSourceFiles({ workspace, target: path.join(workspace, 'src'), exclude: ['src/view.tsx'] });

    expect(walk.files.map((file) => file.path)).toEqual(['src/app.js']);
    expect(walk.skipped).toEqual({ directories: 0, minified: 2, large: 0, excluded: 1, links: 0, ignored: 1 });
  });
});
