import {
  codeSpan,
  escapeHtmlAttribute,
  escapeMarkdown,
  fileUrl,
  markdownLink,
  stripControlCharacters,
  truncateText
} from '@devsecops/core';

const ZWSP = '\u200b';

describe('escapeMarkdown', () => {
  it.each([
    ['plain words', 'Use a parameterized query', 'Use a parameterized query'],
    ['closing details tag', 'x </details> y', 'x &lt;/details&gt; y'],
    ['mention', 'ping @someone now', `ping @${ZWSP}someone now`],
    ['team mention', '@org/team', `@${ZWSP}org/team`],
    ['email unchanged', 'a@b.example', 'a@b.example'],
    ['package version unchanged', 'openssl@3.0.1', 'openssl@3.0.1'],
    ['mention after punctuation', '(@someone)', `\\(@${ZWSP}someone\\)`],
    ['lone at sign', 'a @ b', 'a @ b'],
    ['img tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['javascript link', '](javascript:alert(1))', '\\]\\(javascript:alert\\(1\\)\\)'],
    ['image syntax', '![x](y)', '\\!\\[x\\]\\(y\\)'],
    ['workflow command', '::set-output name=a::b', '::set-output name=a::b'],
    ['hidden marker', '<!-- devsecops-report:x -->', '&lt;!-- devsecops-report:x --&gt;'],
    ['table pipe', 'a | b', 'a \\| b'],
    ['issue reference', 'see #123', `see \\#${ZWSP}123`],
    ['heading hash', '# title', '\\# title'],
    ['emphasis', '*a* _b_ ~c~', '\\*a\\* \\_b\\_ \\~c\\~'],
    ['code span', '`x`', '\\`x\\`'],
    ['backslash', 'C:\\dir', 'C:\\\\dir'],
    ['math', '$x$', '\\$x\\$'],
    ['ampersand and quote', 'a & "b"', 'a &amp; &quot;b&quot;'],
    ['existing entity', '&lt;', '&amp;lt;'],
    ['line breaks', 'one\r\ntwo\nthree\u2028four', 'one two three four'],
    ['tab', 'a\tb', 'a b'],
    ['control characters', 'a\u0000b\u001bc\u009bd', 'abcd'],
    ['exclamation alone', 'stop!', 'stop!'],
    ['bare url', 'see https://example.com/a_b', 'see https://example.com/a\\_b']
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('escapeHtmlAttribute', () => {
  it('escapes quotes and tags', () => {
    expect(escapeHtmlAttribute(`"><script>'&`)).toBe('&quot;&gt;&lt;script&gt;&#39;&amp;');
  });
});

describe('truncateText', () => {
  it.each([
    ['short text unchanged', 'abc', 3, 'abc'],
    ['cut with ellipsis', 'abcdef', 4, 'abc…'],
    ['zero length', 'abc', 0, ''],
    ['one char', 'abc', 1, '…'],
    ['astral characters kept whole', '😀😀😀', 2, '😀…'],
    ['astral fits by code points', '😀😀', 2, '😀😀']
  ])('%s', (_name, input, max, expected) => {
    expect(truncateText(input, max)).toBe(expected);
  });

  it('rejects a negative maximum', () => {
    expect(() => truncateText('abc', -1)).toThrow('maxChars must be a non-negative integer, got -1');
  });
});

describe('markdownLink', () => {
  it.each([
    ['https url', 'rule', 'https://example.com/docs', '[rule](https://example.com/docs)'],
    ['http url', 'rule', 'http://example.com/', '[rule](http://example.com/)'],
    ['javascript url dropped', 'rule', 'javascript:alert(1)', 'rule'],
    ['data url dropped', 'rule', 'data:text/html,x', 'rule'],
    ['relative url dropped', 'rule', '/docs', 'rule'],
    ['missing url', 'rule', undefined, 'rule'],
    ['parens and spaces encoded', 'a', 'https://example.com/a (b)', '[a](https://example.com/a%20%28b%29)'],
    ['quotes and brackets encoded', 'a', 'https://example.com/?q="<x>"|y', '[a](https://example.com/?q=%22%3Cx%3E%22%7Cy)'],
    ['label escaped', 'x](javascript:y)', 'https://example.com/', '[x\\]\\(javascript:y\\)](https://example.com/)']
  ])('%s', (_name, text, url, expected) => {
    expect(markdownLink(text, url)).toBe(expected);
  });
});

describe('fileUrl', () => {
  const context = { serverUrl: 'https://github.com/', repository: 'octo/app', sha: 'abc123' };

  it.each([
    ['path and line', 'src/a.ts', 12, 'https://github.com/octo/app/blob/abc123/src/a.ts#L12'],
    ['no line', 'src/a.ts', undefined, 'https://github.com/octo/app/blob/abc123/src/a.ts'],
    ['segments encoded', 'src/a b/#c?.ts', 3, 'https://github.com/octo/app/blob/abc123/src/a%20b/%23c%3F.ts#L3'],
    ['zero line ignored', 'a.ts', 0, 'https://github.com/octo/app/blob/abc123/a.ts']
  ])('%s', (_name, path, line, expected) => {
    expect(fileUrl(context, path, line)).toBe(expected);
  });

  it('needs repository and commit', () => {
    expect(fileUrl({ serverUrl: 'https://github.com', sha: 'abc' }, 'a.ts', 1)).toBeUndefined();
    expect(fileUrl({ serverUrl: 'https://github.com', repository: 'o/r' }, 'a.ts', 1)).toBeUndefined();
  });
});

describe('codeSpan', () => {
  it.each([
    ['plain', 'report.json', '`report.json`'],
    ['backtick inside', 'a`b', '``a`b``'],
    ['leading backtick', '`a', '`` `a ``'],
    ['html kept literal', '<b>', '`<b>`'],
    ['newline collapsed', 'a\nb', '`a b`']
  ])('%s', (_name, input, expected) => {
    expect(codeSpan(input)).toBe(expected);
  });
});

describe('stripControlCharacters', () => {
  it.each([
    ['colour codes', 'a\u001b[31mred\u001b[0m', 'ared'],
    ['cursor movement', 'x\u001b[2J\u001b[1;1Hy', 'xy'],
    ['osc title', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['osc with string terminator', 'a\u001b]8;;https://x\u001b\\link', 'alink'],
    ['8-bit csi', 'a\u009b31mb', 'ab'],
    ['carriage return', 'safe\rEVIL', 'safe EVIL'],
    ['newlines', 'a\n\nb', 'a b'],
    ['tab kept', 'a\tb', 'a\tb'],
    ['bell and backspace', 'a\u0007\u0008b', 'ab'],
    ['delete and c1', 'a\u007f\u0085b', 'ab'],
    ['bidi override', 'a\u202eb\u2066c', 'abc']
  ])('%s', (_name, input, expected) => {
    expect(stripControlCharacters(input)).toBe(expected);
  });
});
