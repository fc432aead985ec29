import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Finding, SourceLocation } from '../src/finding.js';
import { computeFingerprint, FINGERPRINT_KEY, fingerprintFindings, normalizeLine, stripQueryValues } from '../src/fingerprint.js';
import { SourceCache } from '../src/workspace.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fingerprint');

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    tools: ['CodeQL'],
    category: 'sast',
    rule: { id: 'js/reflected-xss' },
    severity: 'high',
    message: 'Cross-site scripting vulnerability due to a user-provided value.',
    cwes: ['CWE-79'],
    vulnerabilityIds: [],
    fingerprint: '',
    controls: [],
    ...overrides
  };
}

function at(location: SourceLocation, overrides: Partial<Finding> = {}): Finding {
  return finding({ location, ...overrides });
}

/** Fingerprints one finding against the fixture folder `folder` and returns the value. */
function fingerprintIn(folder: string, item: Finding): string {
  fingerprintFindings([item], { workspace: path.join(FIXTURES, folder) });
  return item.fingerprint;
}

describe('normalizeLine', () => {
  it.each([
    ['  res.send(x);  ', 'res.send(x);'],
    ['\tres.send( x );', 'res.send( x );'],
    ['a \t\u00a0 b', 'a b'],
    ['', ''],
    ['   ', '']
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });
});

describe('computeFingerprint', () => {
  // Expected values were checked with: printf '%s' '<the JSON array>' | sha256sum | cut -c1-32
  it('returns the first 32 hex characters of a sha256 digest', () => {
    expect(computeFingerprint({ ruleId: 'js/reflected-xss', path: 'app.js', lines: ['x();'] })).toBe(
      '3ff9afb61968290043806f32b5f91f64'
    );
  });

  it('keeps the parts apart so shifting text between them changes the hash', () => {
    const joined = computeFingerprint({ ruleId: 'a', path: 'b:c' });
    const split = computeFingerprint({ ruleId: 'a:b', path: 'c' });
    expect(joined).not.toBe(split);
  });

  it('tells lines apart from a fallback with the same text', () => {
    const fromLines = computeFingerprint({ ruleId: 'r', path: 'p', lines: ['x'] });
    const fromFallback = computeFingerprint({ ruleId: 'r', path: 'p', fallback: 'x' });
    expect(fromLines).not.toBe(fromFallback);
  });
});

describe('fingerprintFindings on source files before and after an edit', () => {
  const before = fingerprintIn('before', at({ path: 'app.js', startLine: 5 }));

  it('hashes the rule, the path and the flagged line', () => {
    expect(before).toBe(
      computeFingerprint({
        ruleId: 'js/reflected-xss',
        path: 'app.js',
        lines: ["res.send('<p>' + req.query.q + '</p>');"]
      })
    );
    expect(before).toBe('6229588e56c369cbf8de08567202e865');
  });

  it('keeps the fingerprint when lines are inserted above the finding', () => {
    expect(fingerprintIn('shifted', at({ path: 'app.js', startLine: 8 }))).toBe(before);
  });

  it('keeps the fingerprint when only whitespace on the line changes', () => {
    expect(fingerprintIn('reindented', at({ path: 'app.js', startLine: 5 }))).toBe(before);
  });

  it('changes the fingerprint when the flagged line changes', () => {
    const changed = fingerprintIn('changed', at({ path: 'app.js', startLine: 5 }));
    expect(changed).not.toBe(before);
    expect(changed).toBe(
      computeFingerprint({
        ruleId: 'js/reflected-xss',
        path: 'app.js',
        lines: ["res.send('<p>' + escape(req.query.q) + '</p>');"]
      })
    );
  });

  it('changes the fingerprint for another rule on the same line', () => {
    expect(fingerprintIn('before', at({ path: 'app.js', startLine: 5 }, { rule: { id: 'js/xss' } }))).not.toBe(before);
  });

  it('hashes every line from startLine to endLine', () => {
    const value = fingerprintIn('before', at({ path: 'app.js', startLine: 4, endLine: 6 }));
    expect(value).toBe(
      computeFingerprint({
        ruleId: 'js/reflected-xss',
        path: 'app.js',
        lines: ["app.get('/search', (req, res) => {", "res.send('<p>' + req.query.q + '</p>');", '});']
      })
    );
  });

  it('stops at the end of the file when endLine is past it', () => {
    const value = fingerprintIn('before', at({ path: 'app.js', startLine: 8, endLine: 400 }));
    expect(value).toBe(computeFingerprint({ ruleId: 'js/reflected-xss', path: 'app.js', lines: ['app.listen(3000);', ''] }));
  });

  it('caps a long region at 10 lines', () => {
    const capped = fingerprintIn('before', at({ path: 'app.js', startLine: 1, endLine: 9 }));
    const lines = ['const express = require(\'express\');', 'const app = express();', '', "app.get('/search', (req, res) => {"];
    expect(capped).toBe(
      computeFingerprint({
        ruleId: 'js/reflected-xss',
        path: 'app.js',
        lines: [...lines, "res.send('<p>' + req.query.q + '</p>');", '});', '', 'app.listen(3000);', '']
      })
    );
  });
});

describe('fingerprintFindings with identical flagged lines', () => {
  it('gives each line its own fingerprint with an occurrence suffix in line order', () => {
    const rule = { id: 'js/code-injection' };
    const third = at({ path: 'app.js', startLine: 5 }, { rule });
    const first = at({ path: 'app.js', startLine: 1 }, { rule });
    const second = at({ path: 'app.js', startLine: 3 }, { rule });
    fingerprintFindings([third, first, second], { workspace: path.join(FIXTURES, 'duplicates') });

    const hash = computeFingerprint({ ruleId: 'js/code-injection', path: 'app.js', lines: ['const a = eval(input);'] });
    expect(first.fingerprint).toBe(hash);
    expect(second.fingerprint).toBe(`${hash}:2`);
    expect(third.fingerprint).toBe(`${hash}:3`);
  });

  it('gives two reports of one line the same fingerprint', () => {
    const rule = { id: 'js/code-injection' };
    const one = at({ path: 'app.js', startLine: 3, startColumn: 11 }, { rule, tools: ['CodeQL'] });
    const two = at({ path: 'app.js', startLine: 3, startColumn: 11 }, { rule, tools: ['Semgrep'] });
    const other = at({ path: 'app.js', startLine: 5 }, { rule });
    fingerprintFindings([one, two, other], { workspace: path.join(FIXTURES, 'duplicates') });

    const hash = computeFingerprint({ ruleId: 'js/code-injection', path: 'app.js', lines: ['const a = eval(input);'] });
    expect(one.fingerprint).toBe(hash);
    expect(two.fingerprint).toBe(hash);
    expect(other.fingerprint).toBe(`${hash}:2`);
  });

  it('leaves distinct lines without a suffix', () => {
    const rule = { id: 'js/code-injection' };
    const eval1 = at({ path: 'app.js', startLine: 1 }, { rule });
    const constant = at({ path: 'app.js', startLine: 2 }, { rule });
    fingerprintFindings([eval1, constant], { workspace: path.join(FIXTURES, 'duplicates') });
    expect(eval1.fingerprint).not.toContain(':');
    expect(constant.fingerprint).not.toContain(':');
  });
});

describe('fingerprintFindings fallbacks', () => {
  const workspace = path.join(FIXTURES, 'before');

  it('keeps a devsecops/v1 partial fingerprint that is already there', () => {
    const item = at(
      { path: 'app.js', startLine: 5 },
      { partialFingerprints: { [FINGERPRINT_KEY]: 'secret-hash-0001', primaryLocationLineHash: 'abc:1' } }
    );
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe('secret-hash-0001');
  });

  it('ignores a tool fingerprint under another key', () => {
    const item = at({ path: 'app.js', startLine: 5 }, { partialFingerprints: { primaryLocationLineHash: 'abc:1' } });
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe(fingerprintIn('before', at({ path: 'app.js', startLine: 5 })));
  });

  it('hashes the snippet when the file cannot be read', () => {
    const item = at({ path: 'missing.js', startLine: 5, snippet: '  eval(  input )\n' });
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe(
      computeFingerprint({ ruleId: 'js/reflected-xss', path: 'missing.js', lines: ['eval( input )', ''] })
    );
  });

  it('hashes the snippet when the line is past the end of the file', () => {
    const item = at({ path: 'app.js', startLine: 90, snippet: 'eval(input)' });
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe(computeFingerprint({ ruleId: 'js/reflected-xss', path: 'app.js', lines: ['eval(input)'] }));
  });

  it('hashes the message when there is neither a readable file nor a snippet', () => {
    const item = at({ path: 'missing.js', startLine: 5 }, { message: 'Unsafe eval' });
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe(computeFingerprint({ ruleId: 'js/reflected-xss', path: 'missing.js', fallback: 'Unsafe eval' }));
  });

  it('hashes the rule and path alone when the message is empty', () => {
    const item = at({ path: 'missing.js' }, { message: '' });
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe(computeFingerprint({ ruleId: 'js/reflected-xss', path: 'missing.js' }));
  });

  it('hashes the message for a finding without location or URL', () => {
    const item = finding({ rule: { id: 'branch-protection' }, message: 'main is not protected' });
    fingerprintFindings([item], { workspace });
    expect(item.fingerprint).toBe(computeFingerprint({ ruleId: 'branch-protection', fallback: 'main is not protected' }));
  });

  it.each([
    ['../changed/app.js'],
    [path.join(FIXTURES, 'changed', 'app.js')]
  ])('never reads %s outside the workspace and falls back to the message', (outside) => {
    const source = new SourceCache(workspace);
    const item = at({ path: outside, startLine: 5 }, { message: 'XSS' });
    fingerprintFindings([item], { workspace, source });
    expect(item.fingerprint).toBe(computeFingerprint({ ruleId: 'js/reflected-xss', path: outside, fallback: 'XSS' }));
    expect(source.lines(outside)).toBeUndefined();
  });

  it('uses the cache it is given', () => {
    const source = new SourceCache(path.join(FIXTURES, 'changed'));
    const item = at({ path: 'app.js', startLine: 5 });
    fingerprintFindings([item], { workspace, source });
    expect(item.fingerprint).toBe(fingerprintIn('changed', at({ path: 'app.js', startLine: 5 })));
  });
});

describe('fingerprintFindings for dependency findings', () => {
  it('gives one advisory in two packages two fingerprints', () => {
    const workspace = path.join(FIXTURES, 'before');
    const shared = { category: 'container' as const, rule: { id: 'CVE-2023-0286' }, message: 'X.400 type confusion' };
    const openssl = finding({ ...shared, package: { name: 'openssl', version: '3.0.7' } });
    const libssl = finding({ ...shared, package: { name: 'libssl3', version: '3.0.7' } });
    fingerprintFindings([openssl, libssl], { workspace });
    expect(openssl.fingerprint).toBe(
      computeFingerprint({ ruleId: 'CVE-2023-0286', fallback: 'X.400 type confusion', packageName: 'openssl' })
    );
    expect(libssl.fingerprint).toBe(
      computeFingerprint({ ruleId: 'CVE-2023-0286', fallback: 'X.400 type confusion', packageName: 'libssl3' })
    );
    expect(openssl.fingerprint).not.toBe(libssl.fingerprint);
  });
});

describe('fingerprintFindings for DAST findings', () => {
  const workspace = path.join(FIXTURES, 'before');

  it.each([
    ['https://shop.test/search?q=%3Cscript%3E&page=2', 'https://shop.test/search?q=&page='],
    ['https://shop.test/search?q=other#top', 'https://shop.test/search?q='],
    ['https://shop.test/login', 'https://shop.test/login'],
    ['not a url?token=abc', 'not a url']
  ])('strips query values from %s', (url, expected) => {
    expect(stripQueryValues(url)).toBe(expected);
  });

  it('gives two payloads against one endpoint the same fingerprint', () => {
    const one = finding({ category: 'dast', rule: { id: '40012' }, url: 'https://shop.test/search?q=%3Cscript%3E' });
    const two = finding({ category: 'dast', rule: { id: '40012' }, url: 'https://shop.test/search?q=%22onload' });
    fingerprintFindings([one, two], { workspace });
    const expected = computeFingerprint({ ruleId: '40012', path: 'https://shop.test/search?q=' });
    expect(one.fingerprint).toBe(expected);
    expect(two.fingerprint).toBe(expected);
  });

  it('tells two endpoints apart', () => {
    const one = finding({ category: 'dast', rule: { id: '40012' }, url: 'https://shop.test/search?q=1' });
    const two = finding({ category: 'dast', rule: { id: '40012' }, url: 'https://shop.test/find?q=1' });
    fingerprintFindings([one, two], { workspace });
    expect(one.fingerprint).not.toBe(two.fingerprint);
  });
});
