export const id = 996;
export const ids = [996];
export const modules = {

/***/ 19996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ALL_POLICIES: () => (/* reexport */ ALL_POLICIES),
  BUILTIN_TOOL: () => (/* reexport */ BUILTIN_TOOL),
  CONTROL_THEMES: () => (/* reexport */ CONTROL_THEMES),
  DEFAULT_TIMEOUT_MINUTES: () => (/* reexport */ DEFAULT_TIMEOUT_MINUTES),
  EQUIVALENTS: () => (/* reexport */ EQUIVALENTS),
  EQUIVALENT_POLICIES_KEY: () => (/* reexport */ EQUIVALENT_POLICIES_KEY),
  HclSyntaxError: () => (/* reexport */ HclSyntaxError),
  IAC_ENGINES: () => (/* reexport */ IAC_ENGINES),
  MAX_IAC_FILE_BYTES: () => (/* reexport */ MAX_IAC_FILE_BYTES),
  PLATFORMS: () => (/* reexport */ PLATFORMS),
  TerraformModule: () => (/* reexport */ TerraformModule),
  UNKNOWN: () => (/* reexport */ UNKNOWN),
  YamlSyntaxError: () => (/* reexport */ YamlSyntaxError),
  applyNativeSuppressions: () => (/* reexport */ applyNativeSuppressions),
  child: () => (/* reexport */ child),
  classifyFile: () => (/* reexport */ classifyFile),
  collectReferences: () => (/* reexport */ collectReferences),
  deepest: () => (/* reexport */ deepest),
  discoverFiles: () => (/* reexport */ discoverFiles),
  engineArguments: () => (/* reexport */ engineArguments),
  equivalentPolicies: () => (/* reexport */ equivalentPolicies),
  findNativeSuppressions: () => (/* reexport */ findNativeSuppressions),
  findPolicy: () => (/* reexport */ findPolicy),
  iacScanner: () => (/* reexport */ iacScanner),
  isUnpinnedImage: () => (/* reexport */ isUnpinnedImage),
  mergeEquivalentFindings: () => (/* reexport */ mergeEquivalentFindings),
  parseDockerfile: () => (/* reexport */ parseDockerfile),
  parseHcl: () => (/* reexport */ parseHcl),
  parseHclExpression: () => (/* reexport */ parseHclExpression),
  parseIacReport: () => (/* reexport */ parseIacReport),
  parseYamlDocuments: () => (/* reexport */ parseYamlDocuments),
  policyControls: () => (/* reexport */ policyControls),
  readIacReportFile: () => (/* reexport */ readIacReportFile),
  renderPolicyDoc: () => (/* reexport */ renderPolicyDoc),
  resolveIacSettings: () => (/* reexport */ resolveIacSettings),
  runBuiltinPolicies: () => (/* reexport */ runBuiltinPolicies),
  runExternalEngine: () => (/* reexport */ runExternalEngine),
  scanIac: () => (/* reexport */ scanIac),
  strings: () => (/* reexport */ strings),
  toFinding: () => (/* reexport */ toFinding),
  toolIdsFor: () => (/* reexport */ toolIdsFor)
});

;// CONCATENATED MODULE: ./packages/iac/src/policy.ts
const PLATFORMS = ['terraform', 'kubernetes', 'dockerfile', 'github-actions'];
/** Name of the built-in engine, as it appears in `tools` and in SARIF. */
const BUILTIN_TOOL = 'devsecops-iac';
/**
 * The control sets a policy maps to. Each theme lists one control per framework: NIST CSF 2.0
 * subcategories, SOC 2 (2017 Trust Services Criteria) and CIS Controls v8 safeguards.
 */
const CONTROL_THEMES = {
    'encryption-at-rest': ['NIST-CSF-2.0:PR.DS-01', 'SOC2:CC6.1', 'CIS-v8:3.11'],
    'encryption-in-transit': ['NIST-CSF-2.0:PR.DS-02', 'SOC2:CC6.7', 'CIS-v8:3.10'],
    'key-management': ['NIST-CSF-2.0:PR.DS-01', 'SOC2:CC6.1', 'CIS-v8:3.11'],
    'public-exposure': ['NIST-CSF-2.0:PR.AA-05', 'SOC2:CC6.1', 'CIS-v8:3.3'],
    'network-exposure': ['NIST-CSF-2.0:PR.IR-01', 'SOC2:CC6.6', 'CIS-v8:4.4'],
    'least-privilege': ['NIST-CSF-2.0:PR.AA-05', 'SOC2:CC6.3', 'CIS-v8:6.8'],
    logging: ['NIST-CSF-2.0:PR.PS-04', 'SOC2:CC7.2', 'CIS-v8:8.2'],
    backup: ['NIST-CSF-2.0:PR.DS-11', 'SOC2:A1.2', 'CIS-v8:11.2'],
    'secure-configuration': ['NIST-CSF-2.0:PR.PS-01', 'SOC2:CC7.1', 'CIS-v8:4.1'],
    'workload-isolation': ['NIST-CSF-2.0:PR.PS-01', 'SOC2:CC6.8', 'CIS-v8:4.1'],
    resilience: ['NIST-CSF-2.0:PR.IR-04', 'SOC2:A1.1', 'CIS-v8:4.1'],
    'software-integrity': ['NIST-CSF-2.0:ID.RA-09', 'SOC2:CC8.1', 'CIS-v8:2.5'],
    credentials: ['NIST-CSF-2.0:PR.AA-01', 'SOC2:CC6.1', 'CIS-v8:3.11'],
    'secure-development': ['NIST-CSF-2.0:PR.PS-06', 'SOC2:CC8.1', 'CIS-v8:16.1']
};
/** Returns the policy's control ids in the `framework:id` form findings carry. */
function policyControls(policy) {
    return [...new Set(policy.themes.flatMap((theme) => CONTROL_THEMES[theme]))];
}
/** Turns a violation of a built-in policy into a finding. */
function toFinding(policy, violation) {
    return {
        tools: [BUILTIN_TOOL],
        engine: policy.platform,
        category: 'iac',
        rule: { id: policy.id, name: policy.title, description: policy.description },
        severity: policy.severity,
        message: violation.message,
        location: { path: violation.path, startLine: violation.line, startColumn: violation.column, endLine: violation.endLine ?? violation.line },
        cwes: [...policy.cwes],
        vulnerabilityIds: [],
        fingerprint: '',
        controls: policyControls(policy),
        properties: { remediation: policy.remediation }
    };
}

;// CONCATENATED MODULE: ./packages/iac/src/hcl.ts
/**
 * HCL (HashiCorp Configuration Language, native syntax) parser that keeps the line and column
 * of every block, attribute and expression, which the npm HCL converters do not: they turn HCL
 * into JSON and drop positions. It covers the structural syntax in full (bodies, blocks with
 * labels, attributes, comments, heredocs, string templates) and parses expressions far enough
 * to give literal values, references (`var.name`, `aws_s3_bucket.logs.id`), function calls
 * with their arguments and the nesting of tuples and objects. Operators, conditionals and
 * `for` expressions are kept as their source text with kind `expression`.
 */
class HclSyntaxError extends Error {
    line;
    column;
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
        this.name = 'HclSyntaxError';
    }
}
const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '{', '}', '[', ']', '(', ')', '=', ',', '.', ':', '?', '+', '-', '*', '/', '%', '<', '>', '!'];
/** Parses a whole HCL file. Throws HclSyntaxError with the line and column of the problem. */
function parseHcl(source) {
    const parser = new Parser(new Lexer(source, 1, 1).tokenize(), source);
    const body = parser.parseBody(false);
    return body;
}
/** Parses one expression, such as the inside of `${...}`, starting at the given position. */
function parseHclExpression(source, line = 1, column = 1) {
    const parser = new Parser(new Lexer(source, line, column).tokenize(), source);
    return parser.parseStandaloneExpression();
}
class Lexer {
    source;
    offset = 0;
    line;
    column;
    tokens = [];
    constructor(source, line, column) {
        this.source = source;
        this.line = line;
        this.column = column;
    }
    tokenize() {
        while (this.offset < this.source.length) {
            const char = this.source[this.offset];
            const next = this.source[this.offset + 1];
            if (char === '\n') {
                this.push('newline', '\n', this.offset + 1);
            }
            else if (char === ' ' || char === '\t' || char === '\r' || char === '\uFEFF') {
                this.advance(1);
            }
            else if (char === '#' || (char === '/' && next === '/')) {
                this.skipLineComment();
            }
            else if (char === '/' && next === '*') {
                this.skipBlockComment();
            }
            else if (char === '"') {
                this.readString();
            }
            else if (char === '<' && next === '<' && /^<<-?[A-Za-z_]/.test(this.source.slice(this.offset, this.offset + 4))) {
                this.readHeredoc();
            }
            else if (/[0-9]/.test(char)) {
                const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.source.slice(this.offset));
                this.push('number', match[0], this.offset + match[0].length);
            }
            else if (/[\p{L}_]/u.test(char)) {
                const match = /^[\p{L}\p{N}_-]+/u.exec(this.source.slice(this.offset));
                this.push('ident', match[0], this.offset + match[0].length);
            }
            else {
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
    push(type, text, end, parts) {
        const token = { type, text, line: this.line, column: this.column, start: this.offset, end, parts };
        this.tokens.push(token);
        this.advance(end - this.offset);
    }
    advance(count) {
        for (let i = 0; i < count; i += 1) {
            if (this.source[this.offset] === '\n') {
                this.line += 1;
                this.column = 1;
            }
            else {
                this.column += 1;
            }
            this.offset += 1;
        }
    }
    skipLineComment() {
        const end = this.source.indexOf('\n', this.offset);
        this.advance((end === -1 ? this.source.length : end) - this.offset);
    }
    skipBlockComment() {
        const end = this.source.indexOf('*/', this.offset + 2);
        if (end === -1) {
            throw new HclSyntaxError('unterminated comment: missing "*/"', this.line, this.column);
        }
        this.advance(end + 2 - this.offset);
    }
    /** Reads a quoted template, finding the end of each `${...}` by counting braces and strings. */
    readString() {
        const startLine = this.line;
        const startColumn = this.column;
        const parts = [];
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
                text += hcl_unescape(this.source[i + 1] ?? '');
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
                }
                else {
                    parts.push({ text: this.source.slice(i, close + 1) });
                }
                for (let k = i; k <= close; k += 1) {
                    if (this.source[k] === '\n') {
                        line += 1;
                        column = 1;
                    }
                    else {
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
    readHeredoc() {
        const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.source.slice(this.offset));
        if (!header) {
            throw new HclSyntaxError('invalid heredoc: expected a newline after the marker', this.line, this.column);
        }
        const marker = header[2];
        let cursor = this.offset + header[0].length;
        const lines = [];
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
function hcl_unescape(char) {
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
function findTemplateEnd(source, from, line, column) {
    let depth = 0;
    let inString = false;
    for (let i = from; i < source.length; i += 1) {
        const char = source[i];
        if (inString) {
            if (char === '\\') {
                i += 1;
            }
            else if (char === '"') {
                inString = false;
            }
            continue;
        }
        if (char === '"') {
            inString = true;
        }
        else if (char === '{') {
            depth += 1;
        }
        else if (char === '}') {
            if (depth === 0) {
                return i;
            }
            depth -= 1;
        }
    }
    throw new HclSyntaxError('unterminated template interpolation: missing "}"', line, column);
}
const CLOSERS = { '(': ')', '[': ']', '{': '}' };
class Parser {
    tokens;
    source;
    index = 0;
    constructor(tokens, source) {
        this.tokens = tokens;
        this.source = source;
    }
    peek(offset = 0) {
        return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
    }
    next() {
        const token = this.peek();
        if (this.index < this.tokens.length - 1) {
            this.index += 1;
        }
        return token;
    }
    skipNewlines() {
        while (this.peek().type === 'newline') {
            this.index += 1;
        }
    }
    expect(text) {
        const token = this.next();
        if (token.text !== text || (token.type !== 'punct' && token.type !== 'ident')) {
            throw this.unexpected(token, `"${text}"`);
        }
        return token;
    }
    unexpected(token, expected) {
        let found = JSON.stringify(token.text);
        if (token.type === 'eof') {
            found = 'end of file';
        }
        else if (token.type === 'newline') {
            found = 'newline';
        }
        return new HclSyntaxError(`expected ${expected}, found ${found}`, token.line, token.column);
    }
    parseBody(nested) {
        const attributes = new Map();
        const blocks = [];
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
            if (after.type === 'punct' && after.text === '=') {
                const attribute = this.parseAttribute();
                if (attributes.has(attribute.name)) {
                    throw new HclSyntaxError(`duplicate attribute "${attribute.name}"`, attribute.line, attribute.column);
                }
                attributes.set(attribute.name, attribute);
            }
            else {
                blocks.push(this.parseBlock());
            }
        }
    }
    parseAttribute() {
        const name = this.next();
        this.next();
        const value = this.parseExpression();
        const end = this.peek();
        if (end.type !== 'newline' && end.type !== 'eof' && !(end.type === 'punct' && end.text === '}')) {
            throw this.unexpected(end, 'a newline after the attribute value');
        }
        const last = this.tokens[this.index - 1];
        return { name: name.text, line: name.line, column: name.column, endLine: lineOfOffset(this.source, last.end - 1, last), value };
    }
    parseBlock() {
        const type = this.next();
        const labels = [];
        while (this.peek().type === 'string' || this.peek().type === 'ident') {
            const label = this.next();
            labels.push(label.type === 'string' ? templateText(label.parts) : label.text);
        }
        this.expect('{');
        const body = this.parseBody(true);
        return { type: type.text, labels, line: type.line, column: type.column, endLine: body.endLine, attributes: body.attributes, blocks: body.blocks };
    }
    parseStandaloneExpression() {
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
    parseExpression(ignoreNewlines = false) {
        const first = this.peek();
        const terms = [];
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
            return terms[0];
        }
        const last = this.tokens[this.index - 1];
        return { kind: 'expression', text: this.source.slice(first.start, last.end), references: terms.flatMap(collectReferences), line: first.line, column: first.column };
    }
    parseTerm() {
        const token = this.next();
        let term;
        if (token.type === 'number') {
            term = { kind: 'literal', value: Number(token.text), line: token.line, column: token.column };
        }
        else if (token.type === 'string' || token.type === 'heredoc') {
            term = templateExpression(token);
        }
        else if (token.type === 'ident') {
            term = this.parseIdentifierTerm(token);
        }
        else if (token.type === 'punct' && token.text === '[') {
            term = this.parseTuple(token);
        }
        else if (token.type === 'punct' && token.text === '{') {
            term = this.parseObject(token);
        }
        else if (token.type === 'punct' && token.text === '(') {
            const inner = this.parseExpression(true);
            this.skipNewlines();
            this.expect(')');
            term = { kind: 'expression', text: this.source.slice(token.start, this.tokens[this.index - 1].end), references: collectReferences(inner), line: token.line, column: token.column };
        }
        else {
            throw this.unexpected(token, 'an expression');
        }
        return this.parseSuffixes(term, token);
    }
    parseIdentifierTerm(token) {
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
            return { kind: 'call', name: token.text, args, text: this.source.slice(token.start, this.tokens[this.index - 1].end), line: token.line, column: token.column };
        }
        return { kind: 'reference', path: [token.text], line: token.line, column: token.column };
    }
    /** Attribute access, indexes and splats after a term. */
    parseSuffixes(term, first) {
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
            }
            else if (token.type === 'punct' && token.text === '[') {
                this.next();
                this.skipNewlines();
                const index = this.peek().type === 'punct' && this.peek().text === '*' ? (this.next(), undefined) : this.parseExpression(true);
                this.skipNewlines();
                this.expect(']');
                if (current.kind === 'reference' && index?.kind === 'literal') {
                    current = { ...current, path: [...current.path, String(index.value)] };
                }
                else {
                    current = this.opaque(first, current);
                }
            }
            else {
                return current;
            }
        }
    }
    opaque(first, inner) {
        return { kind: 'expression', text: this.source.slice(first.start, this.tokens[this.index - 1].end), references: collectReferences(inner), line: first.line, column: first.column };
    }
    parseTuple(open) {
        this.skipNewlines();
        if (this.peek().type === 'ident' && this.peek().text === 'for') {
            this.skipBalanced(']');
            return { kind: 'expression', text: this.source.slice(open.start, this.tokens[this.index - 1].end), references: [], line: open.line, column: open.column };
        }
        const items = this.parseDelimited(']');
        return { kind: 'tuple', items, line: open.line, column: open.column };
    }
    parseObject(open) {
        this.skipNewlines();
        if (this.peek().type === 'ident' && this.peek().text === 'for') {
            this.skipBalanced('}');
            return { kind: 'expression', text: this.source.slice(open.start, this.tokens[this.index - 1].end), references: [], line: open.line, column: open.column };
        }
        const items = [];
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
            }
            else if (after.type !== 'newline' && !(after.type === 'punct' && after.text === '}')) {
                throw this.unexpected(after, '",", a newline or "}" after an object item');
            }
        }
    }
    /** Parses comma-separated expressions up to `close`, newlines allowed anywhere. */
    parseDelimited(close) {
        const items = [];
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
    skipBalanced(close) {
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
                stack.push(CLOSERS[token.text]);
            }
            else if (token.text === stack[stack.length - 1]) {
                stack.pop();
            }
        }
    }
}
function combinedHasQuestion(tokens, first, index) {
    let depth = 0;
    for (let i = index - 1; i >= 0 && tokens[i] !== first; i -= 1) {
        const token = tokens[i];
        if (token.type !== 'punct') {
            continue;
        }
        if (token.text === '?' && depth === 0) {
            return true;
        }
        if (token.text === ')' || token.text === ']' || token.text === '}') {
            depth += 1;
        }
        else if (token.text === '(' || token.text === '[' || token.text === '{') {
            depth -= 1;
        }
    }
    return false;
}
function lineOfOffset(source, offset, token) {
    let line = token.line;
    for (let i = token.start; i < offset && i < source.length; i += 1) {
        if (source[i] === '\n') {
            line += 1;
        }
    }
    return line;
}
function templateText(parts) {
    return parts.map((part) => ('text' in part ? part.text : '${…}')).join('');
}
function templateExpression(token) {
    const parts = token.parts;
    if (parts.length === 1 && 'text' in parts[0]) {
        return { kind: 'literal', value: parts[0].text, line: token.line, column: token.column };
    }
    if (parts.length === 1 && 'expression' in parts[0]) {
        // "${x}" alone is x itself, as in Terraform, with the position of the quoted string.
        return { ...parts[0].expression, line: token.line, column: token.column };
    }
    return { kind: 'template', text: token.text, parts, line: token.line, column: token.column };
}
function objectKey(expression) {
    if (expression.kind === 'literal') {
        return String(expression.value);
    }
    if (expression.kind === 'reference' && expression.path.length === 1) {
        return expression.path[0];
    }
    if (expression.kind === 'reference') {
        return expression.path.join('.');
    }
    return expression.kind === 'expression' || expression.kind === 'call' ? expression.text : '';
}
/** Returns every reference path inside an expression, such as `["var", "name"]`. */
function collectReferences(expression) {
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/iac/src/yaml-tree.ts

class YamlSyntaxError extends Error {
    line;
    column;
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
        this.name = 'YamlSyntaxError';
    }
}
/** Parses every document of a YAML stream, such as `helm template` output. Throws YamlSyntaxError on the first error. */
function parseYamlDocuments(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const documents = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, uniqueKeys: false });
    const list = Array.isArray(documents) ? documents : [];
    const result = [];
    for (const [index, document] of list.entries()) {
        const error = document.errors[0];
        if (error) {
            const position = lineCounter.linePos(error.pos[0]);
            throw new YamlSyntaxError(error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), position.line, position.col);
        }
        result.push({ index, root: document.contents ? toNode(document.contents, lineCounter, undefined) : undefined });
    }
    return result;
}
function toNode(node, lineCounter, keyOffset) {
    const position = lineCounter.linePos(keyOffset ?? node.range?.[0] ?? 0);
    const base = { line: position.line, column: position.col };
    if ((0,dist/* isMap */.jh)(node)) {
        const map = new Map();
        for (const pair of node.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
            const keyStart = pair.key?.range?.[0];
            const value = pair.value;
            map.set(key, value ? toNode(value, lineCounter, keyStart) : { line: lineCounter.linePos(keyStart ?? 0).line, column: lineCounter.linePos(keyStart ?? 0).col, value: null });
        }
        return { ...base, map };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        return { ...base, items: node.items.map((item) => toNode(item, lineCounter, undefined)) };
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        return { ...base, value: node.value };
    }
    if ((0,dist/* isAlias */.Vj)(node)) {
        return { ...base, value: undefined };
    }
    return base;
}
/** Returns the child at a key path, or undefined. */
function child(node, ...keys) {
    let current = node;
    for (const key of keys) {
        current = current?.map?.get(key);
    }
    return current;
}
/** Returns the deepest node that exists along a key path: where a missing setting belongs. */
function deepest(node, ...keys) {
    let current = node;
    for (const key of keys) {
        const next = current.map?.get(key);
        if (!next || (next.map === undefined && next.items === undefined && next.value === null)) {
            return next ?? current;
        }
        current = next;
    }
    return current;
}
/** Scalar strings of a sequence node, or of a single scalar. */
function strings(node) {
    if (!node) {
        return [];
    }
    if (node.items) {
        return node.items.filter((item) => item.value !== undefined && item.value !== null).map((item) => String(item.value));
    }
    return node.value !== undefined && node.value !== null ? [String(node.value)] : [];
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./packages/iac/src/dockerfile.ts

/** Reads a Dockerfile into stages. dockerfile-ast recovers from malformed lines, so content alone gives no parse error. */
function parseDockerfile(path, text) {
    const stages = [];
    for (const instruction of main.DockerfileParser.parse(text).getInstructions()) {
        const model = toInstruction(instruction);
        if (model.keyword === 'FROM') {
            const args = instruction.getArguments().map((argument) => argument.getValue());
            const asIndex = args.findIndex((argument) => argument.toLowerCase() === 'as');
            const image = args.find((argument) => !argument.startsWith('--')) ?? '';
            stages.push({ from: model, image, name: asIndex >= 0 ? args[asIndex + 1]?.toLowerCase() : undefined, instructions: [] });
        }
        else if (stages.length > 0) {
            stages[stages.length - 1].instructions.push(model);
        }
    }
    return { path, stages };
}
function toInstruction(instruction) {
    const range = instruction.getRange();
    const raw = instruction.getArgumentsContent() ?? '';
    let text = raw.replace(/\\\r?\n/g, ' ');
    if (/^\s*\[/.test(text)) {
        try {
            const parsed = JSON.parse(text);
            if (Array.isArray(parsed)) {
                text = parsed.map(String).join(' ');
            }
        }
        catch {
            // A malformed exec form is kept as written and read as shell form, as Docker does.
        }
    }
    return { keyword: instruction.getKeyword().toUpperCase(), text, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1 };
}
function at(dockerfile, instruction, message) {
    return { path: dockerfile.path, line: instruction.line, column: instruction.column, endLine: instruction.endLine, message };
}
function definition(id, title, severity, cwes, description, remediation, themes) {
    return { id, platform: 'dockerfile', title, severity, cwes, description, remediation, themes };
}
/** Builds a policy that flags every RUN instruction whose shell text passes `test`. */
function runPolicy(base, test, message) {
    return {
        ...base,
        check(dockerfile) {
            return dockerfile.stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'RUN' && test(instruction.text)).map((instruction) => at(dockerfile, instruction, message)));
        }
    };
}
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const URL = /^(https?|ftp):\/\//i;
const SECRET_KEY = /(passw(or)?d|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential)/i;
/** Splits a shell command line into simple commands at `&&`, `||`, `;` and `|`. */
function commands(text) {
    return text.split(/&&|\|\||;|\|/).map((part) => part.trim()).filter(Boolean);
}
function aptInstalls(text) {
    return commands(text).filter((command) => /^(sudo\s+)?apt(-get)?\s+(.*\s)?install(\s|$)/.test(command));
}
function addSources(instruction) {
    const args = instruction.text.split(/\s+/).filter((argument) => argument && !argument.startsWith('--'));
    return args.slice(0, -1);
}
function isStageReference(stages, index) {
    const image = stages[index].image.toLowerCase();
    return stages.slice(0, index).some((stage) => stage.name === image);
}
const DOCKERFILE_POLICIES = [
    {
        ...definition('DSO-DF-001', 'Final stage runs as root', 'medium', ['CWE-250'], 'The final build stage has no USER instruction, or its last USER is root or 0, so the container runs as root.', 'Create an unprivileged user and end the final stage with `USER <name>` or a non-zero UID.', ['workload-isolation']),
        check(dockerfile) {
            const stage = dockerfile.stages[dockerfile.stages.length - 1];
            if (!stage || stage.image.toLowerCase() === 'scratch') {
                return [];
            }
            const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
            const last = users[users.length - 1];
            if (!last) {
                return [at(dockerfile, stage.from, 'The final stage sets no USER, so the container runs as root.')];
            }
            const user = last.text.trim().split(':')[0];
            return user === 'root' || user === '0' ? [at(dockerfile, last, 'The final stage runs as root.')] : [];
        }
    },
    {
        ...definition('DSO-DF-002', 'No HEALTHCHECK', 'info', ['CWE-693'], 'The final stage has no HEALTHCHECK instruction, so Docker and Compose cannot tell a hung container from a healthy one.', 'Add `HEALTHCHECK CMD <command>` that checks the service, or `HEALTHCHECK NONE` to state that none applies.', ['resilience']),
        check(dockerfile) {
            const stage = dockerfile.stages[dockerfile.stages.length - 1];
            return stage && !stage.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK') ? [at(dockerfile, stage.from, 'The final stage has no HEALTHCHECK.')] : [];
        }
    },
    {
        ...definition('DSO-DF-003', 'Base image not pinned', 'medium', ['CWE-1357'], 'A FROM instruction names an image without a tag, or with `latest`, and without a digest.', 'Pin the base image by digest (`image:tag@sha256:...`), or at least by a version tag.', ['software-integrity']),
        check(dockerfile) {
            return dockerfile.stages.flatMap((stage, index) => {
                const image = stage.image;
                if (image.toLowerCase() === 'scratch' || image.includes('$') || image.includes('@sha256:') || isStageReference(dockerfile.stages, index)) {
                    return [];
                }
                const name = image.slice(image.lastIndexOf('/') + 1);
                const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : undefined;
                return tag === undefined || tag === 'latest' ? [at(dockerfile, stage.from, `The base image "${image}" is not pinned to a version or digest.`)] : [];
            });
        }
    },
    {
        ...definition('DSO-DF-004', 'ADD used where COPY serves', 'low', ['CWE-829'], 'ADD copies a local file that is not an archive. ADD also fetches URLs and unpacks archives, which COPY never does, so COPY states the intent and avoids surprises.', 'Use COPY for local files and directories.', ['secure-configuration']),
        check(dockerfile) {
            return dockerfile.stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'ADD' && addSources(instruction).some((source) => !URL.test(source) && !ARCHIVE.test(source) && !source.startsWith('git@'))).map((instruction) => at(dockerfile, instruction, 'ADD copies a local file; use COPY.')));
        }
    },
    {
        ...definition('DSO-DF-005', 'ADD downloads from a URL', 'medium', ['CWE-494'], 'ADD fetches a remote URL, with no checksum unless --checksum is given.', 'Download with curl or wget in a RUN instruction and verify a checksum, or use `ADD --checksum=sha256:...`.', ['software-integrity']),
        check(dockerfile) {
            return dockerfile.stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'ADD' && !instruction.text.includes('--checksum') && addSources(instruction).some((source) => URL.test(source))).map((instruction) => at(dockerfile, instruction, 'ADD downloads a URL without a checksum.')));
        }
    },
    runPolicy(definition('DSO-DF-006', 'Remote script piped to a shell', 'high', ['CWE-494'], 'A RUN instruction pipes the output of curl or wget into a shell, running code that is neither pinned nor verified.', 'Download the script, verify its checksum or signature, then run it.', ['software-integrity']), (text) => /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b/.test(text), 'A remote script is piped into a shell.'),
    runPolicy(definition('DSO-DF-007', 'apt-get install pulls recommended packages', 'low', ['CWE-1104'], 'apt-get install runs without --no-install-recommends, which adds packages the image does not need to its attack surface.', 'Add `--no-install-recommends` to apt-get install.', ['secure-configuration']), (text) => aptInstalls(text).some((command) => !/--no-install-recommends|APT::Install-Recommends=(false|0)/i.test(command)), 'apt-get install runs without --no-install-recommends.'),
    runPolicy(definition('DSO-DF-008', 'Package manager cache kept in the image', 'low', ['CWE-459'], 'A RUN instruction installs with apt-get and neither removes /var/lib/apt/lists nor runs apt-get clean, or installs with apk add without --no-cache, so the layer keeps the package index or downloaded archives.', 'End the same RUN with `rm -rf /var/lib/apt/lists/*`, or use `apk add --no-cache`.', ['secure-configuration']), (text) => (aptInstalls(text).length > 0 && !/rm\s+-[a-z]*r[a-z]*f?[a-z]*\s+\/var\/lib\/apt\/lists|apt(-get)?\s+clean/.test(text)) || commands(text).some((command) => /^apk\s+(.*\s)?add(\s|$)/.test(command) && !command.includes('--no-cache')), 'The package manager cache stays in the layer.'),
    runPolicy(definition('DSO-DF-009', 'Installed packages not pinned', 'low', ['CWE-1357'], 'apt-get install, apk add or pip install names a package without a version, so rebuilds install whatever is newest.', 'Pin versions (`pkg=1.2.3`, `pkg==1.2.3`), or install from a lock file or requirements file with hashes.', ['software-integrity']), (text) => commands(text).some((command) => {
        const match = /^(?:sudo\s+)?(apt-get\s+(?:.*\s)?install|apk\s+(?:.*\s)?add|pip3?\s+install)\s+(.*)$/.exec(command);
        if (!match) {
            return false;
        }
        const packages = match[2].split(/\s+/).filter((word) => word && !word.startsWith('-') && !word.includes('/') && !word.startsWith('$'));
        return packages.some((name) => !/[=<>~]/.test(name));
    }), 'A package is installed without a pinned version.'),
    {
        ...definition('DSO-DF-010', 'Secret in ENV or ARG', 'high', ['CWE-798'], 'An ENV or ARG instruction whose name suggests a secret (password, token, API key) has a value; both are kept in the image history.', 'Pass secrets at build time with `RUN --mount=type=secret`, and at run time through the orchestrator.', ['credentials']),
        check(dockerfile) {
            return dockerfile.stages.flatMap((stage) => stage.instructions
                .filter((instruction) => (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') && /(^|\s)([A-Za-z_][A-Za-z0-9_]*)(=|\s+)\S/.test(instruction.text))
                .filter((instruction) => [...instruction.text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)("[^"]+"|[^\s$"]+)/g)].some((match) => SECRET_KEY.test(match[1])))
                .map((instruction) => at(dockerfile, instruction, `${instruction.keyword} sets a secret value.`)));
        }
    },
    runPolicy(definition('DSO-DF-011', 'sudo in RUN', 'medium', ['CWE-250'], 'A RUN instruction calls sudo. Build steps already run as the current USER; sudo in an image also lets the runtime user become root.', 'Switch with `USER root` for the steps that need it and back to the unprivileged user after them; do not install sudo.', ['least-privilege']), (text) => commands(text).some((command) => /^sudo(\s|$)/.test(command)), 'RUN uses sudo.'),
    {
        ...definition('DSO-DF-012', 'SSH port exposed', 'medium', ['CWE-284'], 'EXPOSE lists port 22. A container should not run an SSH daemon; use `docker exec` or `kubectl exec`.', 'Remove 22 from EXPOSE and the SSH server from the image.', ['network-exposure']),
        check(dockerfile) {
            return dockerfile.stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'EXPOSE' && instruction.text.split(/\s+/).some((port) => port.split('/')[0] === '22')).map((instruction) => at(dockerfile, instruction, 'EXPOSE lists the SSH port 22.')));
        }
    },
    {
        ...definition('DSO-DF-013', 'Pipe without pipefail', 'low', ['CWE-754'], 'A RUN uses a pipe while the SHELL is not set with `-o pipefail`, so a failing first command does not fail the build. PowerShell commands are left out.', 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or `set -o pipefail &&` at its start.', ['secure-configuration']),
        check(dockerfile) {
            const violations = [];
            for (const stage of dockerfile.stages) {
                let pipefail = false;
                for (const instruction of stage.instructions) {
                    if (instruction.keyword === 'SHELL') {
                        pipefail = instruction.text.includes('pipefail');
                    }
                    else if (instruction.keyword === 'RUN' && !pipefail && !/^\s*(pwsh|powershell)\b/i.test(instruction.text) && /(^|[^|])\|([^|]|$)/.test(instruction.text) && !/set\s+(-[a-z]*\s+)*-o\s+pipefail/.test(instruction.text)) {
                        violations.push(at(dockerfile, instruction, 'RUN uses a pipe without pipefail.'));
                    }
                }
            }
            return violations;
        }
    }
];

;// CONCATENATED MODULE: ./packages/iac/src/kubernetes.ts

/** Key path of the pod spec in each workload kind. */
const POD_SPEC_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    // Knative Serving: a Configuration, and a Service of serving.knative.dev (see podSpecPath).
    Configuration: ['spec', 'template', 'spec']
};
function podSpecPath(object) {
    if (object.kind === 'Service' && String(child(object.root, 'apiVersion')?.value).startsWith('serving.knative.dev/')) {
        return ['spec', 'template', 'spec'];
    }
    return POD_SPEC_PATHS[object.kind];
}
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
/** True when a parsed YAML document looks like a Kubernetes object (has apiVersion and kind). */
function toKubernetesObject(path, document) {
    const root = document.root;
    const kind = child(root, 'kind')?.value;
    if (!root?.map || typeof kind !== 'string' || typeof child(root, 'apiVersion')?.value !== 'string') {
        return undefined;
    }
    const namespace = child(root, 'metadata', 'namespace')?.value;
    return { path, kind, name: String(child(root, 'metadata', 'name')?.value ?? ''), namespace: typeof namespace === 'string' ? namespace : undefined, root };
}
function workloads(objects) {
    const result = [];
    for (const object of objects) {
        const path = podSpecPath(object);
        const podSpec = path ? child(object.root, ...path) : undefined;
        if (!podSpec?.map) {
            continue;
        }
        const metadataPath = path.length === 1 ? ['metadata'] : [...path.slice(0, -1), 'metadata'];
        const containers = CONTAINER_LISTS.flatMap((list) => child(podSpec, list)?.items ?? []).filter((node) => node.map).map((node) => ({ node, name: String(child(node, 'name')?.value ?? '') }));
        result.push({ object, podSpec, podMetadata: child(object.root, ...metadataPath), containers });
    }
    return result;
}
function kubernetes_at(object, node, message) {
    return { path: object.path, line: node.line, column: node.column, message };
}
function label(workload, container) {
    const owner = `${workload.object.kind} "${workload.object.name}"`;
    return container ? `container "${container.name}" of ${owner}` : owner;
}
/** Builds a policy that runs `check` on every container of every workload. */
function containerPolicy(definition, check, message) {
    return {
        ...definition,
        check(objects) {
            const violations = [];
            for (const workload of workloads(objects)) {
                for (const container of workload.containers) {
                    const place = check(container.node, workload);
                    if (place) {
                        violations.push(kubernetes_at(workload.object, place, `${label(workload, container)} ${message}`));
                    }
                }
            }
            return violations;
        }
    };
}
function kubernetes_definition(id, title, severity, cwes, description, remediation, themes) {
    return { id, platform: 'kubernetes', title, severity, cwes, description, remediation, themes };
}
/** Returns the container's securityContext setting, else the pod's. */
function effective(container, workload, ...keys) {
    return child(container, 'securityContext', ...keys) ?? child(workload.podSpec, 'securityContext', ...keys);
}
const ALLOWED_ADDED_CAPABILITIES = ['NET_BIND_SERVICE'];
const SECRET_NAME = /(passw(or)?d|secret|token|api[_-]?key|private[_-]?key|credential)/i;
const KUBERNETES_POLICIES = [
    containerPolicy(kubernetes_definition('DSO-K8S-001', 'Privileged container', 'critical', ['CWE-250'], 'A container sets `securityContext.privileged: true`, which gives it every capability and access to the host devices.', 'Remove `privileged: true`; add only the capabilities the process needs.', ['workload-isolation']), (container) => {
        const node = child(container, 'securityContext', 'privileged');
        return node?.value === true ? node : undefined;
    }, 'runs privileged.'),
    containerPolicy(kubernetes_definition('DSO-K8S-002', 'Container allows privilege escalation', 'high', ['CWE-269'], 'A container does not set `securityContext.allowPrivilegeEscalation: false`, so setuid binaries can gain more privileges than the process started with.', 'Set `allowPrivilegeEscalation: false` in the container securityContext.', ['workload-isolation']), (container) => {
        const node = child(container, 'securityContext', 'allowPrivilegeEscalation');
        if (node?.value === false) {
            return undefined;
        }
        return node ?? deepest(container, 'securityContext', 'allowPrivilegeEscalation');
    }, 'allows privilege escalation.'),
    containerPolicy(kubernetes_definition('DSO-K8S-003', 'Container may run as root', 'medium', ['CWE-271'], 'The effective `runAsUser` (the container\'s, else the pod\'s) is 0, or it is unset and the effective `runAsNonRoot` is not true.', 'Set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod or container securityContext, and build the image with a non-root USER.', ['workload-isolation']), (container, workload) => {
        // A container's runAsUser overrides the pod's. A non-zero UID is not root, whatever runAsNonRoot is set to.
        const user = effective(container, workload, 'runAsUser');
        if (user?.value === 0) {
            return user;
        }
        if (typeof user?.value === 'number' && user.value > 0) {
            return undefined;
        }
        const nonRoot = effective(container, workload, 'runAsNonRoot');
        if (nonRoot?.value === true) {
            return undefined;
        }
        return nonRoot ?? deepest(container, 'securityContext', 'runAsNonRoot');
    }, 'may run as root.'),
    containerPolicy(kubernetes_definition('DSO-K8S-004', 'Container does not drop all capabilities', 'medium', ['CWE-272'], 'A container securityContext does not list ALL in `capabilities.drop`, so it keeps the default capability set of the runtime.', 'Set `capabilities: { drop: ["ALL"] }` and add back only NET_BIND_SERVICE if needed.', ['workload-isolation']), (container) => {
        const drop = child(container, 'securityContext', 'capabilities', 'drop');
        if (strings(drop).some((capability) => capability.toUpperCase() === 'ALL')) {
            return undefined;
        }
        return drop ?? deepest(container, 'securityContext', 'capabilities', 'drop');
    }, 'does not drop all capabilities.'),
    containerPolicy(kubernetes_definition('DSO-K8S-005', 'Container adds capabilities', 'high', ['CWE-250'], 'A container adds a Linux capability other than NET_BIND_SERVICE, such as SYS_ADMIN or NET_ADMIN, which the restricted Pod Security Standard forbids.', 'Remove the capability from `capabilities.add`.', ['workload-isolation']), (container) => {
        const add = child(container, 'securityContext', 'capabilities', 'add');
        return strings(add).some((capability) => !ALLOWED_ADDED_CAPABILITIES.includes(capability.toUpperCase().replace(/^CAP_/, ''))) ? add : undefined;
    }, 'adds Linux capabilities beyond NET_BIND_SERVICE.'),
    {
        ...kubernetes_definition('DSO-K8S-006', 'Seccomp profile not set or unconfined', 'medium', ['CWE-693'], 'A container runs without the RuntimeDefault or a Localhost seccomp profile: none is set on the container or pod, the type is Unconfined, or the legacy annotation names another profile.', 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.', ['workload-isolation']),
        check(objects) {
            const violations = [];
            for (const workload of workloads(objects)) {
                const annotations = child(workload.podMetadata, 'annotations');
                for (const [key, node] of annotations?.map ?? []) {
                    if (key.startsWith('seccomp.security.alpha.kubernetes.io/') && node.value !== 'runtime/default' && node.value !== 'docker/default' && !String(node.value).startsWith('localhost/')) {
                        violations.push(kubernetes_at(workload.object, node, `${label(workload)} sets the seccomp profile "${String(node.value)}".`));
                    }
                }
                const podType = child(workload.podSpec, 'securityContext', 'seccompProfile', 'type');
                if (podType?.value === 'Unconfined') {
                    violations.push(kubernetes_at(workload.object, podType, `${label(workload)} runs unconfined by seccomp.`));
                }
                const annotated = annotations?.map && [...annotations.map.keys()].some((key) => key.startsWith('seccomp.security.alpha.kubernetes.io/'));
                for (const container of workload.containers) {
                    const type = child(container.node, 'securityContext', 'seccompProfile', 'type');
                    if (type?.value === 'Unconfined') {
                        violations.push(kubernetes_at(workload.object, type, `${label(workload, container)} runs unconfined by seccomp.`));
                    }
                    else if (!type && !podType && !annotated) {
                        violations.push(kubernetes_at(workload.object, deepest(container.node, 'securityContext', 'seccompProfile', 'type'), `${label(workload, container)} has no seccomp profile.`));
                    }
                }
            }
            return violations;
        }
    },
    {
        ...kubernetes_definition('DSO-K8S-007', 'Pod shares host namespaces', 'high', ['CWE-653'], 'A pod sets `hostNetwork`, `hostPID` or `hostIPC` to true and so sees the host network, processes or shared memory.', 'Remove hostNetwork, hostPID and hostIPC, or set them to false.', ['workload-isolation']),
        check(objects) {
            return workloads(objects).flatMap((workload) => ['hostNetwork', 'hostPID', 'hostIPC'].flatMap((key) => {
                const node = child(workload.podSpec, key);
                return node?.value === true ? [kubernetes_at(workload.object, node, `${label(workload)} sets ${key}: true.`)] : [];
            }));
        }
    },
    {
        ...kubernetes_definition('DSO-K8S-008', 'Pod mounts a hostPath volume', 'high', ['CWE-668'], 'A pod volume uses hostPath, which exposes the node file system to the container.', 'Use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim.', ['workload-isolation']),
        check(objects) {
            return workloads(objects).flatMap((workload) => (child(workload.podSpec, 'volumes')?.items ?? []).flatMap((volume) => {
                const hostPath = child(volume, 'hostPath');
                return hostPath ? [kubernetes_at(workload.object, hostPath, `${label(workload)} mounts the host path ${String(child(hostPath, 'path')?.value ?? '')}.`)] : [];
            }));
        }
    },
    containerPolicy(kubernetes_definition('DSO-K8S-009', 'Root file system writable', 'low', ['CWE-732'], 'A container does not set `securityContext.readOnlyRootFilesystem: true`.', 'Set `readOnlyRootFilesystem: true` and mount an emptyDir where the process must write.', ['workload-isolation']), (container) => {
        const node = child(container, 'securityContext', 'readOnlyRootFilesystem');
        return node?.value === true ? undefined : (node ?? deepest(container, 'securityContext', 'readOnlyRootFilesystem'));
    }, 'has a writable root file system.'),
    containerPolicy(kubernetes_definition('DSO-K8S-010', 'CPU limit not set', 'low', ['CWE-770'], 'A container sets no `resources.limits.cpu`, so one pod can starve the others on its node.', 'Set `resources.limits.cpu` (and `requests.cpu`).', ['resilience']), (container) => (child(container, 'resources', 'limits', 'cpu') ? undefined : deepest(container, 'resources', 'limits', 'cpu')), 'has no CPU limit.'),
    containerPolicy(kubernetes_definition('DSO-K8S-011', 'Memory limit not set', 'low', ['CWE-400'], 'A container sets no `resources.limits.memory`.', 'Set `resources.limits.memory` (and `requests.memory`).', ['resilience']), (container) => (child(container, 'resources', 'limits', 'memory') ? undefined : deepest(container, 'resources', 'limits', 'memory')), 'has no memory limit.'),
    containerPolicy(kubernetes_definition('DSO-K8S-012', 'CPU or memory request not set', 'low', ['CWE-410'], 'A container sets no `resources.requests.cpu` or no `resources.requests.memory`, so the scheduler cannot place it safely.', 'Set `resources.requests.cpu` and `resources.requests.memory`.', ['resilience']), (container) => (child(container, 'resources', 'requests', 'cpu') && child(container, 'resources', 'requests', 'memory') ? undefined : deepest(container, 'resources', 'requests', child(container, 'resources', 'requests', 'cpu') ? 'memory' : 'cpu')), 'has no CPU or memory request.'),
    containerPolicy(kubernetes_definition('DSO-K8S-013', 'Liveness probe not defined', 'info', ['CWE-754'], 'A container of a long-running workload has no livenessProbe, so a hung process is never restarted.', 'Add a livenessProbe (httpGet, tcpSocket, grpc or exec).', ['resilience']), (container, workload) => (child(container, 'livenessProbe') || isBatch(workload) ? undefined : container), 'has no liveness probe.'),
    containerPolicy(kubernetes_definition('DSO-K8S-014', 'Readiness probe not defined', 'info', ['CWE-703'], 'A container of a long-running workload has no readinessProbe, so it receives traffic before it can serve.', 'Add a readinessProbe.', ['resilience']), (container, workload) => (child(container, 'readinessProbe') || isBatch(workload) ? undefined : container), 'has no readiness probe.'),
    containerPolicy(kubernetes_definition('DSO-K8S-015', 'Image not pinned', 'medium', ['CWE-1357'], 'A container image has no tag or the `latest` tag, and no digest, so the image that runs can change without a change to the manifest.', 'Pin the image by digest (`image@sha256:...`), or at least by a specific version tag.', ['software-integrity']), (container) => {
        const image = child(container, 'image');
        return image && typeof image.value === 'string' && isUnpinnedImage(image.value) ? image : undefined;
    }, 'uses an image without a version tag or digest.'),
    {
        ...kubernetes_definition('DSO-K8S-016', 'Service account token mounted automatically', 'low', ['CWE-522'], 'A pod spec does not set `automountServiceAccountToken: false`, so every container gets an API token it may not need.', 'Set `automountServiceAccountToken: false` on the pod or its service account unless the pod calls the Kubernetes API.', ['credentials']),
        check(objects) {
            return workloads(objects).flatMap((workload) => {
                const node = child(workload.podSpec, 'automountServiceAccountToken');
                return node?.value === false ? [] : [kubernetes_at(workload.object, node ?? workload.podSpec, `${label(workload)} mounts a service account token.`)];
            });
        }
    },
    {
        ...kubernetes_definition('DSO-K8S-017', 'RBAC rule with wildcards', 'high', ['CWE-269'], 'A Role or ClusterRole rule has "*" in apiGroups, resources or verbs, which grants whatever exists now and whatever is added later.', 'List the API groups, resources and verbs the subject needs.', ['least-privilege']),
        check(objects) {
            return rbacRules(objects).flatMap(({ object, rule }) => ['apiGroups', 'resources', 'verbs'].flatMap((key) => {
                const node = child(rule, key);
                return strings(node).includes('*') ? [kubernetes_at(object, node, `${object.kind} "${object.name}" has "*" in ${key}.`)] : [];
            }));
        }
    },
    {
        ...kubernetes_definition('DSO-K8S-018', 'RBAC rule reads secrets', 'medium', ['CWE-200'], 'A Role or ClusterRole rule allows get, list or watch on secrets (or every verb), which reveals every secret in its scope.', 'Grant access to named secrets with resourceNames, or mount the secrets the workload needs instead.', ['least-privilege']),
        check(objects) {
            return rbacRules(objects).flatMap(({ object, rule }) => {
                const resources = child(rule, 'resources');
                const verbs = strings(child(rule, 'verbs'));
                const readsSecrets = strings(resources).includes('secrets') && verbs.some((verb) => ['get', 'list', 'watch', '*'].includes(verb)) && !child(rule, 'resourceNames');
                return readsSecrets ? [kubernetes_at(object, resources, `${object.kind} "${object.name}" can read secrets.`)] : [];
            });
        }
    },
    {
        ...kubernetes_definition('DSO-K8S-019', 'Namespace without a NetworkPolicy', 'low', ['CWE-284'], 'A Namespace defined in the scanned manifests has no NetworkPolicy in the same manifests, so every pod in it accepts traffic from anywhere in the cluster.', 'Add a default-deny NetworkPolicy for the namespace and allow the flows it needs.', ['network-exposure']),
        check(objects) {
            const covered = new Set(objects.filter((object) => object.kind === 'NetworkPolicy').map((object) => object.namespace ?? 'default'));
            return objects
                .filter((object) => object.kind === 'Namespace' && !covered.has(object.name))
                .map((object) => kubernetes_at(object, child(object.root, 'metadata', 'name') ?? object.root, `Namespace "${object.name}" has no NetworkPolicy.`));
        }
    },
    containerPolicy(kubernetes_definition('DSO-K8S-020', 'Secret in a plain environment value', 'high', ['CWE-798'], 'A container environment variable whose name suggests a secret (password, token, API key) has a literal `value`.', 'Move the value to a Secret and use `valueFrom.secretKeyRef`.', ['credentials']), (container) => (child(container, 'env')?.items ?? []).map((variable) => ({ name: String(child(variable, 'name')?.value ?? ''), value: child(variable, 'value') })).find((variable) => SECRET_NAME.test(variable.name) && typeof variable.value?.value === 'string' && variable.value.value !== '')?.value, 'has a secret in a plain environment value.')
];
function isBatch(workload) {
    return workload.object.kind === 'Job' || workload.object.kind === 'CronJob' || workload.containers.length === 0;
}
/** True for `nginx`, `nginx:latest` and `registry:5000/nginx`, false with a digest or another tag. */
function isUnpinnedImage(image) {
    if (image.includes('@sha256:') || image.includes('$')) {
        return false;
    }
    const lastSegment = image.slice(image.lastIndexOf('/') + 1);
    const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
    return tag === undefined || tag === 'latest';
}
function rbacRules(objects) {
    return objects.filter((object) => object.kind === 'Role' || object.kind === 'ClusterRole').flatMap((object) => (child(object.root, 'rules')?.items ?? []).map((rule) => ({ object, rule })));
}

;// CONCATENATED MODULE: ./packages/iac/src/terraform/module.ts

/** Marker for a value that cannot be known without running Terraform. */
const UNKNOWN = Symbol('unknown');
/** Deepest chain of variable and local references followed before giving up. */
const MAX_RESOLVE_DEPTH = 16;
/**
 * The Terraform files of one folder (one module), with variable defaults and locals so that
 * policies can compare literal values wherever they were written.
 */
class TerraformModule {
    resources = [];
    /** `data` blocks, with the data source type in `type`. */
    data = [];
    variables = new Map();
    locals = new Map();
    constructor(files) {
        for (const { path, file } of files) {
            for (const block of file.blocks) {
                this.addBlock(path, block);
            }
        }
    }
    addBlock(path, block) {
        if (block.type === 'resource' && block.labels.length === 2) {
            this.resources.push({ type: block.labels[0], name: block.labels[1], path, block });
        }
        else if (block.type === 'data' && block.labels.length === 2) {
            this.data.push({ type: block.labels[0], name: block.labels[1], path, block });
        }
        else if (block.type === 'module' && block.labels.length === 1) {
            this.resources.push({ type: 'module', name: block.labels[0], path, block });
        }
        else if (block.type === 'variable' && block.labels.length === 1) {
            const fallback = block.attributes.get('default');
            if (fallback) {
                this.variables.set(block.labels[0], fallback.value);
            }
        }
        else if (block.type === 'locals') {
            for (const [name, attribute] of block.attributes) {
                this.locals.set(name, attribute.value);
            }
        }
    }
    ofType(...types) {
        return this.resources.filter((resource) => types.includes(resource.type));
    }
    dataSources(type) {
        return this.data.filter((source) => source.type === type);
    }
    /**
     * Returns the value of an expression with `var.*` taken from variable defaults and
     * `local.*` from locals, or UNKNOWN for anything that needs a plan.
     */
    resolve(expression, depth = 0) {
        if (!expression || depth > MAX_RESOLVE_DEPTH) {
            return UNKNOWN;
        }
        switch (expression.kind) {
            case 'literal':
                return expression.value;
            case 'tuple':
                return expression.items.map((item) => this.resolve(item, depth + 1));
            case 'object':
                return Object.fromEntries(expression.items.map((item) => [item.key, this.resolve(item.value, depth + 1)]));
            case 'template': {
                let text = '';
                for (const part of expression.parts) {
                    const value = 'text' in part ? part.text : this.resolve(part.expression, depth + 1);
                    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
                        return UNKNOWN;
                    }
                    text += String(value);
                }
                return text;
            }
            case 'reference':
                return this.resolveReference(expression.path, depth);
            case 'call':
                return this.resolveCall(expression.name, expression.args.map((arg) => this.resolve(arg, depth + 1)));
            default:
                return UNKNOWN;
        }
    }
    /** Evaluates the few functions that matter for policies; any other call is UNKNOWN. */
    resolveCall(name, args) {
        const [first] = args;
        if (args.length !== 1 || first === undefined || containsUnknown(first)) {
            return UNKNOWN;
        }
        switch (name) {
            case 'jsonencode':
                return JSON.stringify(first);
            case 'tolist':
            case 'toset':
                return Array.isArray(first) ? first : UNKNOWN;
            case 'tostring':
                return typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean' ? String(first) : UNKNOWN;
            default:
                return UNKNOWN;
        }
    }
    resolveReference(path, depth) {
        const [root, name, ...rest] = path;
        let value = UNKNOWN;
        if (root === 'var' && name !== undefined) {
            value = this.resolve(this.variables.get(name), depth + 1);
        }
        else if (root === 'local' && name !== undefined) {
            value = this.resolve(this.locals.get(name), depth + 1);
        }
        for (const key of rest) {
            if (value === null || typeof value !== 'object') {
                return UNKNOWN;
            }
            value = Array.isArray(value) ? (value[Number(key)] ?? UNKNOWN) : (value[key] ?? UNKNOWN);
        }
        return value;
    }
    /** Resolves an attribute of a block. */
    value(block, name) {
        return this.resolve(block.attributes.get(name)?.value);
    }
    /**
     * Returns the resources of `types` whose `attribute` points at `target`: by a reference
     * such as `aws_s3_bucket.logs.id`, or by the same literal value as the target's
     * `nameAttribute` (a bucket name written twice).
     */
    referencing(target, types, attribute, nameAttribute) {
        const targetName = nameAttribute ? this.value(target.block, nameAttribute) : UNKNOWN;
        return this.ofType(...types).filter((resource) => {
            const expression = resource.block.attributes.get(attribute)?.value;
            if (!expression) {
                return false;
            }
            if (refersTo(expression, target)) {
                return true;
            }
            const literal = this.resolve(expression);
            return typeof targetName === 'string' && literal === targetName;
        });
    }
}
function containsUnknown(value) {
    if (value === UNKNOWN) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    return value !== null && typeof value === 'object' && Object.values(value).some(containsUnknown);
}
/** True when the expression contains a reference to `<type>.<name>`. */
function refersTo(expression, target) {
    const paths = collect(expression);
    return paths.some((path) => path[0] === target.type && path[1] === target.name);
}
function collect(expression) {
    return collectReferences(expression);
}
/** Child blocks of a type, such as every `ingress` block of a security group. */
function childBlocks(block, type) {
    return block.blocks.filter((child) => child.type === type);
}
function attribute(block, name) {
    return block.attributes.get(name);
}

;// CONCATENATED MODULE: ./packages/iac/src/terraform/policy-helpers.ts

/**
 * Builds a violation at an attribute or block of a resource. An attribute's finding spans its
 * lines, such as a heredoc policy. A block's finding covers only its first line, so findings on
 * other attributes of the same block are not taken for the same place.
 */
function violation(resource, place, message) {
    return { path: resource.path, line: place.line, column: place.column, endLine: 'value' in place ? place.endLine : place.line, message };
}
function resourceName(resource) {
    return resource.type === 'module' ? `module.${resource.name}` : `${resource.type}.${resource.name}`;
}
/** True when the value is literally true (or the string "true", as HCL converts it). */
function isTrue(value) {
    return value === true || value === 'true';
}
function isFalse(value) {
    return value === false || value === 'false';
}
const WORLD_CIDRS = ['0.0.0.0/0', '::/0'];
/** Returns the literal strings in a value that is a string or a list of strings. */
function stringList(value) {
    if (typeof value === 'string') {
        return [value];
    }
    if (Array.isArray(value)) {
        return value.filter((item) => typeof item === 'string');
    }
    return [];
}
/** Reads the statements of a JSON policy document held by an attribute, or none when it is not literal JSON. */
function jsonStatements(module, block, attributeName) {
    const attribute = block.attributes.get(attributeName);
    if (!attribute) {
        return [];
    }
    return statementsFromJson(module.resolve(attribute.value), attribute);
}
function statementsFromJson(value, place) {
    let document = value;
    if (typeof value === 'string') {
        try {
            document = JSON.parse(value);
        }
        catch {
            return [];
        }
    }
    if (document === UNKNOWN || document === null || typeof document !== 'object' || Array.isArray(document)) {
        return [];
    }
    const raw = document.Statement;
    let statements = [];
    if (Array.isArray(raw)) {
        statements = raw;
    }
    else if (raw && typeof raw === 'object') {
        statements = [raw];
    }
    return statements.filter((item) => item !== null && typeof item === 'object').map((statement) => ({
        effect: typeof statement.Effect === 'string' ? statement.Effect : 'Allow',
        actions: asStrings(statement.Action ?? statement.NotAction),
        notActions: statement.Action === undefined && statement.NotAction !== undefined,
        resources: asStrings(statement.Resource),
        principals: principalIds(statement.Principal),
        place
    }));
}
function asStrings(value) {
    if (typeof value === 'string') {
        return [value];
    }
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
function principalIds(value) {
    if (value === undefined) {
        return [];
    }
    if (typeof value === 'string') {
        return [value];
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.values(value).flatMap(asStrings);
    }
    return [];
}
/** Reads the `statement` blocks of a `data "aws_iam_policy_document"` block. */
function documentStatements(module, block) {
    return childBlocks(block, 'statement').map((statement) => {
        const actions = statement.attributes.get('actions') ?? statement.attributes.get('not_actions');
        const effect = module.value(statement, 'effect');
        return {
            effect: typeof effect === 'string' ? effect : 'Allow',
            actions: stringList(module.value(statement, actions?.name ?? 'actions')),
            notActions: actions?.name === 'not_actions',
            resources: stringList(module.value(statement, 'resources')),
            principals: childBlocks(statement, 'principals').flatMap((principal) => stringList(module.value(principal, 'identifiers'))),
            place: actions ?? statement
        };
    });
}
/** True when a statement allows every action: `*`, or `<service>:*` when `serviceWildcard` is set. */
function allowsAllActions(statement, serviceWildcard = false) {
    if (statement.effect !== 'Allow' || statement.notActions) {
        return false;
    }
    return statement.actions.some((action) => action === '*' || (serviceWildcard && /^[a-z0-9-]+:\*$/i.test(action)));
}
function expressionLine(expression) {
    return expression?.line;
}

;// CONCATENATED MODULE: ./packages/iac/src/terraform/aws.ts


const S3_BUCKET = ['aws_s3_bucket'];
const S3_MODULE_SOURCE = /^terraform-aws-modules\/s3-bucket\/aws/;
/** Flags resources of `types` whose boolean `name` is not literally true; missing counts as false. */
function requireTrue(module, types, name, message, skip) {
    const violations = [];
    for (const resource of module.ofType(...types)) {
        if (skip?.(resource)) {
            continue;
        }
        const attribute = resource.block.attributes.get(name);
        const value = module.resolve(attribute?.value);
        if (!attribute || isFalse(value)) {
            violations.push(violation(resource, attribute ?? resource.block, message(resource)));
        }
    }
    return violations;
}
function s3Modules(module) {
    return module.ofType('module').filter((resource) => {
        const source = module.value(resource.block, 'source');
        return typeof source === 'string' && S3_MODULE_SOURCE.test(source);
    });
}
function hasSeparateOrInline(module, bucket, inlineBlock, separateType) {
    return childBlocks(bucket.block, inlineBlock).length > 0 || module.referencing(bucket, [separateType], 'bucket', 'bucket').length > 0;
}
/** Returns a port number, or NaN for a value that is not a literal number (such as a variable without default). */
function toPort(value) {
    if (typeof value === 'number') {
        return value;
    }
    return typeof value === 'string' ? Number(value) : Number.NaN;
}
function ingressRules(module) {
    const rules = [];
    const addRule = (resource, rule) => {
        const cidrAttribute = rule.attributes.get('cidr_blocks') ?? rule.attributes.get('ipv6_cidr_blocks') ?? rule.attributes.get('cidr_ipv4') ?? rule.attributes.get('cidr_ipv6');
        const cidrs = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6'].flatMap((name) => stringList(module.value(rule, name)));
        const open = cidrs.filter((cidr) => WORLD_CIDRS.includes(cidr));
        if (open.length === 0) {
            return;
        }
        const protocol = String(module.value(rule, 'protocol') ?? module.value(rule, 'ip_protocol'));
        const allProtocols = protocol === '-1' || protocol === 'all';
        const fromValue = module.value(rule, 'from_port');
        const toValue = module.value(rule, 'to_port');
        const from = allProtocols ? 0 : toPort(fromValue);
        const to = allProtocols ? 65535 : toPort(toValue);
        if (Number.isNaN(from) || Number.isNaN(to)) {
            return;
        }
        // from_port = to_port = 0 with protocol -1 is every port; 0-0 with tcp is port 0 only.
        rules.push({ resource, from, to, cidrs: open, place: cidrAttribute ?? rule });
    };
    for (const resource of module.ofType('aws_security_group', 'aws_default_security_group')) {
        for (const rule of childBlocks(resource.block, 'ingress')) {
            addRule(resource, rule);
        }
    }
    for (const resource of module.ofType('aws_security_group_rule')) {
        if (module.value(resource.block, 'type') === 'ingress') {
            addRule(resource, resource.block);
        }
    }
    for (const resource of module.ofType('aws_vpc_security_group_ingress_rule')) {
        addRule(resource, resource.block);
    }
    return rules;
}
function openPortPolicy(id, title, ports, label, severity) {
    return {
        id,
        platform: 'terraform',
        provider: 'aws',
        title,
        severity,
        cwes: ['CWE-284'],
        description: `A security group rule allows ${label} (port ${ports.join(', ')}) from 0.0.0.0/0 or ::/0.`,
        remediation: `Allow ${label} only from known address ranges, or reach the hosts through a bastion, VPN or AWS Systems Manager Session Manager.`,
        themes: ['network-exposure'],
        check(module) {
            return ingressRules(module)
                .filter((rule) => !(rule.from === 0 && rule.to === 65535) && ports.some((port) => rule.from <= port && port <= rule.to))
                .map((rule) => violation(rule.resource, rule.place, `${resourceName(rule.resource)} allows ${label} from ${rule.cidrs.join(', ')} (ports ${rule.from}-${rule.to}).`));
        }
    };
}
const DATABASE_PORTS = [1433, 1521, 3306, 5432, 5439, 6379, 9042, 9200, 11211, 27017];
function policyStatements(module, resource) {
    return [...jsonStatements(module, resource.block, 'policy'), ...jsonStatements(module, resource.block, 'assume_role_policy'), ...childBlocks(resource.block, 'inline_policy').flatMap((inline) => jsonStatements(module, inline, 'policy'))];
}
const IAM_POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];
const RESOURCE_POLICY_TYPES = ['aws_s3_bucket_policy', 'aws_s3_bucket', 'aws_sqs_queue_policy', 'aws_sqs_queue', 'aws_sns_topic_policy', 'aws_sns_topic'];
function allPolicyDocuments(module) {
    const documents = module.ofType(...IAM_POLICY_TYPES).map((resource) => ({ resource, statements: policyStatements(module, resource) }));
    return documents;
}
function publicAccessSetting(id, setting, effect) {
    return {
        id,
        platform: 'terraform',
        provider: 'aws',
        title: `S3 public access block without ${setting}`,
        severity: 'high',
        cwes: ['CWE-284'],
        description: `An S3 public access block, or the terraform-aws-modules S3 bucket module, leaves \`${setting}\` unset or false, so ${effect}.`,
        remediation: `Set \`${setting} = true\` on the aws_s3_bucket_public_access_block (or the module call) of the bucket.`,
        themes: ['public-exposure'],
        check(module) {
            return requireTrue(module, ['aws_s3_bucket_public_access_block'], setting, (resource) => `${resourceName(resource)} does not set ${setting} = true.`).concat(s3Modules(module).flatMap((resource) => {
                const attribute = resource.block.attributes.get(setting);
                return !attribute || isFalse(module.resolve(attribute.value)) ? [violation(resource, attribute ?? resource.block, `${resourceName(resource)} does not set ${setting} = true.`)] : [];
            }));
        }
    };
}
const AWS_POLICIES = [
    {
        id: 'DSO-TF-AWS-001',
        platform: 'terraform',
        provider: 'aws',
        title: 'S3 bucket without default encryption configuration',
        severity: 'medium',
        cwes: ['CWE-311'],
        description: 'An aws_s3_bucket has neither an inline server_side_encryption_configuration block nor an aws_s3_bucket_server_side_encryption_configuration resource pointing at it.',
        remediation: 'Add an aws_s3_bucket_server_side_encryption_configuration resource for the bucket with `sse_algorithm = "aws:kms"` and a customer managed key.',
        themes: ['encryption-at-rest'],
        check(module) {
            return module
                .ofType(...S3_BUCKET)
                .filter((bucket) => !hasSeparateOrInline(module, bucket, 'server_side_encryption_configuration', 'aws_s3_bucket_server_side_encryption_configuration'))
                .map((bucket) => violation(bucket, bucket.block, `${resourceName(bucket)} has no server-side encryption configuration.`));
        }
    },
    {
        id: 'DSO-TF-AWS-002',
        platform: 'terraform',
        provider: 'aws',
        title: 'S3 bucket ACL grants access to all users',
        severity: 'high',
        cwes: ['CWE-732'],
        description: 'An S3 bucket, aws_s3_bucket_acl or terraform-aws-modules S3 module call uses a canned ACL (public-read, public-read-write or authenticated-read) that lets anyone, or any AWS account, read or write.',
        remediation: 'Use `acl = "private"`, or better, set object ownership to BucketOwnerEnforced and grant access through bucket policies.',
        themes: ['public-exposure'],
        check(module) {
            return [...module.ofType('aws_s3_bucket', 'aws_s3_bucket_acl'), ...s3Modules(module)].flatMap((resource) => {
                const attribute = resource.block.attributes.get('acl');
                const value = module.resolve(attribute?.value);
                return attribute && typeof value === 'string' && ['public-read', 'public-read-write', 'authenticated-read'].includes(value)
                    ? [violation(resource, attribute, `${resourceName(resource)} uses the canned ACL "${value}".`)]
                    : [];
            });
        }
    },
    publicAccessSetting('DSO-TF-AWS-003', 'block_public_acls', 'new public ACLs on the bucket and its objects are accepted'),
    publicAccessSetting('DSO-TF-AWS-004', 'block_public_policy', 'a bucket policy that grants public access is accepted'),
    publicAccessSetting('DSO-TF-AWS-005', 'ignore_public_acls', 'existing public ACLs keep granting access'),
    publicAccessSetting('DSO-TF-AWS-006', 'restrict_public_buckets', 'a public bucket policy keeps granting cross-account and anonymous access'),
    {
        id: 'DSO-TF-AWS-007',
        platform: 'terraform',
        provider: 'aws',
        title: 'S3 bucket without access logging',
        severity: 'low',
        cwes: ['CWE-778'],
        description: 'An aws_s3_bucket has neither an inline logging block nor an aws_s3_bucket_logging resource pointing at it.',
        remediation: 'Add an aws_s3_bucket_logging resource that sends server access logs to a separate log bucket.',
        themes: ['logging'],
        check(module) {
            return module
                .ofType(...S3_BUCKET)
                .filter((bucket) => !hasSeparateOrInline(module, bucket, 'logging', 'aws_s3_bucket_logging'))
                .map((bucket) => violation(bucket, bucket.block, `${resourceName(bucket)} has no access logging.`));
        }
    },
    {
        id: 'DSO-TF-AWS-008',
        platform: 'terraform',
        provider: 'aws',
        title: 'S3 bucket without versioning',
        severity: 'medium',
        cwes: ['CWE-693'],
        description: 'An aws_s3_bucket has versioning disabled or unset, inline or through aws_s3_bucket_versioning, so overwritten or deleted objects cannot be recovered.',
        remediation: 'Add an aws_s3_bucket_versioning resource with `versioning_configuration { status = "Enabled" }`.',
        themes: ['backup'],
        check(module) {
            return module.ofType(...S3_BUCKET).flatMap((bucket) => {
                const inline = childBlocks(bucket.block, 'versioning')[0];
                if (inline) {
                    const enabled = inline.attributes.get('enabled');
                    return isTrue(module.resolve(enabled?.value)) ? [] : [violation(bucket, enabled ?? inline, `${resourceName(bucket)} does not enable versioning.`)];
                }
                const separate = module.referencing(bucket, ['aws_s3_bucket_versioning'], 'bucket', 'bucket');
                if (separate.length === 0) {
                    return [violation(bucket, bucket.block, `${resourceName(bucket)} does not enable versioning.`)];
                }
                return separate.flatMap((resource) => {
                    const configuration = childBlocks(resource.block, 'versioning_configuration')[0];
                    const status = configuration?.attributes.get('status');
                    return module.resolve(status?.value) === 'Enabled' ? [] : [violation(resource, status ?? configuration ?? resource.block, `${resourceName(resource)} does not set status = "Enabled".`)];
                });
            });
        }
    },
    {
        id: 'DSO-TF-AWS-009',
        platform: 'terraform',
        provider: 'aws',
        title: 'Resource policy allows any principal',
        severity: 'high',
        cwes: ['CWE-732'],
        description: 'An S3 bucket (resource or terraform-aws-modules S3 module), SQS queue or SNS topic policy has an Allow statement whose principal is "*", which grants access to anyone.',
        remediation: 'Name the accounts, roles or services that need access in `Principal`, or add a condition such as aws:SourceArn or aws:PrincipalOrgID.',
        themes: ['public-exposure'],
        check(module) {
            return [...module.ofType(...RESOURCE_POLICY_TYPES), ...s3Modules(module)].flatMap((resource) => jsonStatements(module, resource.block, 'policy')
                .filter((statement) => statement.effect === 'Allow' && statement.principals.includes('*'))
                .slice(0, 1)
                .map((statement) => violation(resource, statement.place, `${resourceName(resource)} allows the principal "*".`)));
        }
    },
    {
        id: 'DSO-TF-AWS-010',
        platform: 'terraform',
        provider: 'aws',
        title: 'S3 object without server-side encryption',
        severity: 'low',
        cwes: ['CWE-311'],
        description: 'An aws_s3_object or aws_s3_bucket_object sets neither server_side_encryption nor kms_key_id.',
        remediation: 'Set `server_side_encryption = "aws:kms"` with `kms_key_id`, or rely on a bucket default encryption configuration with a customer managed key.',
        themes: ['encryption-at-rest'],
        check(module) {
            return module
                .ofType('aws_s3_object', 'aws_s3_bucket_object')
                .filter((resource) => !resource.block.attributes.has('server_side_encryption') && !resource.block.attributes.has('kms_key_id'))
                .map((resource) => violation(resource, resource.block, `${resourceName(resource)} is stored without server-side encryption settings.`));
        }
    },
    {
        id: 'DSO-TF-AWS-011',
        platform: 'terraform',
        provider: 'aws',
        title: 'EBS volume not encrypted',
        severity: 'high',
        cwes: ['CWE-311'],
        description: 'An aws_ebs_volume, or a root or EBS block device of an aws_instance, does not set `encrypted = true`.',
        remediation: 'Set `encrypted = true` (with `kms_key_id` for a customer managed key), or turn on EBS encryption by default for the account and region.',
        themes: ['encryption-at-rest'],
        check(module) {
            const violations = requireTrue(module, ['aws_ebs_volume'], 'encrypted', (resource) => `${resourceName(resource)} is not encrypted.`);
            for (const instance of module.ofType('aws_instance', 'aws_launch_configuration')) {
                for (const device of [...childBlocks(instance.block, 'root_block_device'), ...childBlocks(instance.block, 'ebs_block_device')]) {
                    const encrypted = device.attributes.get('encrypted');
                    if (!isTrue(module.resolve(encrypted?.value))) {
                        violations.push(violation(instance, encrypted ?? device, `${resourceName(instance)} has a ${device.type.replace(/_/g, ' ')} that is not encrypted.`));
                    }
                }
            }
            return violations;
        }
    },
    {
        id: 'DSO-TF-AWS-012',
        platform: 'terraform',
        provider: 'aws',
        title: 'RDS storage not encrypted',
        severity: 'high',
        cwes: ['CWE-311'],
        description: 'An aws_db_instance or aws_rds_cluster does not set `storage_encrypted = true`.',
        remediation: 'Set `storage_encrypted = true` and `kms_key_id`. Existing instances need a snapshot copy with encryption and a restore.',
        themes: ['encryption-at-rest'],
        check(module) {
            return requireTrue(module, ['aws_db_instance', 'aws_rds_cluster'], 'storage_encrypted', (resource) => `${resourceName(resource)} stores data unencrypted.`, (resource) => resource.block.attributes.has('replicate_source_db') || resource.block.attributes.has('snapshot_identifier'));
        }
    },
    {
        id: 'DSO-TF-AWS-013',
        platform: 'terraform',
        provider: 'aws',
        title: 'DynamoDB table without customer managed encryption',
        severity: 'low',
        cwes: ['CWE-311'],
        description: 'An aws_dynamodb_table has no `server_side_encryption { enabled = true }` block, so it is encrypted only with an AWS owned key that the account cannot audit or revoke.',
        remediation: 'Add `server_side_encryption { enabled = true, kms_key_arn = ... }`.',
        themes: ['key-management'],
        check(module) {
            return module.ofType('aws_dynamodb_table').flatMap((table) => {
                const sse = childBlocks(table.block, 'server_side_encryption')[0];
                const enabled = sse?.attributes.get('enabled');
                return isTrue(module.resolve(enabled?.value)) ? [] : [violation(table, enabled ?? sse ?? table.block, `${resourceName(table)} does not enable server-side encryption with a KMS key.`)];
            });
        }
    },
    {
        id: 'DSO-TF-AWS-014',
        platform: 'terraform',
        provider: 'aws',
        title: 'SNS topic not encrypted',
        severity: 'medium',
        cwes: ['CWE-311'],
        description: 'An aws_sns_topic sets no kms_master_key_id, so messages are stored unencrypted.',
        remediation: 'Set `kms_master_key_id` to a KMS key, such as `alias/aws/sns` or a customer managed key.',
        themes: ['encryption-at-rest'],
        check(module) {
            return module
                .ofType('aws_sns_topic')
                .filter((topic) => !topic.block.attributes.has('kms_master_key_id'))
                .map((topic) => violation(topic, topic.block, `${resourceName(topic)} has no kms_master_key_id.`));
        }
    },
    {
        id: 'DSO-TF-AWS-015',
        platform: 'terraform',
        provider: 'aws',
        title: 'SQS queue not encrypted',
        severity: 'medium',
        cwes: ['CWE-311'],
        description: 'An aws_sqs_queue sets neither kms_master_key_id nor sqs_managed_sse_enabled = true, or sets sqs_managed_sse_enabled = false.',
        remediation: 'Set `kms_master_key_id` to a KMS key, or `sqs_managed_sse_enabled = true`.',
        themes: ['encryption-at-rest'],
        check(module) {
            return module.ofType('aws_sqs_queue').flatMap((queue) => {
                const managed = queue.block.attributes.get('sqs_managed_sse_enabled');
                if (queue.block.attributes.has('kms_master_key_id') || isTrue(module.resolve(managed?.value))) {
                    return [];
                }
                return [violation(queue, managed ?? queue.block, `${resourceName(queue)} is not encrypted.`)];
            });
        }
    },
    {
        id: 'DSO-TF-AWS-016',
        platform: 'terraform',
        provider: 'aws',
        title: 'EFS file system not encrypted',
        severity: 'high',
        cwes: ['CWE-311'],
        description: 'An aws_efs_file_system does not set `encrypted = true`.',
        remediation: 'Set `encrypted = true` and `kms_key_id`; an existing file system must be recreated and its data copied.',
        themes: ['encryption-at-rest'],
        check(module) {
            return requireTrue(module, ['aws_efs_file_system'], 'encrypted', (resource) => `${resourceName(resource)} is not encrypted.`);
        }
    },
    {
        id: 'DSO-TF-AWS-017',
        platform: 'terraform',
        provider: 'aws',
        title: 'Load balancer listener accepts plain HTTP',
        severity: 'medium',
        cwes: ['CWE-319'],
        description: 'An aws_lb_listener or aws_alb_listener uses protocol HTTP without redirecting to HTTPS, or a classic aws_elb listener uses lb_protocol http.',
        remediation: 'Listen with HTTPS and a current TLS policy, and turn port 80 into a `redirect` action to HTTPS.',
        themes: ['encryption-in-transit'],
        check(module) {
            const violations = [];
            for (const listener of module.ofType('aws_lb_listener', 'aws_alb_listener')) {
                const protocol = listener.block.attributes.get('protocol');
                const redirects = childBlocks(listener.block, 'default_action').some((action) => module.value(action, 'type') === 'redirect');
                if (protocol && module.resolve(protocol.value) === 'HTTP' && !redirects) {
                    violations.push(violation(listener, protocol, `${resourceName(listener)} serves plain HTTP.`));
                }
            }
            for (const elb of module.ofType('aws_elb')) {
                for (const listener of childBlocks(elb.block, 'listener')) {
                    const protocol = listener.attributes.get('lb_protocol');
                    const value = module.resolve(protocol?.value);
                    if (protocol && typeof value === 'string' && value.toLowerCase() === 'http') {
                        violations.push(violation(elb, protocol, `${resourceName(elb)} has a listener on plain HTTP.`));
                    }
                }
            }
            return violations;
        }
    },
    {
        id: 'DSO-TF-AWS-018',
        platform: 'terraform',
        provider: 'aws',
        title: 'CloudFront distribution allows plain HTTP',
        severity: 'medium',
        cwes: ['CWE-319'],
        description: 'A cache behavior of an aws_cloudfront_distribution sets `viewer_protocol_policy = "allow-all"`.',
        remediation: 'Set `viewer_protocol_policy` to `redirect-to-https` or `https-only`.',
        themes: ['encryption-in-transit'],
        check(module) {
            return module.ofType('aws_cloudfront_distribution').flatMap((distribution) => [...childBlocks(distribution.block, 'default_cache_behavior'), ...childBlocks(distribution.block, 'ordered_cache_behavior')].flatMap((behavior) => {
                const policy = behavior.attributes.get('viewer_protocol_policy');
                return policy && module.resolve(policy.value) === 'allow-all' ? [violation(distribution, policy, `${resourceName(distribution)} lets viewers use plain HTTP.`)] : [];
            }));
        }
    },
    openPortPolicy('DSO-TF-AWS-019', 'Security group allows SSH from the internet', [22], 'SSH', 'high'),
    openPortPolicy('DSO-TF-AWS-020', 'Security group allows RDP from the internet', [3389], 'RDP', 'high'),
    openPortPolicy('DSO-TF-AWS-021', 'Security group allows database ports from the internet', DATABASE_PORTS, 'database access', 'high'),
    openPortPolicy('DSO-TF-AWS-022', 'Security group allows HTTP from the internet', [80], 'plain HTTP', 'medium'),
    {
        id: 'DSO-TF-AWS-023',
        platform: 'terraform',
        provider: 'aws',
        title: 'Security group allows all ports from the internet',
        severity: 'critical',
        cwes: ['CWE-284'],
        description: 'A security group rule allows every port (protocol -1, or ports 0 to 65535) from 0.0.0.0/0 or ::/0.',
        remediation: 'Allow only the ports the service needs, from the address ranges that need them.',
        themes: ['network-exposure'],
        check(module) {
            return ingressRules(module)
                .filter((rule) => rule.from === 0 && rule.to === 65535)
                .map((rule) => violation(rule.resource, rule.place, `${resourceName(rule.resource)} allows all ports from ${rule.cidrs.join(', ')}.`));
        }
    },
    {
        id: 'DSO-TF-AWS-024',
        platform: 'terraform',
        provider: 'aws',
        title: 'Default security group allows traffic',
        severity: 'medium',
        cwes: ['CWE-284'],
        description: 'The VPC default security group, which every resource without an explicit group joins, has ingress or egress rules open to 0.0.0.0/0 or ::/0.',
        remediation: 'Declare aws_default_security_group with no ingress and no egress blocks, and attach explicit security groups to resources.',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('aws_default_security_group').flatMap((group) => [...childBlocks(group.block, 'ingress'), ...childBlocks(group.block, 'egress')].flatMap((rule) => {
                const cidrs = ['cidr_blocks', 'ipv6_cidr_blocks'].flatMap((name) => stringList(module.value(rule, name)));
                const place = rule.attributes.get('cidr_blocks') ?? rule.attributes.get('ipv6_cidr_blocks') ?? rule;
                return cidrs.some((cidr) => WORLD_CIDRS.includes(cidr)) ? [violation(group, place, `${resourceName(group)} has an ${rule.type} rule open to the internet.`)] : [];
            }));
        }
    },
    {
        id: 'DSO-TF-AWS-025',
        platform: 'terraform',
        provider: 'aws',
        title: 'IAM policy allows all actions on all resources',
        severity: 'high',
        cwes: ['CWE-269'],
        description: 'An IAM policy document (inline JSON, an aws_iam_policy_document data source or an inline_policy block) has an Allow statement with Action "*" and Resource "*": full administrator access.',
        remediation: 'List the actions and resource ARNs the principal needs; use AWS managed job-function policies or IAM Access Analyzer policy generation as a start.',
        themes: ['least-privilege'],
        check(module) {
            const violations = [];
            for (const { resource, statements } of allPolicyDocuments(module)) {
                const statement = statements.find((candidate) => allowsAllActions(candidate) && candidate.resources.includes('*'));
                if (statement) {
                    violations.push(violation(resource, statement.place, `${resourceName(resource)} allows "*" actions on "*" resources.`));
                }
            }
            for (const document of module.dataSources('aws_iam_policy_document')) {
                const statement = documentStatements(module, document.block).find((candidate) => allowsAllActions(candidate) && candidate.resources.includes('*'));
                if (statement) {
                    violations.push(violation(document, statement.place, `data.aws_iam_policy_document.${document.name} allows "*" actions on "*" resources.`));
                }
            }
            return violations;
        }
    },
    {
        id: 'DSO-TF-AWS-026',
        platform: 'terraform',
        provider: 'aws',
        title: 'IAM user with directly attached policies',
        severity: 'low',
        cwes: ['CWE-269'],
        description: 'An aws_iam_user_policy or aws_iam_user_policy_attachment gives permissions to a user directly instead of through a group or role.',
        remediation: 'Attach policies to IAM groups or roles and add users to groups; prefer federated access with roles over IAM users.',
        themes: ['least-privilege'],
        check(module) {
            return module.ofType('aws_iam_user_policy', 'aws_iam_user_policy_attachment').map((resource) => violation(resource, resource.block, `${resourceName(resource)} attaches a policy directly to a user.`));
        }
    },
    {
        id: 'DSO-TF-AWS-027',
        platform: 'terraform',
        provider: 'aws',
        title: 'Resource policy allows all actions',
        severity: 'high',
        cwes: ['CWE-732'],
        description: 'An S3 bucket, SQS queue or SNS topic policy has an Allow statement with Action "*" or "<service>:*".',
        remediation: 'List only the actions the principals need, such as `sqs:SendMessage`.',
        themes: ['least-privilege'],
        check(module) {
            return [...module.ofType(...RESOURCE_POLICY_TYPES), ...s3Modules(module)].flatMap((resource) => jsonStatements(module, resource.block, 'policy')
                .filter((statement) => allowsAllActions(statement, true))
                .slice(0, 1)
                .map((statement) => violation(resource, statement.place, `${resourceName(resource)} allows all actions (${statement.actions.join(', ')}).`)));
        }
    },
    {
        id: 'DSO-TF-AWS-028',
        platform: 'terraform',
        provider: 'aws',
        title: 'CloudTrail without log file validation',
        severity: 'medium',
        cwes: ['CWE-354'],
        description: 'An aws_cloudtrail does not set `enable_log_file_validation = true`, so tampering with delivered log files goes unnoticed.',
        remediation: 'Set `enable_log_file_validation = true`.',
        themes: ['logging'],
        check(module) {
            return requireTrue(module, ['aws_cloudtrail'], 'enable_log_file_validation', (resource) => `${resourceName(resource)} does not validate log files.`);
        }
    },
    {
        id: 'DSO-TF-AWS-029',
        platform: 'terraform',
        provider: 'aws',
        title: 'VPC without flow logs',
        severity: 'medium',
        cwes: ['CWE-778'],
        description: 'An aws_vpc has no aws_flow_log whose vpc_id points at it.',
        remediation: 'Add an aws_flow_log with `vpc_id` set to the VPC and `traffic_type = "ALL"`.',
        themes: ['logging'],
        check(module) {
            return module
                .ofType('aws_vpc')
                .filter((vpc) => module.referencing(vpc, ['aws_flow_log'], 'vpc_id').length === 0)
                .map((vpc) => violation(vpc, vpc.block, `${resourceName(vpc)} has no flow log.`));
        }
    },
    {
        id: 'DSO-TF-AWS-030',
        platform: 'terraform',
        provider: 'aws',
        title: 'RDS automated backups disabled',
        severity: 'medium',
        cwes: ['CWE-693'],
        description: 'An aws_db_instance or aws_rds_cluster sets `backup_retention_period = 0`, which turns automated backups and point-in-time recovery off.',
        remediation: 'Set `backup_retention_period` to 7 days or more.',
        themes: ['backup'],
        check(module) {
            return module.ofType('aws_db_instance', 'aws_rds_cluster').flatMap((database) => {
                const retention = database.block.attributes.get('backup_retention_period');
                const value = module.resolve(retention?.value);
                return retention && (value === 0 || value === '0') ? [violation(database, retention, `${resourceName(database)} keeps no automated backups.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-AWS-031',
        platform: 'terraform',
        provider: 'aws',
        title: 'RDS deletion protection disabled',
        severity: 'low',
        cwes: ['CWE-693'],
        description: 'An aws_db_instance or aws_rds_cluster does not set `deletion_protection = true`.',
        remediation: 'Set `deletion_protection = true` on production databases.',
        themes: ['backup'],
        check(module) {
            return requireTrue(module, ['aws_db_instance', 'aws_rds_cluster'], 'deletion_protection', (resource) => `${resourceName(resource)} can be deleted without first turning off deletion protection.`);
        }
    },
    {
        id: 'DSO-TF-AWS-032',
        platform: 'terraform',
        provider: 'aws',
        title: 'KMS key rotation disabled',
        severity: 'medium',
        cwes: ['CWE-320'],
        description: 'A symmetric aws_kms_key does not set `enable_key_rotation = true`.',
        remediation: 'Set `enable_key_rotation = true`; AWS then rotates the key material every year.',
        themes: ['key-management'],
        check(module) {
            return requireTrue(module, ['aws_kms_key'], 'enable_key_rotation', (resource) => `${resourceName(resource)} does not rotate its key material.`, (resource) => {
                const spec = module.value(resource.block, 'customer_master_key_spec');
                return typeof spec === 'string' && spec !== 'SYMMETRIC_DEFAULT';
            });
        }
    },
    {
        id: 'DSO-TF-AWS-033',
        platform: 'terraform',
        provider: 'aws',
        title: 'EKS cluster endpoint open to the internet',
        severity: 'high',
        cwes: ['CWE-284'],
        description: 'An aws_eks_cluster leaves endpoint_public_access at its default (true) or true, with public_access_cidrs unset or containing 0.0.0.0/0.',
        remediation: 'Set `endpoint_public_access = false` and `endpoint_private_access = true`, or restrict `public_access_cidrs` to known ranges.',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('aws_eks_cluster').flatMap((cluster) => {
                const config = childBlocks(cluster.block, 'vpc_config')[0];
                if (!config) {
                    return [];
                }
                const access = config.attributes.get('endpoint_public_access');
                if (access && isFalse(module.resolve(access.value))) {
                    return [];
                }
                const cidrs = config.attributes.get('public_access_cidrs');
                if (cidrs && !stringList(module.resolve(cidrs.value)).some((cidr) => WORLD_CIDRS.includes(cidr))) {
                    return [];
                }
                return [violation(cluster, access ?? config, `${resourceName(cluster)} exposes its API endpoint to the internet.`)];
            });
        }
    },
    {
        id: 'DSO-TF-AWS-034',
        platform: 'terraform',
        provider: 'aws',
        title: 'RDS instance publicly accessible',
        severity: 'high',
        cwes: ['CWE-284'],
        description: 'An aws_db_instance or aws_rds_cluster_instance sets `publicly_accessible = true`, giving it a public DNS name and address.',
        remediation: 'Set `publicly_accessible = false` and reach the database from inside the VPC.',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('aws_db_instance', 'aws_rds_cluster_instance').flatMap((database) => {
                const attribute = database.block.attributes.get('publicly_accessible');
                return attribute && isTrue(module.resolve(attribute.value)) ? [violation(database, attribute, `${resourceName(database)} is publicly accessible.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-AWS-035',
        platform: 'terraform',
        provider: 'aws',
        title: 'EC2 instance metadata service v1 allowed',
        severity: 'medium',
        cwes: ['CWE-918'],
        description: 'An aws_instance or aws_launch_template does not set `metadata_options { http_tokens = "required" }`, so IMDSv1 serves credentials to unauthenticated requests, which server-side request forgery can reach.',
        remediation: 'Add `metadata_options { http_tokens = "required" }` (IMDSv2 only).',
        themes: ['secure-configuration'],
        check(module) {
            return module.ofType('aws_instance', 'aws_launch_template').flatMap((instance) => {
                const options = childBlocks(instance.block, 'metadata_options')[0];
                const tokens = options?.attributes.get('http_tokens');
                const endpoint = options ? module.value(options, 'http_endpoint') : undefined;
                if (endpoint === 'disabled' || module.resolve(tokens?.value) === 'required') {
                    return [];
                }
                return [violation(instance, tokens ?? options ?? instance.block, `${resourceName(instance)} does not require IMDSv2 session tokens.`)];
            });
        }
    },
    {
        id: 'DSO-TF-AWS-036',
        platform: 'terraform',
        provider: 'aws',
        title: 'DynamoDB table without point-in-time recovery',
        severity: 'medium',
        cwes: ['CWE-693'],
        description: 'An aws_dynamodb_table has no `point_in_time_recovery { enabled = true }` block.',
        remediation: 'Add `point_in_time_recovery { enabled = true }`.',
        themes: ['backup'],
        check(module) {
            return module.ofType('aws_dynamodb_table').flatMap((table) => {
                const recovery = childBlocks(table.block, 'point_in_time_recovery')[0];
                const enabled = recovery?.attributes.get('enabled');
                return isTrue(module.resolve(enabled?.value)) ? [] : [violation(table, enabled ?? recovery ?? table.block, `${resourceName(table)} has no point-in-time recovery.`)];
            });
        }
    }
];

;// CONCATENATED MODULE: ./packages/iac/src/terraform/azure-gcp.ts


const INTERNET_SOURCES = ['*', '0.0.0.0', '0.0.0.0/0', '::/0', 'internet', 'any'];
/** True when a port list such as `["22", "1000-2000"]` or `"*"` includes `port`; an empty list means every port. */
function coversPort(ranges, port) {
    if (ranges.length === 0) {
        return true;
    }
    return ranges.some((range) => {
        if (range === '*') {
            return true;
        }
        const [from, to] = range.split('-').map(Number);
        return from !== undefined && !Number.isNaN(from) && from <= port && port <= (to ?? from);
    });
}
function nsgRules(module) {
    return [
        ...module.ofType('azurerm_network_security_group').flatMap((owner) => childBlocks(owner.block, 'security_rule').map((rule) => ({ owner, rule }))),
        ...module.ofType('azurerm_network_security_rule').map((owner) => ({ owner, rule: owner.block }))
    ];
}
const AZURE_POLICIES = [
    {
        id: 'DSO-TF-AZ-001',
        platform: 'terraform',
        provider: 'azure',
        title: 'Storage account accepts plain HTTP',
        severity: 'medium',
        cwes: ['CWE-319'],
        description: 'An azurerm_storage_account sets `enable_https_traffic_only` (provider 3) or `https_traffic_only_enabled` (provider 4) to false.',
        remediation: 'Remove the setting or set it to true, so the account accepts HTTPS only.',
        themes: ['encryption-in-transit'],
        check(module) {
            return module.ofType('azurerm_storage_account').flatMap((account) => {
                const attribute = account.block.attributes.get('enable_https_traffic_only') ?? account.block.attributes.get('https_traffic_only_enabled');
                return attribute && isFalse(module.resolve(attribute.value)) ? [violation(account, attribute, `${resourceName(account)} accepts plain HTTP.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-AZ-002',
        platform: 'terraform',
        provider: 'azure',
        title: 'Storage account allows TLS before 1.2',
        severity: 'medium',
        cwes: ['CWE-326'],
        description: 'An azurerm_storage_account sets `min_tls_version` to TLS1_0 or TLS1_1.',
        remediation: 'Set `min_tls_version = "TLS1_2"`.',
        themes: ['encryption-in-transit'],
        check(module) {
            return module.ofType('azurerm_storage_account').flatMap((account) => {
                const attribute = account.block.attributes.get('min_tls_version');
                const value = module.resolve(attribute?.value);
                return attribute && (value === 'TLS1_0' || value === 'TLS1_1') ? [violation(account, attribute, `${resourceName(account)} accepts ${value}.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-AZ-003',
        platform: 'terraform',
        provider: 'azure',
        title: 'Network security group allows SSH or RDP from the internet',
        severity: 'high',
        cwes: ['CWE-284'],
        description: 'An inbound Allow rule of a network security group has the source `*`, `Internet`, `Any` or 0.0.0.0/0 and a destination port range that includes 22 or 3389.',
        remediation: 'Restrict `source_address_prefix` to known ranges, or use Azure Bastion or just-in-time VM access.',
        themes: ['network-exposure'],
        check(module) {
            const violations = [];
            for (const { owner, rule } of nsgRules(module)) {
                const direction = String(module.value(rule, 'direction')).toLowerCase();
                const access = String(module.value(rule, 'access')).toLowerCase();
                const sources = [...stringList(module.value(rule, 'source_address_prefix')), ...stringList(module.value(rule, 'source_address_prefixes'))].map((source) => source.toLowerCase());
                const ports = [...stringList(module.value(rule, 'destination_port_range')), ...stringList(module.value(rule, 'destination_port_ranges'))];
                if (direction !== 'inbound' || access !== 'allow' || !sources.some((source) => INTERNET_SOURCES.includes(source)) || ports.length === 0) {
                    continue;
                }
                const open = [22, 3389].filter((port) => coversPort(ports, port));
                if (open.length > 0) {
                    const place = rule.attributes.get('destination_port_range') ?? rule.attributes.get('destination_port_ranges') ?? rule;
                    violations.push(violation(owner, place, `${resourceName(owner)} allows port ${open.join(' and ')} from the internet.`));
                }
            }
            return violations;
        }
    },
    {
        id: 'DSO-TF-AZ-004',
        platform: 'terraform',
        provider: 'azure',
        title: 'SQL firewall rule allows every address',
        severity: 'high',
        cwes: ['CWE-284'],
        description: 'An azurerm_sql_firewall_rule or azurerm_mssql_firewall_rule spans 0.0.0.0 to 255.255.255.255.',
        remediation: 'Allow only the addresses of the clients, or use private endpoints.',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('azurerm_sql_firewall_rule', 'azurerm_mssql_firewall_rule', 'azurerm_postgresql_firewall_rule', 'azurerm_mysql_firewall_rule').flatMap((rule) => {
                const start = module.value(rule.block, 'start_ip_address');
                const end = module.value(rule.block, 'end_ip_address');
                return start === '0.0.0.0' && end === '255.255.255.255' ? [violation(rule, rule.block.attributes.get('end_ip_address'), `${resourceName(rule)} allows every IPv4 address.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-AZ-005',
        platform: 'terraform',
        provider: 'azure',
        title: 'Key vault without purge protection',
        severity: 'medium',
        cwes: ['CWE-693'],
        description: 'An azurerm_key_vault does not set `purge_protection_enabled = true`, so deleted keys and secrets can be purged before the retention period ends.',
        remediation: 'Set `purge_protection_enabled = true`.',
        themes: ['backup'],
        check(module) {
            return module.ofType('azurerm_key_vault').flatMap((vault) => {
                const attribute = vault.block.attributes.get('purge_protection_enabled');
                return isTrue(module.resolve(attribute?.value)) ? [] : [violation(vault, attribute ?? vault.block, `${resourceName(vault)} has no purge protection.`)];
            });
        }
    },
    {
        id: 'DSO-TF-AZ-006',
        platform: 'terraform',
        provider: 'azure',
        title: 'AKS cluster without Kubernetes RBAC',
        severity: 'high',
        cwes: ['CWE-285'],
        description: 'An azurerm_kubernetes_cluster sets `role_based_access_control_enabled = false`, or a `role_based_access_control` block with `enabled = false`.',
        remediation: 'Enable Kubernetes RBAC, and preferably Azure AD integration.',
        themes: ['least-privilege'],
        check(module) {
            return module.ofType('azurerm_kubernetes_cluster').flatMap((cluster) => {
                const flat = cluster.block.attributes.get('role_based_access_control_enabled');
                const nested = childBlocks(cluster.block, 'role_based_access_control')[0]?.attributes.get('enabled');
                const attribute = flat ?? nested;
                return attribute && isFalse(module.resolve(attribute.value)) ? [violation(cluster, attribute, `${resourceName(cluster)} has Kubernetes RBAC turned off.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-AZ-007',
        platform: 'terraform',
        provider: 'azure',
        title: 'App Service accepts plain HTTP',
        severity: 'medium',
        cwes: ['CWE-319'],
        description: 'An azurerm_app_service, azurerm_linux_web_app or azurerm_windows_web_app does not set `https_only = true`.',
        remediation: 'Set `https_only = true`.',
        themes: ['encryption-in-transit'],
        check(module) {
            return module.ofType('azurerm_app_service', 'azurerm_linux_web_app', 'azurerm_windows_web_app').flatMap((app) => {
                const attribute = app.block.attributes.get('https_only');
                return isTrue(module.resolve(attribute?.value)) ? [] : [violation(app, attribute ?? app.block, `${resourceName(app)} accepts plain HTTP.`)];
            });
        }
    }
];
const GCP_POLICIES = [
    {
        id: 'DSO-TF-GCP-001',
        platform: 'terraform',
        provider: 'gcp',
        title: 'Storage bucket without uniform bucket-level access',
        severity: 'medium',
        cwes: ['CWE-732'],
        description: 'A google_storage_bucket does not set `uniform_bucket_level_access = true`, so object ACLs can grant access that bucket IAM does not show.',
        remediation: 'Set `uniform_bucket_level_access = true` and grant access with IAM.',
        themes: ['least-privilege'],
        check(module) {
            return module.ofType('google_storage_bucket').flatMap((bucket) => {
                const attribute = bucket.block.attributes.get('uniform_bucket_level_access');
                return isTrue(module.resolve(attribute?.value)) ? [] : [violation(bucket, attribute ?? bucket.block, `${resourceName(bucket)} allows object ACLs.`)];
            });
        }
    },
    {
        id: 'DSO-TF-GCP-002',
        platform: 'terraform',
        provider: 'gcp',
        title: 'Firewall allows SSH or RDP from the internet',
        severity: 'high',
        cwes: ['CWE-284'],
        description: 'An ingress google_compute_firewall has 0.0.0.0/0 or ::/0 in source_ranges and an allow block that includes port 22 or 3389, or every port.',
        remediation: 'Restrict `source_ranges` to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20).',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('google_compute_firewall').flatMap((firewall) => {
                const direction = module.value(firewall.block, 'direction');
                const sources = firewall.block.attributes.get('source_ranges');
                if ((typeof direction === 'string' && direction !== 'INGRESS') || !stringList(module.resolve(sources?.value)).some((range) => WORLD_CIDRS.includes(range))) {
                    return [];
                }
                const open = childBlocks(firewall.block, 'allow').some((allow) => [22, 3389].some((port) => coversPort(stringList(module.value(allow, 'ports')), port)));
                return open ? [violation(firewall, sources, `${resourceName(firewall)} allows SSH or RDP from the internet.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-GCP-003',
        platform: 'terraform',
        provider: 'gcp',
        title: 'Cloud SQL instance does not require TLS',
        severity: 'medium',
        cwes: ['CWE-319'],
        description: 'A google_sql_database_instance has no `settings { ip_configuration { ... } }` that sets `require_ssl = true` or an `ssl_mode` that requires encryption.',
        remediation: 'Set `ssl_mode = "ENCRYPTED_ONLY"` (or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`) in ip_configuration.',
        themes: ['encryption-in-transit'],
        check(module) {
            return module.ofType('google_sql_database_instance').flatMap((instance) => {
                const settings = childBlocks(instance.block, 'settings')[0];
                const ip = settings ? childBlocks(settings, 'ip_configuration')[0] : undefined;
                const requireSsl = ip?.attributes.get('require_ssl');
                const mode = ip ? module.value(ip, 'ssl_mode') : undefined;
                if (isTrue(module.resolve(requireSsl?.value)) || mode === 'ENCRYPTED_ONLY' || mode === 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED') {
                    return [];
                }
                return [violation(instance, requireSsl ?? ip ?? settings ?? instance.block, `${resourceName(instance)} accepts unencrypted connections.`)];
            });
        }
    },
    {
        id: 'DSO-TF-GCP-004',
        platform: 'terraform',
        provider: 'gcp',
        title: 'Cloud SQL instance authorizes every address',
        severity: 'high',
        cwes: ['CWE-284'],
        description: 'An authorized_networks entry of a google_sql_database_instance has the value 0.0.0.0/0.',
        remediation: 'Authorize only client ranges, or use private IP and the Cloud SQL Auth Proxy.',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('google_sql_database_instance').flatMap((instance) => childBlocks(instance.block, 'settings')
                .flatMap((settings) => childBlocks(settings, 'ip_configuration'))
                .flatMap((ip) => childBlocks(ip, 'authorized_networks'))
                .flatMap((network) => {
                const value = network.attributes.get('value');
                return value && WORLD_CIDRS.includes(String(module.resolve(value.value))) ? [violation(instance, value, `${resourceName(instance)} accepts connections from any address.`)] : [];
            }));
        }
    },
    {
        id: 'DSO-TF-GCP-005',
        platform: 'terraform',
        provider: 'gcp',
        title: 'GKE cluster with legacy ABAC',
        severity: 'high',
        cwes: ['CWE-285'],
        description: 'A google_container_cluster sets `enable_legacy_abac = true`, which grants broad static permissions outside Kubernetes RBAC.',
        remediation: 'Remove `enable_legacy_abac` or set it to false, and grant access with RBAC.',
        themes: ['least-privilege'],
        check(module) {
            return module.ofType('google_container_cluster').flatMap((cluster) => {
                const attribute = cluster.block.attributes.get('enable_legacy_abac');
                return attribute && isTrue(module.resolve(attribute.value)) ? [violation(cluster, attribute, `${resourceName(cluster)} enables legacy ABAC.`)] : [];
            });
        }
    },
    {
        id: 'DSO-TF-GCP-006',
        platform: 'terraform',
        provider: 'gcp',
        title: 'Compute instance with a public IP address',
        severity: 'medium',
        cwes: ['CWE-284'],
        description: 'A network_interface of a google_compute_instance has an access_config block, which gives the instance an external IP address.',
        remediation: 'Remove access_config and reach the instance through Cloud NAT, a load balancer or Identity-Aware Proxy.',
        themes: ['network-exposure'],
        check(module) {
            return module.ofType('google_compute_instance').flatMap((instance) => childBlocks(instance.block, 'network_interface')
                .flatMap((network) => childBlocks(network, 'access_config'))
                .slice(0, 1)
                .map((config) => violation(instance, config, `${resourceName(instance)} has an external IP address.`)));
        }
    }
];

;// CONCATENATED MODULE: ./packages/iac/src/terraform/index.ts


const ALL_TERRAFORM_POLICIES = [...AWS_POLICIES, ...AZURE_POLICIES, ...GCP_POLICIES];

;// CONCATENATED MODULE: ./packages/iac/src/workflows.ts

const FULL_SHA = /^[0-9a-f]{40}$/;
/** Owners whose actions GitHub maintains; pinning them by tag is common and lower risk. */
const FIRST_PARTY_OWNERS = ['actions', 'github'];
/**
 * Contexts an outside contributor controls, which must not be expanded inside a `run:`
 * script: titles, bodies, branch names, commit messages, author names and emails.
 */
const UNTRUSTED_CONTEXT = /\$\{\{[^}]*\bgithub\.(event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|pages\.[^}]*\.page_name|commits[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title))|head_ref)\b[^}]*\}\}/;
function jobs(file) {
    if (file.kind === 'action') {
        const steps = child(file.root, 'runs', 'steps')?.items ?? [];
        return [{ id: 'action', node: file.root, steps: steps.map(toStep) }];
    }
    return [...(child(file.root, 'jobs')?.map ?? new Map()).entries()].map(([id, node]) => ({ id, node, steps: (child(node, 'steps')?.items ?? []).map(toStep) }));
}
function toStep(node) {
    return { node, uses: child(node, 'uses'), run: child(node, 'run') };
}
function workflows_at(file, node, message) {
    return { path: file.path, line: node.line, column: node.column, message };
}
function workflows_definition(id, title, severity, cwes, description, remediation, themes) {
    return { id, platform: 'github-actions', title, severity, cwes, description, remediation, themes };
}
/** Returns the event names a workflow runs on. */
function triggers(file) {
    const on = child(file.root, 'on') ?? child(file.root, 'true');
    if (!on) {
        return [];
    }
    if (typeof on.value === 'string') {
        return [on.value];
    }
    if (on.items) {
        return on.items.map((item) => String(item.value));
    }
    return [...(on.map?.keys() ?? [])];
}
function isThirdParty(uses) {
    return !uses.startsWith('./') && !uses.startsWith('docker://') && !FIRST_PARTY_OWNERS.includes(uses.split('/')[0].toLowerCase());
}
const WORKFLOW_POLICIES = [
    {
        ...workflows_definition('DSO-GHA-001', 'Third-party action not pinned to a commit SHA', 'high', ['CWE-829'], 'A step or job uses a third-party action or reusable workflow by tag or branch; whoever controls the repository can move the tag to other code.', 'Pin to the full 40-character commit SHA and keep the version in a comment (`uses: owner/repo@<sha> # v1.2.3`); Dependabot updates such pins.', ['software-integrity']),
        check(file) {
            const uses = [...jobs(file).flatMap((job) => job.steps.map((step) => step.uses)), ...jobs(file).map((job) => child(job.node, 'uses'))];
            return uses.flatMap((node) => {
                const value = typeof node?.value === 'string' ? node.value : undefined;
                if (!node || !value || !isThirdParty(value)) {
                    return [];
                }
                const ref = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : '';
                return FULL_SHA.test(ref) ? [] : [workflows_at(file, node, `"${value}" is not pinned to a full commit SHA.`)];
            });
        }
    },
    {
        ...workflows_definition('DSO-GHA-002', 'Workflow permissions missing or write-all', 'medium', ['CWE-732'], 'A workflow sets no top-level `permissions` and some job sets none either, so the GITHUB_TOKEN gets the repository default, which may be read-write; or it sets `write-all`.', 'Set `permissions: contents: read` at the top and grant more per job where needed.', ['least-privilege']),
        check(file) {
            if (file.kind !== 'workflow') {
                return [];
            }
            const violations = [];
            const top = child(file.root, 'permissions');
            const all = [top, ...jobs(file).map((job) => child(job.node, 'permissions'))];
            for (const node of all) {
                if (node?.value === 'write-all') {
                    violations.push(workflows_at(file, node, 'permissions is write-all.'));
                }
            }
            if (!top) {
                const unset = jobs(file).filter((job) => !child(job.node, 'permissions') && !child(job.node, 'uses'));
                if (unset.length > 0) {
                    const on = child(file.root, 'on') ?? file.root;
                    violations.push(workflows_at(file, on, `No top-level permissions, and job(s) ${unset.map((job) => job.id).join(', ')} set none.`));
                }
            }
            return violations;
        }
    },
    {
        ...workflows_definition('DSO-GHA-003', 'Untrusted input expanded in a run script', 'critical', ['CWE-78'], 'A `run:` script expands a `${{ github.event... }}` context that outside contributors control (titles, bodies, branch names, commit messages), so crafted text runs as shell commands.', 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use "$TITLE" in the script.', ['secure-development']),
        check(file) {
            return jobs(file).flatMap((job) => job.steps.flatMap((step) => {
                const script = step.run?.value;
                return typeof script === 'string' && UNTRUSTED_CONTEXT.test(script) ? [workflows_at(file, step.run, `The run script expands ${UNTRUSTED_CONTEXT.exec(script)[0]}.`)] : [];
            }));
        }
    },
    {
        ...workflows_definition('DSO-GHA-004', 'Privileged trigger checks out pull request code', 'critical', ['CWE-829'], 'A workflow triggered by pull_request_target or workflow_run checks out the head of the pull request, then runs it with a token and secrets of the base repository.', 'Use the pull_request event for untrusted code, or check out only the base and treat the artifact of the pull request as data.', ['secure-development']),
        check(file) {
            const privileged = triggers(file).some((event) => event === 'pull_request_target' || event === 'workflow_run');
            if (file.kind !== 'workflow' || !privileged) {
                return [];
            }
            return jobs(file).flatMap((job) => job.steps.flatMap((step) => {
                const uses = typeof step.uses?.value === 'string' ? step.uses.value : '';
                const ref = child(step.node, 'with', 'ref');
                const refText = typeof ref?.value === 'string' ? ref.value : '';
                return uses.startsWith('actions/checkout@') && /github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))|github\.head_ref|refs\/pull\//.test(refText) ? [workflows_at(file, ref, 'The job checks out pull request code under a privileged trigger.')] : [];
            }));
        }
    },
    {
        ...workflows_definition('DSO-GHA-005', 'Secrets inherited by a third-party reusable workflow', 'high', ['CWE-200'], 'A job calls a reusable workflow from another repository with `secrets: inherit`, handing it every secret of the caller.', 'Pass only the secrets the workflow needs, by name under `secrets:`.', ['credentials']),
        check(file) {
            return jobs(file).flatMap((job) => {
                const uses = child(job.node, 'uses');
                const secrets = child(job.node, 'secrets');
                return typeof uses?.value === 'string' && !uses.value.startsWith('./') && secrets?.value === 'inherit' ? [workflows_at(file, secrets, `Job ${job.id} passes every secret to ${uses.value}.`)] : [];
            });
        }
    },
    {
        ...workflows_definition('DSO-GHA-006', 'Checkout credentials persisted in a job that uploads artifacts', 'medium', ['CWE-522'], 'actions/checkout keeps the token in .git/config unless `persist-credentials: false`; a later upload-artifact of the workspace can publish it.', 'Set `persist-credentials: false` on actions/checkout.', ['credentials']),
        check(file) {
            return jobs(file).flatMap((job) => {
                const uploads = job.steps.some((step) => typeof step.uses?.value === 'string' && step.uses.value.startsWith('actions/upload-artifact@'));
                if (!uploads) {
                    return [];
                }
                return job.steps.flatMap((step) => {
                    const uses = typeof step.uses?.value === 'string' ? step.uses.value : '';
                    const persist = child(step.node, 'with', 'persist-credentials');
                    return uses.startsWith('actions/checkout@') && persist?.value !== false && persist?.value !== 'false' ? [workflows_at(file, step.uses, `Job ${job.id} keeps checkout credentials and uploads artifacts.`)] : [];
                });
            });
        }
    }
];

;// CONCATENATED MODULE: ./packages/iac/src/catalog.ts




/** Every built-in policy, in documentation order: Terraform, Kubernetes, Dockerfile, GitHub Actions. */
const ALL_POLICIES = [...ALL_TERRAFORM_POLICIES, ...KUBERNETES_POLICIES, ...DOCKERFILE_POLICIES, ...WORKFLOW_POLICIES];
function findPolicy(id) {
    return ALL_POLICIES.find((policy) => policy.id === id);
}

;// CONCATENATED MODULE: ./packages/iac/src/equivalents.ts
/**
 * Checks of other IaC tools that test the same thing as a built-in policy, by tool. A report
 * finding with one of these ids gets the CWE ids of the policy, so the findings core merges it
 * with the built-in finding at the same place. A native suppression comment that names the
 * tool's id also suppresses the built-in finding.
 *
 * Ids come from each tool's published check list (Checkov policy index, tfsec/Trivy AVD
 * pages, hadolint rule list). Only checks whose scope matches the policy are listed.
 */
const EQUIVALENTS = {
    checkov: {
        CKV_AWS_19: ['DSO-TF-AWS-001'],
        CKV_AWS_20: ['DSO-TF-AWS-002'],
        CKV_AWS_57: ['DSO-TF-AWS-002'],
        CKV_AWS_53: ['DSO-TF-AWS-003'],
        CKV_AWS_54: ['DSO-TF-AWS-004'],
        CKV_AWS_55: ['DSO-TF-AWS-005'],
        CKV_AWS_56: ['DSO-TF-AWS-006'],
        CKV_AWS_18: ['DSO-TF-AWS-007'],
        CKV_AWS_21: ['DSO-TF-AWS-008'],
        CKV_AWS_3: ['DSO-TF-AWS-011'],
        CKV_AWS_8: ['DSO-TF-AWS-011'],
        CKV_AWS_16: ['DSO-TF-AWS-012'],
        CKV_AWS_119: ['DSO-TF-AWS-013'],
        CKV_AWS_26: ['DSO-TF-AWS-014'],
        CKV_AWS_27: ['DSO-TF-AWS-015'],
        CKV_AWS_42: ['DSO-TF-AWS-016'],
        CKV_AWS_2: ['DSO-TF-AWS-017'],
        CKV_AWS_34: ['DSO-TF-AWS-018'],
        CKV_AWS_24: ['DSO-TF-AWS-019'],
        CKV_AWS_25: ['DSO-TF-AWS-020'],
        CKV_AWS_1: ['DSO-TF-AWS-025'],
        CKV_AWS_62: ['DSO-TF-AWS-025'],
        CKV_AWS_63: ['DSO-TF-AWS-025'],
        CKV_AWS_40: ['DSO-TF-AWS-026'],
        CKV_AWS_36: ['DSO-TF-AWS-028'],
        CKV2_AWS_11: ['DSO-TF-AWS-029'],
        CKV_AWS_7: ['DSO-TF-AWS-032'],
        CKV_AWS_38: ['DSO-TF-AWS-033'],
        CKV_AWS_39: ['DSO-TF-AWS-033'],
        CKV_AWS_17: ['DSO-TF-AWS-034'],
        CKV_AWS_79: ['DSO-TF-AWS-035'],
        CKV_AWS_28: ['DSO-TF-AWS-036'],
        CKV_AZURE_3: ['DSO-TF-AZ-001'],
        CKV_AZURE_44: ['DSO-TF-AZ-002'],
        CKV_AZURE_9: ['DSO-TF-AZ-003'],
        CKV_AZURE_10: ['DSO-TF-AZ-003'],
        CKV_AZURE_11: ['DSO-TF-AZ-004'],
        CKV_AZURE_5: ['DSO-TF-AZ-006'],
        CKV_AZURE_14: ['DSO-TF-AZ-007'],
        CKV_GCP_29: ['DSO-TF-GCP-001'],
        CKV_GCP_2: ['DSO-TF-GCP-002'],
        CKV_GCP_3: ['DSO-TF-GCP-002'],
        CKV_GCP_6: ['DSO-TF-GCP-003'],
        CKV_GCP_7: ['DSO-TF-GCP-005'],
        CKV_GCP_40: ['DSO-TF-GCP-006'],
        CKV_K8S_16: ['DSO-K8S-001'],
        CKV_K8S_20: ['DSO-K8S-002'],
        CKV_K8S_23: ['DSO-K8S-003'],
        CKV_K8S_37: ['DSO-K8S-004'],
        CKV_K8S_39: ['DSO-K8S-005'],
        CKV_K8S_31: ['DSO-K8S-006'],
        CKV_K8S_17: ['DSO-K8S-007'],
        CKV_K8S_18: ['DSO-K8S-007'],
        CKV_K8S_19: ['DSO-K8S-007'],
        CKV_K8S_22: ['DSO-K8S-009'],
        CKV_K8S_11: ['DSO-K8S-010'],
        CKV_K8S_13: ['DSO-K8S-011'],
        CKV_K8S_10: ['DSO-K8S-012'],
        CKV_K8S_12: ['DSO-K8S-012'],
        CKV_K8S_8: ['DSO-K8S-013'],
        CKV_K8S_9: ['DSO-K8S-014'],
        CKV_K8S_14: ['DSO-K8S-015'],
        CKV_K8S_43: ['DSO-K8S-015'],
        CKV_K8S_38: ['DSO-K8S-016'],
        CKV_K8S_49: ['DSO-K8S-017'],
        CKV_DOCKER_3: ['DSO-DF-001'],
        CKV_DOCKER_8: ['DSO-DF-001'],
        CKV_DOCKER_2: ['DSO-DF-002'],
        CKV_DOCKER_7: ['DSO-DF-003'],
        CKV_DOCKER_4: ['DSO-DF-004'],
        CKV_DOCKER_1: ['DSO-DF-012']
    },
    tfsec: {
        'aws-s3-enable-bucket-encryption': ['DSO-TF-AWS-001'],
        'aws-s3-no-public-access-with-acl': ['DSO-TF-AWS-002'],
        'aws-s3-block-public-acls': ['DSO-TF-AWS-003'],
        'aws-s3-block-public-policy': ['DSO-TF-AWS-004'],
        'aws-s3-ignore-public-acls': ['DSO-TF-AWS-005'],
        'aws-s3-no-public-buckets': ['DSO-TF-AWS-006'],
        'aws-s3-enable-bucket-logging': ['DSO-TF-AWS-007'],
        'aws-s3-enable-versioning': ['DSO-TF-AWS-008'],
        'aws-ebs-enable-volume-encryption': ['DSO-TF-AWS-011'],
        'aws-ec2-enable-at-rest-encryption': ['DSO-TF-AWS-011'],
        'aws-rds-encrypt-instance-storage-data': ['DSO-TF-AWS-012'],
        'aws-rds-encrypt-cluster-storage-data': ['DSO-TF-AWS-012'],
        'aws-dynamodb-table-customer-key': ['DSO-TF-AWS-013'],
        'aws-sns-enable-topic-encryption': ['DSO-TF-AWS-014'],
        'aws-sqs-enable-queue-encryption': ['DSO-TF-AWS-015'],
        'aws-efs-enable-at-rest-encryption': ['DSO-TF-AWS-016'],
        'aws-elb-http-not-used': ['DSO-TF-AWS-017'],
        'aws-cloudfront-enforce-https': ['DSO-TF-AWS-018'],
        'aws-ec2-no-public-ingress-sgr': ['DSO-TF-AWS-019', 'DSO-TF-AWS-020', 'DSO-TF-AWS-021', 'DSO-TF-AWS-022', 'DSO-TF-AWS-023'],
        'aws-iam-no-policy-wildcards': ['DSO-TF-AWS-025'],
        'aws-cloudtrail-enable-log-validation': ['DSO-TF-AWS-028'],
        'aws-ec2-require-vpc-flow-logs-for-all-vpcs': ['DSO-TF-AWS-029'],
        'aws-rds-specify-backup-retention': ['DSO-TF-AWS-030'],
        'aws-kms-auto-rotate-keys': ['DSO-TF-AWS-032'],
        'aws-eks-no-public-cluster-access': ['DSO-TF-AWS-033'],
        'aws-eks-no-public-cluster-access-to-cidr': ['DSO-TF-AWS-033'],
        'aws-rds-no-public-db-access': ['DSO-TF-AWS-034'],
        'aws-ec2-enforce-http-token-imds': ['DSO-TF-AWS-035'],
        'aws-dynamodb-enable-recovery': ['DSO-TF-AWS-036'],
        'azure-storage-enforce-https': ['DSO-TF-AZ-001'],
        'azure-storage-use-secure-tls-policy': ['DSO-TF-AZ-002'],
        'azure-network-ssh-blocked-from-internet': ['DSO-TF-AZ-003'],
        'azure-network-disable-rdp-from-internet': ['DSO-TF-AZ-003'],
        'azure-keyvault-no-purge': ['DSO-TF-AZ-005'],
        'azure-container-use-rbac-permissions': ['DSO-TF-AZ-006'],
        'azure-appservice-enforce-https': ['DSO-TF-AZ-007'],
        'google-storage-enable-ubla': ['DSO-TF-GCP-001'],
        'google-sql-encrypt-in-transit-data': ['DSO-TF-GCP-003'],
        'google-gke-no-legacy-authentication': ['DSO-TF-GCP-005']
    },
    trivy: {
        'AVD-AWS-0086': ['DSO-TF-AWS-003'],
        'AVD-AWS-0087': ['DSO-TF-AWS-004'],
        'AVD-AWS-0088': ['DSO-TF-AWS-001'],
        'AVD-AWS-0089': ['DSO-TF-AWS-007'],
        'AVD-AWS-0090': ['DSO-TF-AWS-008'],
        'AVD-AWS-0091': ['DSO-TF-AWS-005'],
        'AVD-AWS-0092': ['DSO-TF-AWS-002'],
        'AVD-AWS-0093': ['DSO-TF-AWS-006'],
        'AVD-AWS-0028': ['DSO-TF-AWS-035'],
        'AVD-AWS-0065': ['DSO-TF-AWS-032'],
        KSV001: ['DSO-K8S-002'],
        KSV003: ['DSO-K8S-004'],
        KSV005: ['DSO-K8S-005'],
        KSV008: ['DSO-K8S-007'],
        KSV009: ['DSO-K8S-007'],
        KSV010: ['DSO-K8S-007'],
        KSV011: ['DSO-K8S-010'],
        KSV012: ['DSO-K8S-003'],
        KSV013: ['DSO-K8S-015'],
        KSV014: ['DSO-K8S-009'],
        KSV015: ['DSO-K8S-012'],
        KSV016: ['DSO-K8S-012'],
        KSV017: ['DSO-K8S-001'],
        KSV018: ['DSO-K8S-011'],
        KSV023: ['DSO-K8S-008'],
        KSV030: ['DSO-K8S-006'],
        DS001: ['DSO-DF-003'],
        DS002: ['DSO-DF-001'],
        DS004: ['DSO-DF-012'],
        DS005: ['DSO-DF-004'],
        DS010: ['DSO-DF-011'],
        DS026: ['DSO-DF-002'],
        DS029: ['DSO-DF-007']
    },
    hadolint: {
        DL3002: ['DSO-DF-001'],
        DL3004: ['DSO-DF-011'],
        DL3006: ['DSO-DF-003'],
        DL3007: ['DSO-DF-003'],
        DL3008: ['DSO-DF-009'],
        DL3009: ['DSO-DF-008'],
        DL3013: ['DSO-DF-009'],
        DL3015: ['DSO-DF-007'],
        DL3018: ['DSO-DF-009'],
        DL3019: ['DSO-DF-008'],
        DL3020: ['DSO-DF-004'],
        DL4006: ['DSO-DF-013']
    }
};
/** Returns the built-in policy ids equivalent to a tool's check id, matched without case. */
function equivalentPolicies(tool, checkId) {
    const table = EQUIVALENTS[tool.toLowerCase()];
    if (!table) {
        return [];
    }
    const direct = table[checkId] ?? table[checkId.toUpperCase()] ?? table[checkId.toLowerCase()];
    return direct ? [...direct] : [];
}
/** Returns every tool check id equivalent to a policy, across tools, for native suppression comments. */
function toolIdsFor(policyId) {
    return Object.values(EQUIVALENTS).flatMap((table) => Object.entries(table).filter(([, policies]) => policies.includes(policyId)).map(([id]) => id));
}

;// CONCATENATED MODULE: ./packages/iac/src/native-suppressions.ts

const CHECKOV = /checkov:skip=([A-Za-z0-9_-]+)(?::\s*(.*))?/;
const TFSEC_TRIVY = /\b(tfsec|trivy):ignore:([A-Za-z0-9_.-]+)/g;
const KICS = /kics-scan\s+(ignore-line|ignore-block|ignore)\b/;
const COMMENT = /^\s*(#|\/\/|\/\*)/;
/**
 * Finds the native suppression comments in a file's lines:
 * - `checkov:skip=ID:reason` covers the enclosing block (the lines from the nearest line
 *   above at a smaller indentation to the end of that block), or the whole file when it is not
 *   inside a block, as Checkov does for Dockerfiles.
 * - `tfsec:ignore:ID` and `trivy:ignore:ID` cover their own line, the next line and, when the
 *   next line opens a block, the whole block.
 * - `kics-scan ignore-line` covers the next line; `kics-scan ignore-block` the block that
 *   starts on the next line; `kics-scan ignore` on its own covers the whole file.
 */
function findNativeSuppressions(lines) {
    const suppressions = [];
    for (const [index, text] of lines.entries()) {
        if (!text.includes('checkov') && !text.includes('ignore')) {
            continue;
        }
        const line = index + 1;
        const checkov = CHECKOV.exec(text);
        if (checkov) {
            const [fromLine, toLine] = enclosingBlock(lines, index);
            suppressions.push({ tool: 'checkov', ids: [checkov[1]], reason: checkov[2]?.trim() || undefined, line, fromLine, toLine });
        }
        for (const match of text.matchAll(TFSEC_TRIVY)) {
            const toLine = Math.max(line + 1, blockEnd(lines, index + 1));
            suppressions.push({ tool: match[1], ids: [match[2]], line, fromLine: line, toLine });
        }
        const kics = COMMENT.test(text) ? KICS.exec(text) : null;
        if (kics?.[1] === 'ignore-line') {
            suppressions.push({ tool: 'kics', ids: [], line, fromLine: line + 1, toLine: line + 1 });
        }
        else if (kics?.[1] === 'ignore-block') {
            suppressions.push({ tool: 'kics', ids: [], line, fromLine: line + 1, toLine: blockEnd(lines, index + 1) });
        }
        else if (kics?.[1] === 'ignore' && /kics-scan\s+ignore\s*$/.test(text)) {
            suppressions.push({ tool: 'kics', ids: [], line, fromLine: 1, toLine: lines.length });
        }
    }
    return suppressions;
}
function indentation(text) {
    return text.length - text.trimStart().length;
}
function isBlank(text) {
    return text === undefined || text.trim() === '';
}
/** Last line (1-based) of the block that starts at `index` (0-based): deeper-indented lines and a closing bracket at the same indentation. */
function blockEnd(lines, index) {
    const start = lines[index];
    if (start === undefined) {
        return index;
    }
    const base = indentation(start);
    let last = index;
    for (let i = index + 1; i < lines.length; i += 1) {
        const text = lines[i];
        if (isBlank(text)) {
            continue;
        }
        if (indentation(text) > base) {
            last = i;
        }
        else if (indentation(text) === base && /^\s*[}\])]/.test(text)) {
            last = i;
            break;
        }
        else {
            break;
        }
    }
    return last + 1;
}
function enclosingBlock(lines, index) {
    const own = indentation(lines[index]);
    for (let i = index - 1; i >= 0; i -= 1) {
        const text = lines[i];
        if (!isBlank(text) && indentation(text) < own) {
            return [i + 1, blockEnd(lines, i)];
        }
    }
    // A comment at the top level applies to the block that follows, or to the whole file.
    return own === 0 && lines[index + 1] !== undefined && /[{:]\s*$/.test(lines[index + 1]) ? [index + 2, blockEnd(lines, index + 1)] : [1, lines.length];
}
/**
 * Marks built-in findings covered by a native comment as suppressed. A comment matches a
 * finding when it names the policy id or a tool check id equivalent to it, or names nothing.
 */
function applyNativeSuppressions(findings, path, lines) {
    const suppressions = findNativeSuppressions(lines);
    if (suppressions.length === 0) {
        return findings;
    }
    return findings.map((finding) => {
        const line = finding.location?.startLine;
        if (finding.location?.path !== path || line === undefined || finding.suppression) {
            return finding;
        }
        const names = [finding.rule.id, ...toolIdsFor(finding.rule.id)].map((id) => id.toLowerCase());
        const match = suppressions.find((suppression) => suppression.fromLine <= line && line <= suppression.toLine && (suppression.ids.length === 0 || suppression.ids.some((id) => names.includes(id.toLowerCase()))));
        if (!match) {
            return finding;
        }
        return { ...finding, suppression: { kind: 'inline', justification: match.reason ?? `${match.tool} comment`, source: `${path}:${match.line}` } };
    });
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 26 modules
var src = __webpack_require__(6641);
;// CONCATENATED MODULE: ./packages/iac/src/merge.ts


/** Property that report adapters set on a tool finding: the built-in policy ids it is equivalent to. */
const EQUIVALENT_POLICIES_KEY = 'equivalentPolicies';
/**
 * Merges each tool finding into a built-in finding of an equivalent policy at the same place:
 * the same path, with the built-in finding's start line inside the tool finding's line range
 * (tools such as Checkov report the whole resource block). The merged finding keeps the
 * built-in rule and location, names every tool, takes the highest severity and lists the
 * tool check ids under `properties.equivalents`. Findings that match nothing are kept as
 * they are.
 */
function mergeEquivalentFindings(findings) {
    const builtin = findings.filter((finding) => finding.tools.includes(BUILTIN_TOOL));
    const byPolicy = new Map();
    for (const finding of builtin) {
        const key = `${finding.rule.id}\u0000${finding.location?.path}`;
        byPolicy.set(key, [...(byPolicy.get(key) ?? []), finding]);
    }
    const merged = new Map();
    const absorbed = new Set();
    for (const finding of findings) {
        const policies = finding.properties?.[EQUIVALENT_POLICIES_KEY];
        if (finding.tools.includes(BUILTIN_TOOL) || !Array.isArray(policies) || !finding.location) {
            continue;
        }
        const start = finding.location.startLine ?? 0;
        const end = Math.max(start, finding.location.endLine ?? start);
        const target = policies
            .flatMap((policy) => byPolicy.get(`${policy}\u0000${finding.location.path}`) ?? [])
            .find((candidate) => {
            const line = candidate.location?.startLine ?? -1;
            return start <= line && line <= end;
        });
        if (!target) {
            continue;
        }
        const current = merged.get(target) ?? target;
        merged.set(target, combine(current, finding));
        absorbed.add(finding);
    }
    return findings.filter((finding) => !absorbed.has(finding)).map((finding) => merged.get(finding) ?? finding);
}
function combine(builtin, tool) {
    const equivalents = Array.isArray(builtin.properties?.equivalents) ? builtin.properties.equivalents : [];
    return {
        ...builtin,
        tools: [...new Set([...builtin.tools, ...tool.tools])].sort(),
        severity: (0,src/* severityRank */.qs)(tool.severity) < (0,src/* severityRank */.qs)(builtin.severity) ? tool.severity : builtin.severity,
        cwes: [...new Set([...builtin.cwes, ...tool.cwes])],
        controls: [...new Set([...builtin.controls, ...tool.controls])],
        properties: { ...builtin.properties, equivalents: [...new Set([...equivalents, `${tool.tools[0]}:${tool.rule.id}`])] }
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/iac/src/builtin.ts













/** Folders never walked: version control, dependencies and Terraform's provider cache. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', 'vendor']);
/** Larger files are skipped with a notice; real IaC files are far smaller. */
const MAX_IAC_FILE_BYTES = 2 * 1024 * 1024;
/** Returns the IaC platform a file name belongs to, or `yaml` for YAML that may hold Kubernetes objects. */
function classifyFile(repoPath) {
    const name = external_node_path_default().posix.basename(repoPath);
    const lower = name.toLowerCase();
    if (lower.endsWith('.tf')) {
        return 'terraform';
    }
    if (lower === 'dockerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower === 'containerfile') {
        return 'dockerfile';
    }
    if (!lower.endsWith('.yml') && !lower.endsWith('.yaml')) {
        return undefined;
    }
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(repoPath) || lower === 'action.yml' || lower === 'action.yaml') {
        return 'github-actions';
    }
    return 'yaml';
}
/** Lists the IaC files under `target`, in path order, without following symbolic links. */
function discoverFiles(workspace, target, exclude = []) {
    const excluded = exclude.length > 0 ? picomatch_default()(exclude, { dot: true }) : undefined;
    const files = [];
    const visit = (absolute) => {
        const stats = (0,external_node_fs_.lstatSync)(absolute);
        const repoPath = (0,src/* toRepoPath */.xD)(workspace, absolute) ?? external_node_path_default().basename(absolute);
        if (excluded?.(repoPath)) {
            return;
        }
        if (stats.isDirectory()) {
            for (const entry of (0,external_node_fs_.readdirSync)(absolute).sort()) {
                if (!SKIPPED_DIRECTORIES.has(entry)) {
                    visit(external_node_path_default().join(absolute, entry));
                }
            }
        }
        else if (stats.isFile()) {
            const platform = classifyFile(repoPath);
            if (platform) {
                files.push({ path: repoPath, absolute, platform });
            }
        }
    };
    visit(target);
    return files;
}
/**
 * Runs the built-in policies on every IaC file under the target. Terraform files are grouped
 * by folder, because a module's variables, locals and resources span its files.
 */
function runBuiltinPolicies(options) {
    const wanted = (platform) => options.frameworks === undefined || options.frameworks.includes(platform);
    const skip = new Set(options.skipPolicies ?? []);
    const notices = [];
    const findings = [];
    const files = { terraform: 0, kubernetes: 0, dockerfile: 0, 'github-actions': 0 };
    const sources = new Map();
    let bytes = 0;
    const modules = new Map();
    const kubernetesObjects = [];
    for (const file of discoverFiles(options.workspace, options.target, options.exclude)) {
        if (file.platform !== 'yaml' && !wanted(file.platform)) {
            continue;
        }
        if (file.platform === 'yaml' && !wanted('kubernetes')) {
            continue;
        }
        const text = readText(file, notices);
        if (text === undefined) {
            continue;
        }
        bytes += text.length;
        options.onFile?.(file, text.length);
        sources.set(file.path, text.split(/\r?\n/));
        switch (file.platform) {
            case 'terraform': {
                const parsed = parseOrNotice(file, notices, 'HCL', () => parseHcl(text));
                if (parsed) {
                    files.terraform += 1;
                    const folder = external_node_path_default().posix.dirname(file.path);
                    modules.set(folder, [...(modules.get(folder) ?? []), { path: file.path, file: parsed }]);
                }
                break;
            }
            case 'dockerfile':
                files.dockerfile += 1;
                findings.push(...run(DOCKERFILE_POLICIES, skip, (policy) => policy.check(parseDockerfile(file.path, text))));
                break;
            case 'github-actions': {
                const documents = parseOrNotice(file, notices, 'YAML', () => parseYamlDocuments(text));
                const root = documents?.[0]?.root;
                if (root?.map) {
                    files['github-actions'] += 1;
                    const workflow = { path: file.path, kind: /action\.ya?ml$/i.test(file.path) ? 'action' : 'workflow', root };
                    findings.push(...run(WORKFLOW_POLICIES, skip, (policy) => policy.check(workflow)));
                }
                break;
            }
            case 'yaml': {
                if (!/^\s*(apiVersion|kind)\s*:/m.test(text)) {
                    continue;
                }
                const documents = parseOrNotice(file, notices, 'YAML', () => parseYamlDocuments(text));
                const objects = (documents ?? []).map((document) => toKubernetesObject(file.path, document)).filter((object) => object !== undefined);
                if (objects.length > 0) {
                    files.kubernetes += 1;
                    kubernetesObjects.push(...objects);
                }
                break;
            }
        }
    }
    for (const moduleFiles of modules.values()) {
        const module = new TerraformModule(moduleFiles);
        findings.push(...run(ALL_TERRAFORM_POLICIES, skip, (policy) => policy.check(module)));
    }
    findings.push(...run(KUBERNETES_POLICIES, skip, (policy) => policy.check(kubernetesObjects)));
    const suppressed = applySuppressionsByFile(findings, sources);
    for (const notice of notices) {
        options.logger.warning(`${notice.path}:${notice.line}:${notice.column}: ${notice.message}; the file was skipped`);
    }
    return { findings: suppressed, notices, files, bytes };
}
function run(policies, skip, check) {
    return policies.filter((policy) => !skip.has(policy.id)).flatMap((policy) => check(policy).map((violation) => toFinding(policy, violation)));
}
function applySuppressionsByFile(findings, sources) {
    const byPath = new Map();
    for (const finding of findings) {
        const key = finding.location.path;
        byPath.set(key, [...(byPath.get(key) ?? []), finding]);
    }
    return [...byPath.entries()].flatMap(([repoPath, group]) => applyNativeSuppressions(group, repoPath, sources.get(repoPath) ?? []));
}
function readText(file, notices) {
    const size = (0,external_node_fs_.lstatSync)(file.absolute).size;
    if (size > MAX_IAC_FILE_BYTES) {
        notices.push({ path: file.path, line: 1, column: 1, message: `file is ${size} bytes, larger than the ${MAX_IAC_FILE_BYTES}-byte limit for IaC files` });
        return undefined;
    }
    return (0,external_node_fs_.readFileSync)(file.absolute, 'utf8');
}
function parseOrNotice(file, notices, parser, parse) {
    try {
        return parse();
    }
    catch (error) {
        if (error instanceof HclSyntaxError || error instanceof YamlSyntaxError) {
            notices.push({ path: file.path, line: error.line, column: error.column, message: `${parser} parse error: ${error.message}` });
            return undefined;
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./schema/devsecops.schema.json
var devsecops_schema = __webpack_require__(35851);
;// CONCATENATED MODULE: ./packages/iac/src/settings.ts




const IAC_ENGINES = ['builtin', 'checkov', 'tfsec', 'trivy', 'kics'];
const DEFAULT_TIMEOUT_MINUTES = 20;
const settings_ajv = new ajv.Ajv({ allErrors: true, strict: true });
const validateSection = settings_ajv.compile(devsecops_schema.properties.iac);
/**
 * Validates the `iac` section and merges it with the action inputs or command-line options,
 * which take precedence. Throws a ConfigurationError naming the key and the expected value.
 */
function resolveIacSettings(options) {
    const file = options.config.file ?? '.github/devsecops.yml';
    const raw = options.config.sections['iac'] ?? {};
    if (!validateSection(raw)) {
        const problems = (validateSection.errors ?? []).map((error) => `iac${error.instancePath.replace(/\//g, '.')} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${error.params.allowedValues.join(', ')})` : ''}`);
        throw new src/* ConfigurationError */.j1(`${file}: invalid iac section: ${problems.join('; ')}`);
    }
    const section = raw;
    const frameworksInput = options.settings['frameworks'];
    const frameworks = frameworksInput ? parseList(frameworksInput) : section.frameworks;
    return {
        frameworks: frameworks === undefined || frameworks.includes('all') ? undefined : frameworks.map(checkFramework),
        engines: options.engines ? options.engines.map(checkEngine) : (section.engines ?? ['builtin']),
        exclude: section.exclude ?? [],
        skipPolicies: section['skip-policies'] ?? [],
        timeoutMs: (section['timeout-minutes'] ?? DEFAULT_TIMEOUT_MINUTES) * 60_000
    };
}
function parseList(value) {
    return value
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean);
}
function checkFramework(name) {
    if (!PLATFORMS.includes(name)) {
        throw new src/* ConfigurationError */.j1(`frameworks: "${name}" is not a framework; expected one or more of ${PLATFORMS.join(', ')}`);
    }
    return name;
}
function checkEngine(name) {
    if (!IAC_ENGINES.includes(name)) {
        throw new src/* ConfigurationError */.j1(`engines: "${name}" is not an IaC engine; expected one or more of ${IAC_ENGINES.join(', ')}`);
    }
    return name;
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/common.ts





/** Collects findings for one report, resolving paths inside the workspace and dropping the rest with a warning. */
class FindingCollector {
    label;
    workspace;
    base;
    findings = [];
    warnings = [];
    constructor(label, workspace, 
    /** Folder that relative paths in the report are relative to; default: the workspace. */
    base = workspace) {
        this.label = label;
        this.workspace = workspace;
        this.base = base;
    }
    add(input) {
        let location;
        if (input.file !== undefined) {
            const repoPath = this.resolvePath(input.file);
            if (repoPath === undefined) {
                this.warnings.push(`${this.label}: ${input.ruleId}: the path "${input.file}" is outside the workspace; the finding was dropped`);
                return;
            }
            const startLine = input.startLine !== undefined && input.startLine > 0 ? input.startLine : undefined;
            location = { path: repoPath, startLine, endLine: startLine !== undefined && input.endLine !== undefined && input.endLine >= startLine ? input.endLine : startLine, startColumn: input.startColumn };
        }
        const policies = equivalentPolicies(input.equivalentsKey, input.ruleId);
        const policyCwes = policies.flatMap((id) => findPolicy(id)?.cwes ?? []);
        const severity = input.severity ?? findPolicy(policies[0] ?? '')?.severity ?? 'medium';
        this.findings.push({
            tools: [input.tool],
            category: 'iac',
            rule: { id: input.ruleId, name: input.ruleName, helpUri: input.helpUri },
            severity,
            message: input.message,
            location,
            cwes: [...new Set([...(input.cwes ?? []), ...policyCwes])],
            vulnerabilityIds: [],
            fingerprint: '',
            controls: [],
            sourceFile: this.label,
            properties: { ...input.properties, ...(policies.length > 0 ? { [EQUIVALENT_POLICIES_KEY]: policies } : {}) }
        });
    }
    result(format) {
        return { format, findings: this.findings, warnings: this.warnings };
    }
    resolvePath(file) {
        const normalized = file.replace(/\\/g, '/');
        const absolute = external_node_path_default().isAbsolute(normalized) ? normalized : external_node_path_default().resolve(this.base, normalized);
        return (0,src/* toRepoPath */.xD)(this.workspace, absolute);
    }
}
function asObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
function asString(value) {
    return typeof value === 'string' ? value : undefined;
}
function asNumber(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** Requires an array-or-null field, throwing a ReportError that names the place otherwise. */
function requireArray(value, label, place) {
    if (value === null || value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw new src/* ReportError */.$g(label, `${place} is ${typeof value}; expected an array`);
    }
    return value;
}
/** Severity words of IaC tools: CRITICAL/HIGH/MEDIUM/LOW/INFO, and tfsec's legacy ERROR/WARNING. */
function toolSeverity(value) {
    switch (typeof value === 'string' ? value.toLowerCase() : undefined) {
        case 'critical':
            return 'critical';
        case 'high':
        case 'error':
            return 'high';
        case 'medium':
        case 'warning':
            return 'medium';
        case 'low':
            return 'low';
        case 'info':
        case 'trace':
        case 'style':
            return 'info';
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/checkov.ts


/** True for Checkov's `-o json` output: one check-type object, a list of them, or the summary-only form. */
function isCheckovReport(document) {
    const first = Array.isArray(document) ? document[0] : document;
    const object = asObject(first);
    return object !== undefined && (('check_type' in object && 'results' in object) || ('checkov_version' in object && 'passed' in object && 'failed' in object));
}
/**
 * Reads Checkov JSON. Each failed check becomes a finding on the resource's line range. Paths
 * in `repo_file_path` (else `file_path`) start with `/` but are relative to the repository
 * (`file_path`: to the scanned folder), so the slash is dropped. The summary-only form, which
 * Checkov writes when nothing was scanned, has no findings. Checkov without a platform key
 * writes no severity; those findings take the severity of the equivalent built-in policy, or
 * medium.
 */
function readCheckovReport(document, label, workspace) {
    const collector = new FindingCollector(label, workspace);
    const reports = Array.isArray(document) ? document : [document];
    for (const [index, entry] of reports.entries()) {
        const report = asObject(entry);
        if (!report) {
            throw new src/* ReportError */.$g(label, `entry ${index} is not an object; expected a Checkov check-type report`);
        }
        if (!('results' in report)) {
            continue;
        }
        const results = asObject(report.results);
        if (!results) {
            throw new src/* ReportError */.$g(label, `entry ${index}: "results" is not an object`);
        }
        for (const check of asArray(results.failed_checks)) {
            addCheck(collector, asObject(check) ?? {}, asString(report.check_type));
        }
    }
    return collector.result('checkov');
}
function addCheck(collector, check, checkType) {
    const id = asString(check.check_id) ?? 'unknown-check';
    const file = asString(check.repo_file_path) ?? asString(check.file_path);
    const range = asArray(check.file_line_range).map(asNumber);
    const resource = asString(check.resource);
    collector.add({
        tool: 'Checkov',
        equivalentsKey: 'checkov',
        ruleId: id,
        ruleName: asString(check.check_name),
        helpUri: asString(check.guideline),
        severity: toolSeverity(check.severity),
        message: `${asString(check.check_name) ?? id}${resource ? ` (${resource})` : ''}`,
        file: file?.replace(/^\/+/, ''),
        startLine: range[0],
        endLine: range[1],
        properties: checkType ? { checkType } : undefined
    });
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/hadolint.ts


/** hadolint levels: error, warning, info and style. */
const LEVELS = { error: 'high', warning: 'medium', info: 'low', style: 'info' };
function isHadolintReport(document) {
    const first = asObject(Array.isArray(document) ? document[0] : undefined);
    return first !== undefined && 'code' in first && 'level' in first && 'file' in first;
}
/** Reads `hadolint -f json` output: a list of {file, line, column, code, level, message}. Windows paths are accepted. */
function readHadolintReport(document, label, workspace) {
    const collector = new FindingCollector(label, workspace);
    for (const [index, entry] of document.entries()) {
        const item = asObject(entry);
        if (!item) {
            throw new src/* ReportError */.$g(label, `entry ${index} is not an object; expected a hadolint result`);
        }
        const code = asString(item.code) ?? 'unknown-rule';
        collector.add({
            tool: 'hadolint',
            equivalentsKey: 'hadolint',
            ruleId: code,
            helpUri: /^DL\d+$/.test(code) ? `https://github.com/hadolint/hadolint/wiki/${code}` : undefined,
            severity: LEVELS[asString(item.level) ?? ''] ?? 'medium',
            message: asString(item.message) ?? code,
            file: asString(item.file),
            startLine: asNumber(item.line),
            startColumn: asNumber(item.column)
        });
    }
    return collector.result('hadolint');
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/kics.ts

function isKicsReport(document) {
    const object = asObject(document);
    return object !== undefined && 'queries' in object && ('kics_version' in object || 'total_counter' in object || 'queries_total' in object);
}
/** Reads KICS JSON: one finding per file entry of each query, with the query's CWE when given. */
function readKicsReport(document, label, workspace) {
    const collector = new FindingCollector(label, workspace);
    for (const entry of requireArray(asObject(document).queries, label, '"queries"')) {
        const query = asObject(entry) ?? {};
        const id = asString(query.query_id) ?? 'unknown-query';
        const cwe = asString(query.cwe) ?? (asNumber(query.cwe) !== undefined ? String(query.cwe) : undefined);
        for (const fileEntry of requireArray(query.files, label, `query ${id} "files"`)) {
            const file = asObject(fileEntry) ?? {};
            collector.add({
                tool: 'KICS',
                equivalentsKey: 'kics',
                ruleId: id,
                ruleName: asString(query.query_name),
                helpUri: asString(query.query_url),
                severity: toolSeverity(query.severity),
                message: `${asString(query.query_name) ?? id}: ${asString(file.actual_value) || asString(query.description) || ''}`.replace(/: $/, ''),
                file: asString(file.file_name),
                startLine: asNumber(file.line),
                cwes: cwe ? [`CWE-${cwe}`] : [],
                properties: { searchKey: asString(file.search_key) }
            });
        }
    }
    return collector.result('kics');
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/terrascan.ts


function isTerrascanReport(document) {
    const results = asObject(asObject(document)?.results);
    return results !== undefined && 'violations' in results && 'scan_summary' in results;
}
/**
 * Reads Terrascan JSON. Paths are `plan_root` joined with `file`. Scan errors (such as "no
 * helm charts found") are kept as warnings, because Terrascan reports every IaC type it did not find.
 */
function readTerrascanReport(document, label, workspace) {
    const results = asObject(asObject(document).results);
    const collector = new FindingCollector(label, workspace);
    for (const entry of requireArray(results.violations, label, '"results.violations"')) {
        const violation = asObject(entry) ?? {};
        const id = asString(violation.rule_id) ?? 'unknown-rule';
        const file = asString(violation.file);
        const root = asString(violation.plan_root) ?? '.';
        collector.add({
            tool: 'Terrascan',
            equivalentsKey: 'terrascan',
            ruleId: id,
            ruleName: asString(violation.rule_name),
            severity: toolSeverity(violation.severity),
            message: `${asString(violation.description) ?? id} (${asString(violation.resource_type) ?? ''}.${asString(violation.resource_name) ?? ''})`,
            file: file === undefined ? undefined : external_node_path_default().posix.join(root.replace(/\\/g, '/'), file.replace(/\\/g, '/')),
            startLine: asNumber(violation.line)
        });
    }
    for (const entry of requireArray(results.scan_errors, label, '"results.scan_errors"')) {
        const error = asObject(entry) ?? {};
        collector.warnings.push(`${label}: Terrascan could not scan ${asString(error.iac_type) ?? 'an IaC type'} in ${asString(error.directory) ?? '.'}: ${asString(error.errMsg) ?? 'no message'}`);
    }
    return collector.result('terrascan');
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/tfsec.ts

function isTfsecReport(document) {
    const object = asObject(document);
    // tfsec writes an object with `results` alone. Terrascan's `results` is an object, and its check runs first.
    return object !== undefined && 'results' in object && Object.keys(object).every((key) => key === 'results');
}
/**
 * Reads tfsec JSON, current (`status: "failed"`) and legacy (`passed: false`). Results that
 * passed, which tfsec lists with --include-passed, are skipped. Severities ERROR and WARNING
 * of the legacy format are read as high and medium.
 */
function readTfsecReport(document, label, workspace) {
    const collector = new FindingCollector(label, workspace);
    for (const entry of requireArray(asObject(document).results, label, '"results"')) {
        const result = asObject(entry) ?? {};
        if (result.status === 'passed' || result.passed === true) {
            continue;
        }
        const location = asObject(result.location) ?? {};
        const id = asString(result.long_id) ?? asString(result.rule_id) ?? 'unknown-rule';
        collector.add({
            tool: 'tfsec',
            equivalentsKey: 'tfsec',
            ruleId: id,
            ruleName: asString(result.rule_description),
            helpUri: asString(result.links?.[0]) ?? asString(result.link)?.replace(/^See (\S+).*$/, '$1'),
            severity: toolSeverity(result.severity),
            message: asString(result.description) ?? id,
            file: asString(location.filename),
            startLine: asNumber(location.start_line),
            endLine: asNumber(location.end_line),
            properties: asString(result.legacy_rule_id) ? { legacyRuleId: result.legacy_rule_id } : undefined
        });
    }
    return collector.result('tfsec');
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/trivy-operator.ts

/** Report kinds of the Trivy Operator that carry configuration checks. */
const AUDIT_KINDS = ['ConfigAuditReport', 'ClusterConfigAuditReport', 'RbacAssessmentReport', 'ClusterRbacAssessmentReport', 'InfraAssessmentReport', 'ClusterInfraAssessmentReport'];
const OPERATOR_KINDS = [...AUDIT_KINDS, 'VulnerabilityReport', 'ExposedSecretReport', 'ClusterComplianceReport', 'SbomReport', 'ClusterSbomReport', 'ClusterVulnerabilityReport'];
/** True for Trivy Operator custom resources: one report, a list, `kubectl get -o json` items, or a dict keyed by resource type. */
function isTrivyOperatorReport(document) {
    return reports(document) !== undefined;
}
function reports(document) {
    const isReport = (value) => OPERATOR_KINDS.includes(asString(asObject(value)?.kind) ?? '');
    if (Array.isArray(document)) {
        return document.length > 0 && document.every(isReport) ? document.map((item) => item) : undefined;
    }
    const object = asObject(document);
    if (!object) {
        return undefined;
    }
    if (isReport(object)) {
        return [object];
    }
    if (Array.isArray(object.items) && object.items.every(isReport)) {
        return object.items;
    }
    const keys = Object.keys(object);
    if (keys.length > 0 && keys.every((key) => key.endsWith('.aquasecurity.github.io'))) {
        return keys.flatMap((key) => asArray(object[key]).filter(isReport));
    }
    return undefined;
}
/**
 * Reads the failed checks of Trivy Operator audit reports (config, RBAC and infra
 * assessments). They describe objects in a cluster, not files, so findings have no location
 * and name the object in the message. Vulnerability, secret, SBOM and compliance reports give
 * no IaC findings.
 */
function readTrivyOperatorReport(document, label, workspace) {
    const collector = new FindingCollector(label, workspace);
    for (const report of reports(document) ?? []) {
        if (!AUDIT_KINDS.includes(asString(report.kind) ?? '')) {
            continue;
        }
        const labels = asObject(asObject(report.metadata)?.labels) ?? {};
        const object = [labels['trivy-operator.resource.namespace'], labels['trivy-operator.resource.kind'], labels['trivy-operator.resource.name']].filter((part) => typeof part === 'string').join('/');
        for (const entry of asArray(asObject(report.report)?.checks)) {
            const check = asObject(entry) ?? {};
            if (check.success !== false) {
                continue;
            }
            const id = asString(check.checkID) ?? 'unknown-check';
            const messages = asArray(check.messages).filter((message) => typeof message === 'string');
            collector.add({
                tool: 'Trivy Operator',
                equivalentsKey: 'trivy',
                ruleId: id,
                ruleName: asString(check.title),
                severity: toolSeverity(check.severity),
                message: `${messages[0] ?? asString(check.title) ?? id}${object ? ` (${object})` : ''}`
            });
        }
    }
    return collector.result('trivy-operator');
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/trivy.ts

/** True for Trivy JSON: schema 2 (`Results`), a cluster report (`ClusterName`), the legacy bare list or `null`, or a k8s summary. */
function isTrivyReport(document) {
    if (document === null) {
        return true;
    }
    if (Array.isArray(document)) {
        const first = asObject(document[0]);
        return document.length === 0 || (first !== undefined && ('Target' in first || 'Vulnerabilities' in first));
    }
    const object = asObject(document);
    return object !== undefined && ('SchemaVersion' in object || 'Results' in object || 'ArtifactName' in object || 'ClusterName' in object || ('misconfigurations' in object && 'vulnerabilities' in object));
}
/**
 * Reads the misconfigurations of a Trivy JSON report. Results of other classes
 * (vulnerabilities, secrets, licenses) belong to the container and secrets scanners and give
 * nothing here; so a vulnerability-only report, and the legacy format (which predates
 * misconfiguration scanning), give zero findings. Only misconfigurations with status FAIL
 * (or no status) count. Cluster reports name Kubernetes objects, not files, so their findings
 * have no location and the object is in the message. The `--report summary` form lists check
 * ids without objects; it gives no findings and one warning.
 */
function readTrivyReport(document, label, workspace, base = workspace) {
    const collector = new FindingCollector(label, workspace, base);
    const object = asObject(document);
    if (!object) {
        return collector.result('trivy');
    }
    if ('misconfigurations' in object && 'vulnerabilities' in object && !('Results' in object)) {
        const ids = asArray(object.misconfigurations);
        if (ids.length > 0) {
            collector.warnings.push(`${label}: a summary-only Trivy report lists ${ids.length} misconfiguration id(s) without files or objects; no findings were read from it`);
        }
        return collector.result('trivy');
    }
    for (const result of requireArray(object.Results, label, '"Results"')) {
        addResult(collector, asObject(result) ?? {}, undefined);
    }
    const resources = [...requireArray(object.Misconfigurations, label, '"Misconfigurations"'), ...requireArray(object.Resources, label, '"Resources"')];
    for (const entry of resources) {
        const resource = asObject(entry) ?? {};
        const name = [asString(resource.Namespace), asString(resource.Kind), asString(resource.Name)].filter(Boolean).join('/');
        for (const result of asArray(resource.Results)) {
            addResult(collector, asObject(result) ?? {}, name);
        }
    }
    return collector.result('trivy');
}
function addResult(collector, result, clusterObject) {
    const target = asString(result.Target);
    for (const entry of asArray(result.Misconfigurations)) {
        const misconfiguration = asObject(entry) ?? {};
        const status = asString(misconfiguration.Status);
        if (status !== undefined && status !== 'FAIL') {
            continue;
        }
        const cause = asObject(misconfiguration.CauseMetadata) ?? {};
        const id = asString(misconfiguration.AVDID) ?? asString(misconfiguration.ID) ?? 'unknown-check';
        const shortId = asString(misconfiguration.ID) ?? id;
        const equivalentsId = /^(KSV|DS)\d+$/.test(shortId) ? shortId : id.startsWith('AVD-') ? id : `AVD-${id}`;
        collector.add({
            tool: 'Trivy',
            equivalentsKey: 'trivy',
            ruleId: equivalentsId,
            ruleName: asString(misconfiguration.Title),
            helpUri: asString(misconfiguration.PrimaryURL),
            severity: toolSeverity(misconfiguration.Severity),
            message: `${asString(misconfiguration.Message) ?? asString(misconfiguration.Title) ?? id}${clusterObject ? ` (${clusterObject})` : ''}`,
            file: clusterObject === undefined ? target : undefined,
            startLine: asNumber(cause.StartLine),
            endLine: asNumber(cause.EndLine),
            properties: asString(cause.Resource) ? { resource: cause.Resource } : undefined
        });
    }
}

;// CONCATENATED MODULE: ./packages/iac/src/reports/index.ts









/** Largest report file read. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** Formats in the order they are tried; the first whose shape matches reads the file. */
const FORMATS = [
    { name: 'checkov', matches: isCheckovReport, read: readCheckovReport },
    { name: 'kics', matches: isKicsReport, read: readKicsReport },
    { name: 'terrascan', matches: isTerrascanReport, read: readTerrascanReport },
    { name: 'tfsec', matches: isTfsecReport, read: readTfsecReport },
    { name: 'trivy-operator', matches: isTrivyOperatorReport, read: readTrivyOperatorReport },
    { name: 'hadolint', matches: isHadolintReport, read: readHadolintReport },
    { name: 'trivy', matches: isTrivyReport, read: readTrivyReport }
];
/**
 * Reads an IaC report file in any supported format, recognized by its shape: Checkov, KICS
 * (JSON, or SARIF like every SARIF file), Terrascan, tfsec, Trivy, Trivy Operator and
 * hadolint JSON. Throws ReportError naming the file when it cannot be read or has no known shape.
 */
function readIacReportFile(file, workspace, label = file) {
    let text;
    try {
        const size = (0,external_node_fs_.statSync)(file).size;
        if (size > MAX_REPORT_BYTES) {
            throw new src/* ReportError */.$g(label, `is ${size} bytes, more than the ${MAX_REPORT_BYTES / (1024 * 1024)} MiB limit for a report`);
        }
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof src/* ReportError */.$g) {
            throw error;
        }
        throw new src/* ReportError */.$g(label, `cannot be read: ${error.message}`);
    }
    return parseIacReport(text, label, workspace);
}
function parseIacReport(text, label, workspace) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') {
        throw new src/* ReportError */.$g(label, 'is empty; expected a JSON or SARIF report');
    }
    const document = (0,src/* parseJsonText */.lk)(body, label);
    const object = document !== null && typeof document === 'object' && !Array.isArray(document) ? document : undefined;
    if (object && 'runs' in object && ('version' in object || '$schema' in object)) {
        const sarif = (0,src/* parseSarif */.r1)(body, label, { workspace });
        return { format: 'sarif', findings: sarif.findings.map((finding) => ({ ...finding, category: 'iac' })), warnings: sarif.warnings };
    }
    const format = FORMATS.find((candidate) => candidate.matches(document));
    if (!format) {
        throw new src/* ReportError */.$g(label, 'is not a known IaC report; expected Checkov, tfsec, KICS, Terrascan, Trivy, Trivy Operator or hadolint JSON, or SARIF');
    }
    return format.read(document, label, workspace);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./packages/tools/src/index.ts + 9 modules
var tools_src = __webpack_require__(57129);
;// CONCATENATED MODULE: ./packages/iac/src/tool-runners.ts









/** Returns the arguments of each tool, given the folder to scan and a scratch folder for output files. */
function engineArguments(engine, target, outputDir) {
    switch (engine) {
        case 'checkov':
            return ['--directory', target, '--output', 'json', '--soft-fail', '--quiet', '--skip-download'];
        case 'tfsec':
            return [target, '--format', 'json', '--no-colour', '--soft-fail'];
        case 'trivy':
            return ['config', '--format', 'json', '--quiet', '--exit-code', '0', target];
        case 'kics':
            return ['scan', '--path', target, '--output-path', outputDir, '--report-formats', 'json', '--no-progress', '--ignore-on-exit', 'results', '--disable-secrets'];
    }
}
/**
 * Runs checkov, tfsec, trivy (config scanning) or kics on the target and reads its JSON
 * report. The executable is `options.executable`, else the tool on PATH, else the pinned
 * version from the tools manifest, downloaded and checked against its sha256 (checkov with pip).
 * Throws ToolError or ReportError naming the tool when it fails.
 */
async function runExternalEngine(engine, options) {
    const name = engine;
    const executable = options.executable ?? (await (0,tools_src/* findOnPath */.aY)(name)) ?? (await install(name, options));
    const outputDir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), `devsecops-${name}-`));
    try {
        const result = await (0,tools_src/* runTool */.qI)({
            command: executable,
            args: engineArguments(name, options.target, outputDir),
            cwd: options.workspace,
            env: options.env,
            timeoutMs: options.timeoutMs,
            logger: options.logger
        });
        (0,tools_src/* checkExitCode */.qR)(name, result);
        const text = name === 'kics' ? (0,external_node_fs_.readFileSync)(external_node_path_default().join(outputDir, 'results.json'), 'utf8') : result.stdout;
        const label = `${name} output`;
        const document = (0,src/* parseJsonText */.lk)(text, label);
        const report = readEngineReport(name, document, label, options);
        for (const warning of report.warnings) {
            options.logger.warning(warning);
        }
        return report.findings;
    }
    finally {
        (0,external_node_fs_.rmSync)(outputDir, { recursive: true, force: true });
    }
}
function readEngineReport(engine, document, label, options) {
    switch (engine) {
        case 'checkov':
            return readCheckovReport(document, label, options.workspace);
        case 'tfsec':
            return readTfsecReport(document, label, options.workspace);
        case 'trivy':
            // Trivy names files relative to the folder it scanned.
            return readTrivyReport(document, label, options.workspace, options.target);
        case 'kics':
            return readKicsReport(document, label, options.workspace);
    }
}
async function install(engine, options) {
    switch (engine) {
        case 'checkov':
            return (0,tools_src/* installPipTool */.be)(tools_src/* TOOLS */.It.checkov, { logger: options.logger, cacheDir: options.cacheDir });
        case 'tfsec':
        case 'trivy':
        case 'kics':
            return (0,tools_src/* installBinaryTool */.bE)(tools_src/* TOOLS */.It[engine], { logger: options.logger, cacheDir: options.cacheDir });
        default:
            throw new tools_src/* ToolError */.v4(engine, `"${engine}" is not an external IaC engine`);
    }
}

;// CONCATENATED MODULE: ./packages/iac/src/scanner.ts






/**
 * The IaC scanner: the built-in policies by default, external tools when `engines` names
 * them, and reports that other steps wrote (`report-files`). Findings of a tool check that
 * is equivalent to a built-in policy at the same place are merged into the built-in one.
 */
const iacScanner = {
    category: 'iac',
    engines: [...IAC_ENGINES],
    scan: scanIac
};
async function scanIac(options) {
    const settings = resolveIacSettings(options);
    const findings = [];
    const errors = [];
    const warnings = [];
    const stats = {};
    const engines = [];
    if (settings.engines.includes('builtin')) {
        let files = 0;
        let bytes = 0;
        const builtin = runBuiltinPolicies({
            workspace: options.workspace,
            target: options.target,
            frameworks: settings.frameworks,
            exclude: settings.exclude,
            skipPolicies: settings.skipPolicies,
            logger: options.logger,
            onFile: (file, size) => {
                files += 1;
                bytes += size;
                options.onProgress?.({ files, bytes, current: file.path });
            }
        });
        findings.push(...builtin.findings);
        warnings.push(...builtin.notices.map((notice) => `${notice.path}:${notice.line}:${notice.column}: ${notice.message}`));
        Object.assign(stats, { files: Object.values(builtin.files).reduce((sum, count) => sum + count, 0), bytes: builtin.bytes, unparsable: builtin.notices.length });
        for (const [platform, count] of Object.entries(builtin.files)) {
            stats[`${platform}Files`] = count;
        }
        engines.push('builtin');
    }
    for (const engine of settings.engines.filter((name) => name !== 'builtin')) {
        try {
            findings.push(...(await runExternalEngine(engine, { workspace: options.workspace, target: options.target, logger: options.logger, timeoutMs: settings.timeoutMs, signal: options.signal })));
            engines.push(engine);
        }
        catch (error) {
            errors.push({ file: engine, message: error instanceof Error ? error.message : String(error) });
        }
    }
    for (const file of options.reportFiles ?? []) {
        try {
            const report = readIacReportFile(file, options.workspace);
            findings.push(...report.findings);
            warnings.push(...report.warnings);
            engines.push(`report:${report.format}`);
        }
        catch (error) {
            if (error instanceof src/* ReportError */.$g) {
                errors.push({ file: error.file, message: error.detail });
            }
            else {
                throw error;
            }
        }
    }
    const merged = mergeEquivalentFindings(findings);
    stats.merged = findings.length - merged.length;
    return { findings: merged, errors, warnings, stats, engines };
}

;// CONCATENATED MODULE: ./packages/iac/src/policy-doc.ts


const SECTIONS = [
    { platform: 'terraform', title: 'Terraform' },
    { platform: 'kubernetes', title: 'Kubernetes' },
    { platform: 'dockerfile', title: 'Dockerfile' },
    { platform: 'github-actions', title: 'GitHub Actions workflows and actions' }
];
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function row(policy) {
    const controls = policyControls(policy).map((control) => `\`${control}\``).join('<br>');
    return `| \`${policy.id}\` | ${policy.severity} | ${cell(policy.title)}: ${cell(policy.description)} | ${cell(policy.remediation)} | ${policy.cwes.join(', ')} | ${controls} |`;
}
/** Renders docs/iac-policies.md from the policy definitions. */
function renderPolicyDoc(policies = ALL_POLICIES) {
    const lines = [
        '# Built-in IaC policies',
        '',
        '<!-- Generated from packages/iac/src by scripts/rule-docs.mjs; edit the policy definitions instead. -->',
        '',
        `The iac action and \`devsecops scan --only iac\` run these ${policies.length} policies by default (engine \`builtin\`).`,
        'Each finding is reported at the attribute or block at fault, or at the block where a required setting is missing.',
        'Controls are NIST CSF 2.0 subcategories, SOC 2 Trust Services Criteria and CIS Controls v8 safeguards.',
        '',
        'Suppress a finding with `devsecops-ignore <policy-id>: <reason>` on its line or the line above, or with the',
        'comments of other tools: `checkov:skip=<id>:<reason>`, `tfsec:ignore:<id>`, `trivy:ignore:<id>`,',
        '`kics-scan ignore-line` and `kics-scan ignore-block`, where `<id>` is the policy id or an equivalent check id of that tool.',
        ''
    ];
    for (const section of SECTIONS) {
        const selected = policies.filter((policy) => policy.platform === section.platform);
        if (selected.length === 0) {
            continue;
        }
        lines.push(`## ${section.title}`, '', '| id | severity | what it checks | how to fix it | CWE | controls |', '| --- | --- | --- | --- | --- | --- |');
        lines.push(...selected.map(row), '');
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/iac/src/index.ts


















/***/ })

};
