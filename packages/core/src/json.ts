import { ReportError } from './errors.js';

/** Position of the first error in a JSON text, and what was expected there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  expected: string;
}

/**
 * Parses JSON, or throws a ReportError naming `label`, the line and column and what was
 * expected there. The message never quotes the text: a report may hold secrets, and V8's own
 * messages quote up to ten characters around the error. A UTF-8 byte order mark is skipped.
 */
export function parseJsonText(text: string, label: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    const error = locateJsonError(body);
    throw new ReportError(label, `invalid JSON at line ${error.line}, column ${error.column}: expected ${error.expected}`);
  }
}

/**
 * Finds the first syntax error of a JSON text that JSON.parse rejected, by one pass of a
 * validating scanner. Called only after a failed parse, so its speed matters little.
 */
export function locateJsonError(text: string): JsonSyntaxError {
  const scanner = new JsonScanner(text);
  try {
    scanner.skipBlanks();
    scanner.value();
    scanner.skipBlanks();
    if (scanner.offset < text.length) {
      scanner.fail('the end of the text after the top-level value');
    }
    return { ...lineAndColumn(text, text.length), expected: 'a valid JSON text' };
  } catch (error) {
    if (error instanceof JsonScanError) {
      return { ...lineAndColumn(text, error.offset), expected: error.expected };
    }
    throw error;
  }
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string
  ) {
    super(expected);
  }
}

/** Most nesting the scanner follows; deeper texts are reported at the first level beyond it. */
const MAX_DEPTH = 1000;

class JsonScanner {
  offset = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  fail(expected: string): never {
    throw new JsonScanError(this.offset, expected);
  }

  skipBlanks(): void {
    while (this.offset < this.text.length && ' \t\n\r'.includes(this.text[this.offset]!)) {
      this.offset++;
    }
  }

  value(): void {
    const char = this.text[this.offset];
    if (char === '{' || char === '[') {
      if (++this.depth > MAX_DEPTH) {
        this.fail(`at most ${MAX_DEPTH} levels of nesting`);
      }
      if (char === '{') {
        this.object();
      } else {
        this.array();
      }
      this.depth--;
    } else if (char === '"') {
      this.string();
    } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      this.number();
    } else if (!this.literal('true') && !this.literal('false') && !this.literal('null')) {
      this.fail(char === undefined ? 'a value, but the text ended' : 'a value (object, array, string, number, true, false or null)');
    }
  }

  private object(): void {
    this.offset++;
    this.skipBlanks();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return;
    }
    for (;;) {
      this.skipBlanks();
      if (this.text[this.offset] !== '"') {
        this.fail('a double-quoted property name');
      }
      this.string();
      this.skipBlanks();
      if (this.text[this.offset] !== ':') {
        this.fail("':' after the property name");
      }
      this.offset++;
      this.skipBlanks();
      this.value();
      this.skipBlanks();
      const next = this.text[this.offset];
      if (next === '}') {
        this.offset++;
        return;
      }
      if (next !== ',') {
        this.fail("',' or '}' after a property value");
      }
      this.offset++;
    }
  }

  private array(): void {
    this.offset++;
    this.skipBlanks();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return;
    }
    for (;;) {
      this.skipBlanks();
      this.value();
      this.skipBlanks();
      const next = this.text[this.offset];
      if (next === ']') {
        this.offset++;
        return;
      }
      if (next !== ',') {
        this.fail("',' or ']' after an array element");
      }
      this.offset++;
    }
  }

  private string(): void {
    this.offset++;
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined) {
        this.fail("'\"' to close the string, but the text ended");
      }
      if (char === '"') {
        this.offset++;
        return;
      }
      if (char < ' ') {
        this.fail('no control character inside a string (escape it, as \\n)');
      }
      if (char === '\\') {
        const escape = this.text[this.offset + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
            this.fail('four hexadecimal digits after \\u');
          }
          this.offset += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
          this.fail('a valid escape sequence (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four digits)');
        }
        this.offset += 2;
        continue;
      }
      this.offset++;
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.offset, this.offset + 400));
    if (match === null) {
      this.fail('a number');
    }
    this.offset += match[0].length;
  }

  private literal(word: string): boolean {
    if (this.text.startsWith(word, this.offset)) {
      this.offset += word.length;
      return true;
    }
    return false;
  }
}

/** Converts a 0-based character offset to a 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
