import { describeArtifactLocation, MAX_URI_BASE_DEPTH, resolveArtifactUri, type UriResolution } from '../src/sarif/uri.js';
import type { ArtifactLocation } from '../src/sarif/types.js';

const workspace = '/srv/repo';

const bases = {
  REPO: { uri: 'file:///srv/repo/' },
  SRC: { uri: 'src/', uriBaseId: 'REPO' },
  LIB: { uri: 'lib/', uriBaseId: 'SRC' },
  NO_URI: { description: { text: 'left for the consumer to decide' } },
  RELATIVE_ROOT: { uri: 'packages/app/' },
  ELSEWHERE: { uri: 'file:///opt/build/' },
  HOST: { uri: 'file://build.example.test/work/' },
  WEB: { uri: 'https://example.test/app/' },
  LOOP_A: { uri: 'a/', uriBaseId: 'LOOP_B' },
  LOOP_B: { uri: 'b/', uriBaseId: 'LOOP_A' },
  SELF: { uriBaseId: 'SELF' },
  BAD: { uri: 'fi%le:///x/' },
  ...Object.fromEntries(Array.from({ length: MAX_URI_BASE_DEPTH + 2 }, (_, i) => [`DEEP${i}`, { uri: `d${i}/`, uriBaseId: `DEEP${i + 1}` }]))
};

const artifacts = [
  { location: { uri: 'from/artifact.c', uriBaseId: 'SRC' } },
  { mimeType: 'text/plain' },
  'not an object'
];

const outsideAbsolute = `is outside the workspace ${workspace} (an absolute path, probably from the machine that ran the tool)`;

const cases: Array<[description: string, location: ArtifactLocation, expected: UriResolution]> = [
  ['relative path', { uri: 'src/a.js' }, { kind: 'path', path: 'src/a.js' }],
  ['dot segments', { uri: './a/../b' }, { kind: 'path', path: 'b' }],
  ['dot segments that stay inside', { uri: 'src/../lib/x.py' }, { kind: 'path', path: 'lib/x.py' }],
  ['relative escape', { uri: '../../etc/passwd' }, { kind: 'outside', reason: 'is outside the workspace' }],
  ['escape hidden in the middle', { uri: 'src/../../etc/passwd' }, { kind: 'outside', reason: 'is outside the workspace' }],
  ['workspace root itself', { uri: './' }, { kind: 'invalid', reason: 'is the workspace root, not a file' }],
  ['absolute path inside', { uri: '/srv/repo/src/a.js' }, { kind: 'path', path: 'src/a.js' }],
  ['absolute path outside', { uri: '/home/runner/work/repo/repo/src/a.js' }, { kind: 'outside', reason: outsideAbsolute }],
  ['workspace prefix is not containment', { uri: '/srv/repository/a.js' }, { kind: 'outside', reason: outsideAbsolute }],
  ['file URI inside', { uri: 'file:///srv/repo/src/a.js' }, { kind: 'path', path: 'src/a.js' }],
  ['file URI to /etc/passwd', { uri: 'file:///etc/passwd' }, { kind: 'outside', reason: outsideAbsolute }],
  ['file URI with localhost', { uri: 'file://localhost/srv/repo/a.js' }, { kind: 'path', path: 'a.js' }],
  ['file URI with a remote host', { uri: 'file://build.example.test/srv/repo/a.js' }, { kind: 'outside', reason: 'is on host build.example.test, not in the workspace' }],
  ['file URI with four slashes', { uri: 'file:////srv/repo/a.js' }, { kind: 'path', path: 'a.js' }],
  ['Windows drive file URI', { uri: 'file:///C:/src/test.c' }, { kind: 'outside', reason: outsideAbsolute }],
  ['Windows drive path', { uri: 'C:\\src\\test.c' }, { kind: 'outside', reason: outsideAbsolute }],
  ['rooted backslash path', { uri: '\\srv\\repo\\a.c' }, { kind: 'path', path: 'a.c' }],
  ['relative backslash path', { uri: 'path\\test\\fixtures\\main.tf' }, { kind: 'path', path: 'path/test/fixtures/main.tf' }],
  ['percent-encoded spaces', { uri: 'docs/My%20Notes/read%20me.md' }, { kind: 'path', path: 'docs/My Notes/read me.md' }],
  ['percent-encoded dot segments', { uri: '%2E%2E/%2E%2E/etc/passwd' }, { kind: 'outside', reason: 'is outside the workspace' }],
  ['percent-encoded file URI', { uri: 'file:///srv/repo/a%23b.c' }, { kind: 'path', path: 'a#b.c' }],
  ['unencoded space', { uri: 'not a valid URI' }, { kind: 'invalid', reason: 'is not a valid URI: it contains a space, which must be percent-encoded' }],
  ['malformed percent-encoding', { uri: 'fi%le:///c:/src/file.c' }, { kind: 'invalid', reason: 'is not a valid URI: a "%" is not followed by two hexadecimal digits' }],
  ['percent-encoded NUL', { uri: 'a%00.c' }, { kind: 'invalid', reason: 'is not a valid URI: it encodes a NUL character' }],
  ['control character', { uri: 'a\nb.c' }, { kind: 'invalid', reason: 'is not a valid URI: it contains a control character' }],
  ['https URL', { uri: 'https://www.example.com/code/file.cs' }, { kind: 'url', url: 'https://www.example.com/code/file.cs' }],
  ['query and fragment dropped from paths', { uri: 'src/a.js?x=1#L3' }, { kind: 'path', path: 'src/a.js' }],
  ['undefined %SRCROOT%', { uri: 'src/a.js', uriBaseId: '%SRCROOT%' }, { kind: 'path', path: 'src/a.js' }],
  ['absolute base', { uri: 'a.js', uriBaseId: 'REPO' }, { kind: 'path', path: 'a.js' }],
  ['chain of two', { uri: 'a.js', uriBaseId: 'SRC' }, { kind: 'path', path: 'src/a.js' }],
  ['chain of three', { uri: 'util/sql.js', uriBaseId: 'LIB' }, { kind: 'path', path: 'src/lib/util/sql.js' }],
  ['escape from a nested base', { uri: '../../../../etc/passwd', uriBaseId: 'LIB' }, { kind: 'outside', reason: outsideAbsolute }],
  ['base with no uri', { uri: 'a.js', uriBaseId: 'NO_URI' }, { kind: 'path', path: 'a.js' }],
  ['relative base without a parent', { uri: 'main.ts', uriBaseId: 'RELATIVE_ROOT' }, { kind: 'path', path: 'packages/app/main.ts' }],
  ['base on another machine', { uri: 'a.js', uriBaseId: 'ELSEWHERE' }, { kind: 'outside', reason: outsideAbsolute }],
  ['base on another host', { uri: 'a.js', uriBaseId: 'HOST' }, { kind: 'outside', reason: 'is on host build.example.test, not in the workspace' }],
  ['URL base', { uri: 'login?next=1', uriBaseId: 'WEB' }, { kind: 'url', url: 'https://example.test/app/login?next=1' }],
  ['absolute uri ignores its base', { uri: 'file:///srv/repo/x.c', uriBaseId: 'ELSEWHERE' }, { kind: 'path', path: 'x.c' }],
  [
    'cycle of two',
    { uri: 'x.c', uriBaseId: 'LOOP_A' },
    { kind: 'invalid', reason: 'cannot be resolved: run.originalUriBaseIds has a cycle LOOP_A -> LOOP_B -> LOOP_A' }
  ],
  ['self reference', { uri: 'x.c', uriBaseId: 'SELF' }, { kind: 'invalid', reason: 'cannot be resolved: run.originalUriBaseIds has a cycle SELF -> SELF' }],
  [
    'invalid base uri',
    { uri: 'x.c', uriBaseId: 'BAD' },
    { kind: 'invalid', reason: 'cannot be resolved: run.originalUriBaseIds.BAD.uri "fi%le:///x/" is not a valid URI: a "%" is not followed by two hexadecimal digits' }
  ],
  ['artifacts index', { index: 0 }, { kind: 'path', path: 'src/from/artifact.c' }],
  ['uri wins over index', { uri: 'own.c', index: 0 }, { kind: 'path', path: 'own.c' }],
  ['index -1 means no index', { index: -1 }, { kind: 'invalid', reason: 'has no uri' }],
  ['index out of range', { index: 7 }, { kind: 'invalid', reason: 'has no uri, and run.artifacts[7] has no location uri' }],
  ['artifact without a location', { index: 1 }, { kind: 'invalid', reason: 'has no uri, and run.artifacts[1] has no location uri' }],
  ['artifact that is not an object', { index: 2 }, { kind: 'invalid', reason: 'has no uri, and run.artifacts[2] has no location uri' }],
  ['no uri and no index', {}, { kind: 'invalid', reason: 'has no uri' }]
];

describe('resolveArtifactUri', () => {
  test.each(cases)('%s', (_description, location, expected) => {
    expect(resolveArtifactUri(location, { workspace, originalUriBaseIds: bases, artifacts })).toEqual(expected);
  });

  test('chain longer than the depth bound', () => {
    const result = resolveArtifactUri({ uri: 'x.c', uriBaseId: 'DEEP0' }, { workspace, originalUriBaseIds: bases });

    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(/^cannot be resolved: run\.originalUriBaseIds chains more than 16 uriBaseId references \(DEEP0 -> DEEP1 -> /);
  });

  test('Windows workspace', () => {
    const context = { workspace: 'C:\\a\\_work\\repo', originalUriBaseIds: {} };

    expect(resolveArtifactUri({ uri: 'file:///C:/a/_work/repo/src/App.ts' }, context)).toEqual({ kind: 'path', path: 'src/App.ts' });
    expect(resolveArtifactUri({ uri: 'file:///c:/A/_WORK/repo/src/App.ts' }, context)).toEqual({ kind: 'path', path: 'src/App.ts' });
    expect(resolveArtifactUri({ uri: 'file:///D:/a/_work/repo/src/App.ts' }, context).kind).toBe('outside');
  });

  test('base ids without originalUriBaseIds', () => {
    expect(resolveArtifactUri({ uri: 'a.c', uriBaseId: 'SRCROOT' }, { workspace })).toEqual({ kind: 'path', path: 'a.c' });
  });
});

describe('describeArtifactLocation', () => {
  test.each([
    [{ uri: 'a.c' }, 'a.c'],
    [{ uri: 'a.c', uriBaseId: 'SRCROOT' }, 'a.c (uriBaseId SRCROOT)'],
    [{ index: 3 }, 'artifacts[3]'],
    [{}, '(no uri)']
  ])('%j', (location, expected) => {
    expect(describeArtifactLocation(location)).toBe(expected);
  });
});
