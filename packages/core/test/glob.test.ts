import picomatch from 'picomatch';

import { compileGlob } from '../src/glob.js';

describe('compileGlob on paths', () => {
  const cases: Array<[string, string, boolean]> = [
    ['test/**', 'test/a.js', true],
    ['test/**', 'test/a/b/c.js', true],
    ['test/**', 'src/test/a.js', false],
    ['**/test/**', 'src/test/a.js', true],
    ['**/*.js', 'a.js', true],
    ['**/*.js', 'src/deep/a.js', true],
    ['**/*.js', 'src/deep/a.ts', false],
    ['*.js', 'src/a.js', false],
    ['src/*.js', 'src/a.js', true],
    ['src/*.js', 'src/x/a.js', false],
    ['src/**/*.spec.ts', 'src/a.spec.ts', true],
    ['src/**/*.spec.ts', 'src/x/y/a.spec.ts', true],
    ['src/?.js', 'src/a.js', true],
    ['src/?.js', 'src/ab.js', false],
    ['src/[abc].js', 'src/b.js', true],
    ['src/[!abc].js', 'src/b.js', false],
    ['src/[a-c].js', 'src/c.js', true],
    ['{src,lib}/**/*.js', 'lib/x.js', true],
    ['{src,lib}/**/*.js', 'app/x.js', false],
    ['**/.github/**', '.github/workflows/ci.yml', true],
    ['fixtures/\\*.js', 'fixtures/*.js', true],
    ['fixtures/\\*.js', 'fixtures/a.js', false]
  ];

  it.each(cases)('%s on %s is %s', (pattern, path, expected) => {
    expect(compileGlob(pattern, { separator: '/' })(path)).toBe(expected);
  });

  // picomatch 4 reads `[!abc]` as a class containing `!`; POSIX globs, and this matcher, negate.
  const comparable = cases.filter(([pattern]) => !pattern.includes('[!'));

  it.each(comparable)('%s on %s agrees with picomatch', (pattern, path) => {
    expect(compileGlob(pattern, { separator: '/' })(path)).toBe(picomatch(pattern, { dot: true })(path));
  });
});

describe('compileGlob on rule ids', () => {
  it.each([
    ['*', 'js/sql-injection', true],
    ['js/*', 'js/sql-injection', true],
    ['semgrep.javascript.*', 'semgrep.javascript.express.xss', true],
    ['semgrep.javascript.*', 'semgrep.python.xss', false],
    ['CKV_AWS_?', 'CKV_AWS_1', true],
    ['CKV_AWS_?', 'CKV_AWS_19', false]
  ])('%s on %s is %s', (pattern, ruleId, expected) => {
    expect(compileGlob(pattern)(ruleId)).toBe(expected);
  });
});

describe('compileGlob on hostile patterns', () => {
  it('matches many stars against a long name', () => {
    const name = `src/${'a-'.repeat(125)}.ts`;

    expect(compileGlob('**/*-*-*-*-*.js', { separator: '/' })(name)).toBe(false);
    expect(compileGlob('**/*-*-*-*-*.ts', { separator: '/' })(name)).toBe(true);
    expect(compileGlob(`${'*'.repeat(29)}x`)('y'.repeat(1000))).toBe(false);
    expect(compileGlob('*.*.*.*.*.*.*.*.x')('a.'.repeat(500))).toBe(false);
  });

  it.each([
    ['a'.repeat(1001), 'glob is 1001 characters long; the maximum is 1000'],
    ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', 'glob "{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}" expands to more than 64 alternatives'],
    ['{a,b', 'glob "{a,b" has an unclosed "{"']
  ])('rejects %s', (pattern, message) => {
    expect(() => compileGlob(pattern)).toThrow(message);
  });
});
