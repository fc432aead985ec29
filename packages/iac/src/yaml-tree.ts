import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';

/**
 * A YAML node with its position: the line and column of its key when it is a map value,
 * else of the node itself. Policies report at `line` and `column`.
 */
export interface YamlNode {
  line: number;
  column: number;
  /** Scalar value; undefined for maps and sequences. */
  value?: unknown;
  map?: Map<string, YamlNode>;
  items?: YamlNode[];
}

export interface YamlDocument {
  /** Index of the document in a multi-document file, from 0. */
  index: number;
  root: YamlNode | undefined;
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

/** Parses every document of a YAML stream, such as `helm template` output. Throws YamlSyntaxError on the first error. */
export function parseYamlDocuments(text: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [];
  const result: YamlDocument[] = [];
  for (const [index, document] of list.entries()) {
    const error = document.errors[0];
    if (error) {
      const position = lineCounter.linePos(error.pos[0]);
      throw new YamlSyntaxError(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), position.line, position.col);
    }
    result.push({ index, root: document.contents ? toNode(document.contents as Node, lineCounter, undefined) : undefined });
  }
  return result;
}

function toNode(node: Node, lineCounter: LineCounter, keyOffset: number | undefined): YamlNode {
  const position = lineCounter.linePos(keyOffset ?? node.range?.[0] ?? 0);
  const base = { line: position.line, column: position.col };
  if (isMap(node)) {
    const map = new Map<string, YamlNode>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyStart = (pair.key as Node | null)?.range?.[0];
      const value = pair.value as Node | null;
      map.set(key, value ? toNode(value, lineCounter, keyStart) : { line: lineCounter.linePos(keyStart ?? 0).line, column: lineCounter.linePos(keyStart ?? 0).col, value: null });
    }
    return { ...base, map };
  }
  if (isSeq(node)) {
    return { ...base, items: node.items.map((item) => toNode(item as Node, lineCounter, undefined)) };
  }
  if (isScalar(node)) {
    return { ...base, value: node.value };
  }
  if (isAlias(node)) {
    return { ...base, value: undefined };
  }
  return base;
}

/** Returns the child at a key path, or undefined. */
export function child(node: YamlNode | undefined, ...keys: string[]): YamlNode | undefined {
  let current = node;
  for (const key of keys) {
    current = current?.map?.get(key);
  }
  return current;
}

/** Returns the deepest node that exists along a key path: where a missing setting belongs. */
export function deepest(node: YamlNode, ...keys: string[]): YamlNode {
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
export function strings(node: YamlNode | undefined): string[] {
  if (!node) {
    return [];
  }
  if (node.items) {
    return node.items.filter((item) => item.value !== undefined && item.value !== null).map((item) => String(item.value));
  }
  return node.value !== undefined && node.value !== null ? [String(node.value)] : [];
}
