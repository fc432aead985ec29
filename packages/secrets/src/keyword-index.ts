/**
 * An Aho-Corasick automaton over bytes, with ASCII letters folded to lower case, compiled
 * into a dense transition table. One pass over a file's bytes returns every keyword that
 * occurs in it, whatever the number of keywords, so the cost of the pre-filter does not grow
 * with the number of rules.
 */
export class KeywordIndex {
  private readonly transitions: Int32Array;
  /** For each state, the keyword ids that end there (after following output links). */
  private readonly outputs: Array<number[] | undefined>;
  readonly keywords: readonly string[];

  constructor(keywords: Iterable<string>) {
    this.keywords = [...new Set([...keywords].map((keyword) => keyword.toLowerCase()))].filter((keyword) => keyword !== '');
    const goto: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];

    this.keywords.forEach((keyword, id) => {
      let state = 0;
      for (const byte of Buffer.from(keyword, 'utf8')) {
        let next = goto[state]!.get(byte);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          outputs.push([]);
          goto[state]!.set(byte, next);
        }
        state = next;
      }
      outputs[state]!.push(id);
    });

    // Breadth-first construction: a state's failure link points to a shallower state, whose
    // transitions and outputs are complete by the time the state is dequeued.
    const stateCount = goto.length;
    const transitions = new Int32Array(stateCount * 256);
    const failure = new Int32Array(stateCount);
    const queued = new Uint8Array(stateCount);
    const queue: number[] = [];
    for (let byte = 0; byte < 256; byte++) {
      const next = goto[0]!.get(foldByte(byte)) ?? 0;
      transitions[byte] = next;
      if (next !== 0 && queued[next] === 0) {
        queued[next] = 1;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[failure[state]!]!);
      for (let byte = 0; byte < 256; byte++) {
        const fallback = transitions[failure[state]! * 256 + byte]!;
        const next = goto[state]!.get(foldByte(byte));
        if (next === undefined) {
          transitions[state * 256 + byte] = fallback;
          continue;
        }
        transitions[state * 256 + byte] = next;
        if (queued[next] === 0) {
          queued[next] = 1;
          failure[next] = fallback;
          queue.push(next);
        }
      }
    }
    this.transitions = transitions;
    this.outputs = outputs.map((list) => (list.length > 0 ? [...new Set(list)] : undefined));
  }

  /** Returns the ids (indexes into `keywords`) of the keywords that occur in `bytes`. */
  search(bytes: Uint8Array): Set<number> {
    const found = new Set<number>();
    const transitions = this.transitions;
    const outputs = this.outputs;
    let state = 0;
    for (let index = 0; index < bytes.length; index++) {
      state = transitions[(state << 8) | bytes[index]!]!;
      const ids = outputs[state];
      if (ids !== undefined) {
        for (const id of ids) {
          found.add(id);
        }
      }
    }
    return found;
  }

  /** Like `search`, and records the lines on which each keyword occurs. */
  searchLines(bytes: Uint8Array): KeywordLines {
    const lines: KeywordLines = new Map();
    const transitions = this.transitions;
    const outputs = this.outputs;
    let state = 0;
    let lineStart = 0;
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index]!;
      state = transitions[(state << 8) | byte]!;
      const ids = outputs[state];
      if (ids !== undefined) {
        for (const id of ids) {
          const list = lines.get(id);
          if (list === undefined) {
            lines.set(id, [lineStart]);
          } else if (list[list.length - 1] !== lineStart) {
            list.push(lineStart);
          }
        }
      }
      if (byte === 10) {
        lineStart = index + 1;
      }
    }
    return lines;
  }
}

/**
 * Start offsets of the lines containing a keyword, per keyword id, each list ascending and without
 * repeats; a keyword's line is the line where the keyword ends.
 */
export type KeywordLines = Map<number, number[]>;

function foldByte(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
