import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ToolError, defaultCacheDir, findOnPath } from '../src/index.js';
import { checkEntryNames } from '../src/archive.js';

describe('defaultCacheDir', () => {
  const cases: Array<[string, NodeJS.ProcessEnv, string]> = [
    ['runner cache', { RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', XDG_CACHE_HOME: '/x' }, '/opt/hostedtoolcache'],
    ['XDG cache home', { XDG_CACHE_HOME: '/home/dev/.xdg' }, '/home/dev/.xdg/devsecops/tools'],
    ['home folder', {}, path.join(os.homedir(), '.cache', 'devsecops', 'tools')]
  ];
  test.each(cases)('%s', (_label, env, expected) => {
    expect(defaultCacheDir(env)).toBe(expected);
  });
});

describe('findOnPath', () => {
  let work: string;

  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'find-on-path-'));
  });

  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('first executable match wins', async () => {
    const first = path.join(work, 'a');
    const second = path.join(work, 'b');
    await Promise.all([first, second].map((folder) => import('node:fs/promises').then((fs) => fs.mkdir(folder))));
    await writeFile(path.join(first, 'scanner'), 'not executable');
    await writeFile(path.join(second, 'scanner'), '#!/bin/sh\n');
    await chmod(path.join(second, 'scanner'), 0o755);

    expect(await findOnPath('scanner', { PATH: [first, second].join(path.delimiter) })).toBe(path.join(second, 'scanner'));
    expect(await findOnPath('missing', { PATH: [first, second].join(path.delimiter) })).toBeUndefined();
    expect(await findOnPath('scanner', {})).toBeUndefined();
    expect(await findOnPath(`${second}/scanner`, { PATH: second })).toBeUndefined();
  });
});

describe('checkEntryNames', () => {
  const safe: string[][] = [
    ['gitleaks', 'LICENSE', 'README.md'],
    ['./', './trivy', './contrib/', './contrib/html.tpl'],
    ['kics', 'assets/', 'assets/queries/', 'assets/queries/a.rego'],
    ['bin/', 'bin/tool', 'dir..name/file']
  ];
  test.each(safe.map((names) => [names.join(' '), names]))('accepts %s', (_label, names) => {
    expect(() => checkEntryNames('t', 'a.tar.gz', names)).not.toThrow();
  });

  const unsafe: Array<[string[], string]> = [
    [['../x'], 'unsafe entry "../x" in a.tar.gz: path contains ".."; nothing was extracted'],
    [['a/../../x'], 'unsafe entry "a/../../x" in a.tar.gz: path contains ".."; nothing was extracted'],
    [['a\\..\\x'], 'unsafe entry "a\\\\..\\\\x" in a.tar.gz: path contains ".."; nothing was extracted'],
    [['/etc/passwd'], 'unsafe entry "/etc/passwd" in a.tar.gz: absolute path; nothing was extracted'],
    [['C:/Windows/x'], 'unsafe entry "C:/Windows/x" in a.tar.gz: absolute path; nothing was extracted'],
    [['link', 'link/x'], 'unsafe entry "link/x" in a.tar.gz: it is below the non-directory entry "link"; nothing was extracted'],
    [['./link', 'link/deep/x'], 'unsafe entry "link/deep/x" in a.tar.gz: it is below the non-directory entry "link"; nothing was extracted']
  ];
  test.each(unsafe)('rejects %j', (names, message) => {
    expect(() => checkEntryNames('t', 'a.tar.gz', names)).toThrow(new ToolError('t', message));
  });
});
