/**
 * HCL (HashiCorp Configuration Language, native syntax) parser that keeps the line and column
 * of every block, attribute and expression, which the npm HCL converters do not: they turn HCL
 * into JSON and drop positions. It covers the structural syntax in full (bodies, blocks with
 * labels, attributes, comments, heredocs, string templates) and parses expressions far enough
 * to give literal values, references (`var.name`, `aws_s3_bucket.logs.id`), function calls
 * with their arguments and the nesting of tuples and objects. Operators, conditionals and
 * `for` expressions are kept as their source text with kind `expression`.
 */

export interface HclPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

export type HclExpression =
  | (HclPosition & { kind: 'literal'; value: string | number | boolean | null })
  | (HclPosition & { kind: 'template'; text: string; parts: HclTemplatePart[] })
  | (HclPosition & { kind: 'reference'; path: string[] })
  | (HclPosition & { kind: 'tuple'; items: HclExpression[] })
  | (HclPosition & { kind: 'object'; items: HclObjectItem[] })
  | (HclPosition & { kind: 'call'; name: string; args: HclExpression[]; text: string })
  | (HclPosition & { kind: 'expression'; text: string; references: string[][] });

export type HclTemplatePart = { text: string } | { expression: HclExpression };

export interface HclObjectItem extends HclPosition {
  key: string;
  value: HclExpression;
}

export interface HclAttribute extends HclPosition {
  name: string;
  endLine: number;
  value: HclExpression;
}

export interface HclBlock extends HclPosition {
  type: string;
  labels: string[];
  endLine: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

/** The top level of a file: a body without a block header. */
export interface HclFile {
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

type TokenType = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';

interface Token extends HclPosition {
  type: TokenType;
  text: string;
  /** Template parts of a quoted string or heredoc. */
  parts?: HclTemplatePart[];
  /** Offset in the source just after the token. */
  end: number;
  start: number;
}

const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '{', '}', '[', ']', '(', ')', '=', ',', '.', ':', '?', '+', '-', '*', '/', '%', '<', '>', '!'];

/** Parses a whole HCL file. Throws HclSyntaxError with the line and column of the problem. */
export function parseHcl(source: string): HclFile {
  const parser = new Parser(new Lexer(source, 1, 1).tokenize(), source);
  const body = parser.parseBody(false);
  return body;
}

/** Parses one expression, such as the inside of `${...}`, starting at the given position. */
export function parseHclExpression(source: string, line = 1, column = 1): HclExpression {
  const parser = new Parser(new Lexer(source, line, column).tokenize(), source);
  return parser.parseStandaloneExpression();
}

class Lexer {
  private offset = 0;
  private line: number;
  private column: number;
  private readonly tokens: Token[] = [];

  constructor(
    private readonly source: string,
    line: number,
    column: number
  ) {
    this.line = line;
    this.column = column;
  }

  tokenize(): Token[] {
    while (this.offset < this.source.length) {
      const char = this.source[this.offset]!;
      const next = this.source[this.offset + 1];
      if (char === '\n') {
        this.push('newline', '\n', this.offset + 1);
      } else if (char === ' ' || char === '\t' || char === '\r' || char === '\uFEFF') {
        this.advance(1);
      } else if (char === '#' || (char === '/' && next === '/')) {
        this.skipLineComment();
      } else if (char === '/' && next === '*') {
        this.skipBlockComment();
      } else if (char === '"') {
        this.readString();
      } else if (char === '<' && next === '<' && /^<<-?[A-Za-z_]/.test(this.source.slice(this.offset, this.offset + 4))) {
        this.readHeredoc();
      } else if (/[0-9]/.test(char)) {
        const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.source.slice(this.offset))!;
        this.push('number', match[0], this.offset + match[0].length);
      } else if (/[\p{L}_]/u.test(char)) {
        const match = /^[\p{L}\p{N}_-]+/u.exec(this.source.slice(this.offset))!;
        this.push('ident', match[0], this.offset + match[0].length);
      } else {
        const punct = PUNCTUATION.find((candidate) => this.source.startsWith(candidate, this.offset));
        if (!punct) {
          throw new HclSyntaxError(`invalid character ${JSON.stringify(char)}`, this.line, this.column);
        }
        this.push('punct', punct, this.offset + punct.length);
      }
    }
    this.tokens.push({ type: 'eof', text: '', line: this.line, column: this.column, start: this.offset, end: this.offset });
    return this.tokens;
  }

  private push(type: TokenType, text: string, end: number, parts?: HclTemplatePart[]): void {
    const token: Token = { type, text, line: this.line, column: this.column, start: this.offset, end, parts };
    this.tokens.push(token);
    this.advance(end - this.offset);
  }

  private advance(count: number): void {
    for (let i = 0; i < count; i += 1) {
      if (this.source[this.offset] === '\n') {
        this.line += 1;
        this.column = 1;
      } else {
        this.column += 1;
      }
      this.offset += 1;
    }
  }

  private skipLineComment(): void {
    const end = this.source.indexOf('\n', this.offset);
    this.advance((end === -1 ? this.source.length : end) - this.offset);
  }

  private skipBlockComment(): void {
    const end = this.source.indexOf('*/', this.offset + 2);
    if (end === -1) {
      throw new HclSyntaxError('unterminated comment: missing "*/"', this.line, this.column);
    }
    this.advance(end + 2 - this.offset);
  }

  /** Reads a quoted template, finding the end of each `${...}` by counting braces and strings. */
  private readString(): void {
    const startLine = this.line;
    const startColumn = this.column;
    const parts: HclTemplatePart[] = [];
    let text = '';
    let i = this.offset + 1;
    let line = this.line;
    let column = this.column + 1;
    while (true) {
      const char = this.source[i];
      if (char === undefined || char === '\n') {
        throw new HclSyntaxError('unterminated string: missing closing quote', startLine, startColumn);
      }
      if (char === '"') {
        break;
      }
      if (char === '\\') {
        text += unescape(this.source[i + 1] ?? '');
        i += 2;
        column += 2;
        continue;
      }
      if ((char === '$' || char === '%') && this.source[i + 1] === '{') {
        if (this.source[i - 1] === char && this.source[i - 2] !== char) {
          // `$${` and `%%{` are escapes for a literal `${` and `%{`.
          text = text.slice(0, -1) + char + '{';
          i += 2;
          column += 2;
          continue;
        }
        const close = findTemplateEnd(this.source, i + 2, startLine, startColumn);
        if (text) {
          parts.push({ text });
          text = '';
        }
        if (char === '$') {
          const inner = this.source.slice(i + 2, close).replace(/^~/, '').replace(/~$/, '');
          parts.push({ expression: parseHclExpression(inner, line, column + 2) });
        } else {
          parts.push({ text: this.source.slice(i, close + 1) });
        }
        for (let k = i; k <= close; k += 1) {
          if (this.source[k] === '\n') {
            line += 1;
            column = 1;
          } else {
            column += 1;
          }
        }
        i = close + 1;
        continue;
      }
      text += char;
      i += 1;
      column += 1;
    }
    if (text || parts.length === 0) {
      parts.push({ text });
    }
    this.push('string', this.source.slice(this.offset, i + 1), i + 1, parts);
  }

  private readHeredoc(): void {
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.source.slice(this.offset));
    if (!header) {
      throw new HclSyntaxError('invalid heredoc: expected a newline after the marker', this.line, this.column);
    }
    const marker = header[2]!;
    let cursor = this.offset + header[0].length;
    const lines: string[] = [];
    while (true) {
      if (cursor >= this.source.length) {
        throw new HclSyntaxError(`unterminated heredoc: missing closing marker ${marker}`, this.line, this.column);
      }
      const newline = this.source.indexOf('\n', cursor);
      const lineEnd = newline === -1 ? this.source.length : newline;
      const content = this.source.slice(cursor, lineEnd).replace(/\r$/, '');
      if (content.trim() === marker) {
        cursor = lineEnd;
        break;
      }
      lines.push(content);
      cursor = lineEnd + 1;
    }
    // `<<-` (a flush heredoc) removes the indentation that every non-blank line shares.
    const indent = header[1] === '-' ? Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length)) : 0;
    const text = lines.map((line) => `${line.slice(Number.isFinite(indent) ? indent : 0)}\n`).join('');
    this.push('heredoc', text, cursor, [{ text }]);
  }
}

function unescape(char: string): string {
  switch (char) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return char;
  }
}

/** Returns the offset of the `}` that closes a template interpolation opened before `from`. */
function findTemplateEnd(source: string, from: number, line: number, column: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < source.length; i += 1) {
    const char = source[i];
    if (inString) {
      if (char === '\\') {
        i += 1;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }
    if (char === '"') {
      inString = true;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      if (depth === 0) {
        return i;
      }
      depth -= 1;
    }
  }
  throw new HclSyntaxError('unterminated template interpolation: missing "}"', line, column);
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) {
      this.index += 1;
    }
    return token;
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') {
      this.index += 1;
    }
  }

  private expect(text: string): Token {
    const token = this.next();
    if (token.text !== text || (token.type !== 'punct' && token.type !== 'ident')) {
      throw this.unexpected(token, `"${text}"`);
    }
    return token;
  }

  private unexpected(token: Token, expected: string): HclSyntaxError {
    let found = JSON.stringify(token.text);
    if (token.type === 'eof') {
      found = 'end of file';
    } else if (token.type === 'newline') {
      found = 'newline';
    }
    return new HclSyntaxError(`expected ${expected}, found ${found}`, token.line, token.column);
  }

  parseBody(nested: boolean): HclFile & { endLine: number } {
    const attributes = new Map<string, HclAttribute>();
    const blocks: HclBlock[] = [];
    while (true) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === 'eof') {
        if (nested) {
          throw this.unexpected(token, '"}" to close the block');
        }
        return { attributes, blocks, endLine: token.line };
      }
      if (token.type === 'punct' && token.text === '}' && nested) {
        this.next();
        return { attributes, blocks, endLine: token.line };
      }
      if (token.type !== 'ident') {
        throw this.unexpected(token, 'an attribute or block name');
      }
      const after = this.peek(1);
      if (after.type === 'punct' && after.text === '=' ) {
        const attribute = this.parseAttribute();
        if (attributes.has(attribute.name)) {
          throw new HclSyntaxError(`duplicate attribute "${attribute.name}"`, attribute.line, attribute.column);
        }
        attributes.set(attribute.name, attribute);
      } else {
        blocks.push(this.parseBlock());
      }
    }
  }

  private parseAttribute(): HclAttribute {
    const name = this.next();
    this.next();
    const value = this.parseExpression();
    const end = this.peek();
    if (end.type !== 'newline' && end.type !== 'eof' && !(end.type === 'punct' && end.text === '}')) {
      throw this.unexpected(end, 'a newline after the attribute value');
    }
    const last = this.tokens[this.index - 1]!;
    return { name: name.text, line: name.line, column: name.column, endLine: lineOfOffset(this.source, last.end - 1, last), value };
  }

  private parseBlock(): HclBlock {
    const type = this.next();
    const labels: string[] = [];
    while (this.peek().type === 'string' || this.peek().type === 'ident') {
      const label = this.next();
      labels.push(label.type === 'string' ? templateText(label.parts!) : label.text);
    }
    this.expect('{');
    const body = this.parseBody(true);
    return { type: type.text, labels, line: type.line, column: type.column, endLine: body.endLine, attributes: body.attributes, blocks: body.blocks };
  }

  parseStandaloneExpression(): HclExpression {
    this.skipNewlines();
    const expression = this.parseExpression(true);
    this.skipNewlines();
    if (this.peek().type !== 'eof') {
      throw this.unexpected(this.peek(), 'end of expression');
    }
    return expression;
  }

  /**
   * Parses an expression up to a newline (outside brackets), a comma, or a closing bracket.
   * One term stays as its own kind; a term combined with operators becomes `expression`.
   */
  private parseExpression(ignoreNewlines = false): HclExpression {
    const first = this.peek();
    const terms: HclExpression[] = [];
    let combined = false;
    while (true) {
      if (ignoreNewlines) {
        this.skipNewlines();
      }
      const token = this.peek();
      if (token.type === 'punct' && (token.text === '-' || token.text === '!')) {
        this.next();
        combined = true;
        continue;
      }
      terms.push(this.parseTerm());
      const operator = this.peek();
      if (operator.type === 'punct' && ['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '?', ':'].includes(operator.text)) {
        if (operator.text === ':' && !combinedHasQuestion(this.tokens, first, this.index)) {
          break;
        }
        this.next();
        combined = true;
        continue;
      }
      break;
    }
    if (!combined && terms.length === 1) {
      return terms[0]!;
    }
    const last = this.tokens[this.index - 1]!;
    return { kind: 'expression', text: this.source.slice(first.start, last.end), references: terms.flatMap(collectReferences), line: first.line, column: first.column };
  }

  private parseTerm(): HclExpression {
    const token = this.next();
    let term: HclExpression;
    if (token.type === 'number') {
      term = { kind: 'literal', value: Number(token.text), line: token.line, column: token.column };
    } else if (token.type === 'string' || token.type === 'heredoc') {
      term = templateExpression(token);
    } else if (token.type === 'ident') {
      term = this.parseIdentifierTerm(token);
    } else if (token.type === 'punct' && token.text === '[') {
      term = this.parseTuple(token);
    } else if (token.type === 'punct' && token.text === '{') {
      term = this.parseObject(token);
    } else if (token.type === 'punct' && token.text === '(') {
      const inner = this.parseExpression(true);
      this.skipNewlines();
      this.expect(')');
      term = { kind: 'expression', text: this.source.slice(token.start, this.tokens[this.index - 1]!.end), references: collectReferences(inner), line: token.line, column: token.column };
    } else {
      throw this.unexpected(token, 'an expression');
    }
    return this.parseSuffixes(term, token);
  }

  private parseIdentifierTerm(token: Token): HclExpression {
    if (token.text === 'true' || token.text === 'false') {
      return { kind: 'literal', value: token.text === 'true', line: token.line, column: token.column };
    }
    if (token.text === 'null') {
      return { kind: 'literal', value: null, line: token.line, column: token.column };
    }
    const open = this.peek();
    if (open.type === 'punct' && open.text === '(') {
      this.next();
      const args = this.parseDelimited(')');
      return { kind: 'call', name: token.text, args, text: this.source.slice(token.start, this.tokens[this.index - 1]!.end), line: token.line, column: token.column };
    }
    return { kind: 'reference', path: [token.text], line: token.line, column: token.column };
  }

  /** Attribute access, indexes and splats after a term. */
  private parseSuffixes(term: HclExpression, first: Token): HclExpression {
    let current = term;
    while (true) {
      const token = this.peek();
      if (token.type === 'punct' && token.text === '.') {
        this.next();
        const name = this.next();
        if (name.type !== 'ident' && name.type !== 'number' && !(name.type === 'punct' && name.text === '*')) {
          throw this.unexpected(name, 'an attribute name after "."');
        }
        current = current.kind === 'reference' ? { ...current, path: [...current.path, name.text] } : this.opaque(first, current);
      } else if (token.type === 'punct' && token.text === '[' ) {
        this.next();
        this.skipNewlines();
        const index = this.peek().type === 'punct' && this.peek().text === '*' ? (this.next(), undefined) : this.parseExpression(true);
        this.skipNewlines();
        this.expect(']');
        if (current.kind === 'reference' && index?.kind === 'literal') {
          current = { ...current, path: [...current.path, String(index.value)] };
        } else {
          current = this.opaque(first, current);
        }
      } else {
        return current;
      }
    }
  }

  private opaque(first: Token, inner: HclExpression): HclExpression {
    return { kind: 'expression', text: this.source.slice(first.start, this.tokens[this.index - 1]!.end), references: collectReferences(inner), line: first.line, column: first.column };
  }

  private parseTuple(open: Token): HclExpression {
    this.skipNewlines();
    if (this.peek().type === 'ident' && this.peek().text === 'for') {
      this.skipBalanced(']');
      return { kind: 'expression', text: this.source.slice(open.start, this.tokens[this.index - 1]!.end), references: [], line: open.line, column: open.column };
    }
    const items = this.parseDelimited(']');
    return { kind: 'tuple', items, line: open.line, column: open.column };
  }

  private parseObject(open: Token): HclExpression {
    this.skipNewlines();
    if (this.peek().type === 'ident' && this.peek().text === 'for') {
      this.skipBalanced('}');
      return { kind: 'expression', text: this.source.slice(open.start, this.tokens[this.index - 1]!.end), references: [], line: open.line, column: open.column };
    }
    const items: HclObjectItem[] = [];
    while (true) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === 'punct' && token.text === '}') {
        this.next();
        return { kind: 'object', items, line: open.line, column: open.column };
      }
      const keyExpression = this.parseExpression();
      const key = objectKey(keyExpression);
      const separator = this.next();
      if (separator.type !== 'punct' || (separator.text !== '=' && separator.text !== ':')) {
        throw this.unexpected(separator, '"=" or ":" after an object key');
      }
      this.skipNewlines();
      const value = this.parseExpression();
      items.push({ key, value, line: keyExpression.line, column: keyExpression.column });
      const after = this.peek();
      if (after.type === 'punct' && after.text === ',') {
        this.next();
      } else if (after.type !== 'newline' && !(after.type === 'punct' && after.text === '}')) {
        throw this.unexpected(after, '",", a newline or "}" after an object item');
      }
    }
  }

  /** Parses comma-separated expressions up to `close`, newlines allowed anywhere. */
  private parseDelimited(close: string): HclExpression[] {
    const items: HclExpression[] = [];
    while (true) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === 'punct' && token.text === close) {
        this.next();
        return items;
      }
      items.push(this.parseExpression(true));
      this.skipNewlines();
      const after = this.peek();
      if (after.type === 'punct' && after.text === '...') {
        this.next();
        this.skipNewlines();
      }
      const separator = this.next();
      if (separator.type === 'punct' && separator.text === close) {
        return items;
      }
      if (separator.type !== 'punct' || separator.text !== ',') {
        throw this.unexpected(separator, `"," or "${close}"`);
      }
    }
  }

  private skipBalanced(close: string): void {
    const stack = [close];
    while (stack.length > 0) {
      const token = this.next();
      if (token.type === 'eof') {
        throw this.unexpected(token, `"${stack[stack.length - 1]}"`);
      }
      if (token.type !== 'punct') {
        continue;
      }
      if (CLOSERS[token.text]) {
        stack.push(CLOSERS[token.text]!);
      } else if (token.text === stack[stack.length - 1]) {
        stack.pop();
      }
    }
  }
}

function combinedHasQuestion(tokens: Token[], first: Token, index: number): boolean {
  let depth = 0;
  for (let i = index - 1; i >= 0 && tokens[i] !== first; i -= 1) {
    const token = tokens[i]!;
    if (token.type !== 'punct') {
      continue;
    }
    if (token.text === '?' && depth === 0) {
      return true;
    }
    if (token.text === ')' || token.text === ']' || token.text === '}') {
      depth += 1;
    } else if (token.text === '(' || token.text === '[' || token.text === '{') {
      depth -= 1;
    }
  }
  return false;
}

function lineOfOffset(source: string, offset: number, token: Token): number {
  let line = token.line;
  for (let i = token.start; i < offset && i < source.length; i += 1) {
    if (source[i] === '\n') {
      line += 1;
    }
  }
  return line;
}

function templateText(parts: HclTemplatePart[]): string {
  return parts.map((part) => ('text' in part ? part.text : '${…}')).join('');
}

function templateExpression(token: Token): HclExpression {
  const parts = token.parts!;
  if (parts.length === 1 && 'text' in parts[0]!) {
    return { kind: 'literal', value: parts[0].text, line: token.line, column: token.column };
  }
  if (parts.length === 1 && 'expression' in parts[0]!) {
    // "${x}" alone is x itself, as in Terraform, with the position of the quoted string.
    return { ...parts[0].expression, line: token.line, column: token.column };
  }
  return { kind: 'template', text: token.text, parts, line: token.line, column: token.column };
}

function objectKey(expression: HclExpression): string {
  if (expression.kind === 'literal') {
    return String(expression.value);
  }
  if (expression.kind === 'reference' && expression.path.length === 1) {
    return expression.path[0]!;
  }
  if (expression.kind === 'reference') {
    return expression.path.join('.');
  }
  return expression.kind === 'expression' || expression.kind === 'call' ? expression.text : '';
}

/** Returns every reference path inside an expression, such as `["var", "name"]`. */
export function collectReferences(expression: HclExpression): string[][] {
  switch (expression.kind) {
    case 'reference':
      return [expression.path];
    case 'tuple':
      return expression.items.flatMap(collectReferences);
    case 'object':
      return expression.items.flatMap((item) => collectReferences(item.value));
    case 'template':
      return expression.parts.flatMap((part) => ('expression' in part ? collectReferences(part.expression) : []));
    case 'expression':
      return expression.references;
    case 'call':
      return expression.args.flatMap(collectReferences);
    default:
      return [];
  }
}
