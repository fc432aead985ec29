import type { Finding } from '@devsecops/core';
import { RecordingLogger } from '@devsecops/core';

import { ChangedFiles, listChangedFiles, parsePatch, type FilterMode } from '../src/pr-diff.js';
import { FakeGitHub } from './fake-github.js';

describe('parsePatch', () => {
  test.each([
    {
      name: 'one modified line',
      patch: ['@@ -10,7 +10,7 @@ function main() {', ' a', ' b', ' c', '-old', '+new', ' e', ' f', ' g'].join('\n'),
      added: [13],
      context: [10, 11, 12, 13, 14, 15, 16]
    },
    {
      name: 'new file',
      patch: ['@@ -0,0 +1,3 @@', '+one', '+two', '+three'].join('\n'),
      added: [1, 2, 3],
      context: [1, 2, 3]
    },
    {
      name: 'new file without final newline',
      patch: ['@@ -0,0 +1,2 @@', '+one', '+two', '\\ No newline at end of file'].join('\n'),
      added: [1, 2],
      context: [1, 2]
    },
    {
      name: 'deletions only',
      patch: ['@@ -4,5 +4,2 @@', ' keep', '-gone 1', '-gone 2', '-gone 3', ' keep too'].join('\n'),
      added: [],
      context: [4, 5]
    },
    {
      name: 'whole file deleted',
      patch: ['@@ -1,2 +0,0 @@', '-one', '-two'].join('\n'),
      added: [],
      context: []
    },
    {
      name: 'multiple hunks',
      patch: [
        '@@ -1,3 +1,4 @@',
        ' import a',
        '+import b',
        ' ',
        ' const x = 1;',
        '@@ -40,3 +41,4 @@ export function run() {',
        '   call();',
        '-  other();',
        '+  other(1);',
        '+  more();',
        '   return;'
      ].join('\n'),
      added: [2, 42, 43],
      context: [1, 2, 3, 4, 41, 42, 43, 44]
    },
    {
      name: 'newline marker mid-file',
      patch: ['@@ -1,2 +1,3 @@', ' first', '-last', '\\ No newline at end of file', '+last', '+appended', '\\ No newline at end of file'].join(
        '\n'
      ),
      added: [2, 3],
      context: [1, 2, 3]
    },
    {
      name: 'single-line header counts',
      patch: ['@@ -7 +7 @@', '-a', '+b'].join('\n'),
      added: [7],
      context: [7]
    },
    {
      name: 'deleted line starting with dashes',
      patch: ['@@ -1,3 +1,2 @@', ' x', '--- not a header', ' y'].join('\n'),
      added: [],
      context: [1, 2]
    },
    {
      name: 'added line starting with plus signs',
      patch: ['@@ -1,1 +1,2 @@', ' x', '+++ counter'].join('\n'),
      added: [2],
      context: [1, 2]
    },
    {
      name: 'file headers and CRLF',
      patch: ['--- a/x.txt', '+++ b/x.txt', '@@ -3,2 +3,3 @@', ' c', '+d', ' e', ''].join('\r\n'),
      added: [4],
      context: [3, 4, 5]
    },
    {
      name: 'stripped empty context line',
      patch: ['@@ -1,3 +1,4 @@', ' a', '', '+b', ' c'].join('\n'),
      added: [3],
      context: [1, 2, 3, 4]
    },
    { name: 'empty patch', patch: '', added: [], context: [] }
  ])('$name', ({ patch, added, context }) => {
    const lines = parsePatch(patch);

    expect(lines.added).toEqual(added);
    expect(lines.context).toEqual(context);
  });
});

describe('ChangedFiles.isInDiff', () => {
  const files = ChangedFiles.fromPatches([
    { path: 'src/app.ts', patch: ['@@ -10,3 +10,4 @@', ' a', '+b', ' c', ' d'].join('\n') },
    { path: 'assets/logo.png' },
    { path: 'src/new-name.ts', previousPath: 'src/old-name.ts', status: 'renamed', patch: '' }
  ]);

  // Line 11 is added; 10, 12 and 13 are context; 14 is outside every hunk.
  const cases: Array<[string, number | undefined, number | undefined, Record<FilterMode, boolean>]> = [
    ['src/app.ts', 11, undefined, { added: true, diff_context: true, file: true, nofilter: true }],
    ['src/app.ts', 10, undefined, { added: false, diff_context: true, file: true, nofilter: true }],
    ['src/app.ts', 13, undefined, { added: false, diff_context: true, file: true, nofilter: true }],
    ['src/app.ts', 14, undefined, { added: false, diff_context: false, file: true, nofilter: true }],
    ['src/app.ts', 1, undefined, { added: false, diff_context: false, file: true, nofilter: true }],
    ['src/app.ts', 9, 11, { added: true, diff_context: true, file: true, nofilter: true }],
    ['src/app.ts', 5, 9, { added: false, diff_context: false, file: true, nofilter: true }],
    ['src/app.ts', undefined, undefined, { added: true, diff_context: true, file: true, nofilter: true }],
    ['assets/logo.png', 1, undefined, { added: false, diff_context: false, file: true, nofilter: true }],
    ['assets/logo.png', undefined, undefined, { added: true, diff_context: true, file: true, nofilter: true }],
    ['src/new-name.ts', 3, undefined, { added: false, diff_context: false, file: true, nofilter: true }],
    ['src/old-name.ts', 3, undefined, { added: false, diff_context: false, file: false, nofilter: true }],
    ['README.md', 11, undefined, { added: false, diff_context: false, file: false, nofilter: true }],
    ['README.md', undefined, undefined, { added: false, diff_context: false, file: false, nofilter: true }]
  ];

  test.each(cases)('%s line %s to %s', (path, line, endLine, expected) => {
    for (const mode of ['added', 'diff_context', 'file', 'nofilter'] as const) {
      expect([mode, files.isInDiff(path, line, mode, endLine)]).toEqual([mode, expected[mode]]);
    }
  });

  test('finding without path', () => {
    const finding = { location: undefined, url: 'https://app.example/login' } as unknown as Finding;

    expect(files.isFindingInDiff(finding, 'added')).toBe(false);
    expect(files.isFindingInDiff(finding, 'file')).toBe(false);
    expect(files.isFindingInDiff(finding, 'nofilter')).toBe(true);
  });

  test('finding uses start and end line', () => {
    const finding = { location: { path: 'src/app.ts', startLine: 8, endLine: 11 } } as unknown as Finding;

    expect(files.isFindingInDiff(finding, 'added')).toBe(true);
  });
});

describe('listChangedFiles', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  test('reads every page', async () => {
    const all = Array.from({ length: 230 }, (_, index) => ({
      filename: `src/file-${index}.ts`,
      status: 'modified',
      patch: `@@ -1,1 +1,2 @@\n line\n+added ${index}`
    }));
    all[229] = { filename: 'img.png', status: 'added' } as (typeof all)[number];
    fake = await FakeGitHub.start((request) => {
      const page = Number(request.query.get('page') ?? '1');
      const perPage = Number(request.query.get('per_page'));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.ceil(all.length / perPage);
      const link =
        page < last ? { link: `<${fake!.url}${request.path}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : undefined;
      return { status: 200, body: slice, ...(link ? { headers: link } : {}) };
    });
    const logger = new RecordingLogger();

    const files = await listChangedFiles({ octokit: fake.client(logger), owner: 'o', repo: 'r', pullNumber: 5, logger });

    expect(fake.requests.map((request) => `${request.path}?${request.query}`)).toEqual([
      '/repos/o/r/pulls/5/files?per_page=100',
      '/repos/o/r/pulls/5/files?per_page=100&page=2',
      '/repos/o/r/pulls/5/files?per_page=100&page=3'
    ]);
    expect(files.size).toBe(230);
    expect(files.isInDiff('src/file-228.ts', 2, 'added')).toBe(true);
    expect(files.isInDiff('src/file-228.ts', 1, 'added')).toBe(false);
    expect(files.get('img.png')?.lines).toBeUndefined();
    expect(logger.messages('info')).toEqual([
      'Pull request #5 changes 230 files (1 without a patch, so only file-level filtering applies to them)'
    ]);
  });
});
