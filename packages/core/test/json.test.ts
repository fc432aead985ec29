import { locateJsonError, parseJsonText, ReportError } from '@devsecops/core';

describe('JSON error location', () => {
  test.each([
    ['missing value', '{"a": }', 1, 7, 'a value (object, array, string, number, true, false or null)'],
    ['unquoted name', '{\n  a: 1\n}', 2, 3, 'a double-quoted property name'],
    ['missing comma', '[1 2]', 1, 4, "',' or ']' after an array element"],
    ['trailing comma', '{"a": 1,}', 1, 9, 'a double-quoted property name'],
    ['bad escape', '["\\x"]', 1, 3, 'a valid escape sequence (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four digits)'],
    ['control character', '["a\tb"]', 1, 4, 'no control character inside a string (escape it, as \\n)'],
    ['text ended', '{"a": [1, 2', 1, 12, "',' or ']' after an array element"],
    ['second value', '{} {}', 1, 4, 'the end of the text after the top-level value'],
    ['bad number', '[01]', 1, 3, "',' or ']' after an array element"]
  ])('%s', (_name, text, line, column, expected) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(locateJsonError(text)).toEqual({ line, column, expected });
  });

  test('error quotes none of the text', () => {
    const text = '[{"Secret": wJalrXUtnFEMI}]';
    let error: unknown;
    try {
      parseJsonText(text, 'report.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toBe('report.json: invalid JSON at line 1, column 13: expected a value (object, array, string, number, true, false or null)');
  });

  test('byte order mark is skipped', () => {
    expect(parseJsonText('\ufeff{"a": 1}', 'bom.json')).toEqual({ a: 1 });
  });
});
