import { spawn } from 'node:child_process';

import { ConfigurationError } from '@devsecops/core';

/** Lines a commit added to one file, as the detector scans them. */
export interface AddedLines {
  /** Undefined for staged changes. */
  commit?: string;
  /** Repository-relative path in the new version. */
  path: string;
  lines: string[];
  /** File line number of each entry of `lines`. */
  lineNumbers: number[];
}

/** Marks the start of a commit in `git log` output; no diff line can start with this byte. */
const COMMIT_MARK = '\u001ecommit ';

/** Options that keep git's output parseable whatever the user's git config says. */
const GIT_CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'color.ui=false'];
// --text, because a repository's .gitattributes could mark files `-diff` so that git prints
// "Binary files differ" instead of their lines. Binary content is scanned as text too.
const DIFF_OPTIONS = ['-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--text'];

/**
 * Returns the arguments of `git log` for the commits in `range` (`base..head`, or one commit
 * and its ancestors). `--cc` shows a merge commit's lines that match none of its parents, so a
 * secret added while resolving a merge is found. Lines a merge takes from a parent are not
 * repeated.
 */
export function gitLogArguments(range: string): string[] {
  return [...GIT_CONFIG, 'log', '-p', '--cc', ...DIFF_OPTIONS, `--format=${COMMIT_MARK}%H`, range, '--'];
}

export function gitStagedArguments(): string[] {
  return [...GIT_CONFIG, 'diff', '--cached', ...DIFF_OPTIONS, '--'];
}

/**
 * Runs git once and yields the added lines of every file of every commit, streaming: one
 * `git log -p` process for the whole range, never one per commit. Throws a
 * ConfigurationError with git's message when git fails, for example on an unknown
 * revision in a shallow clone.
 */
export async function* streamAddedLines(args: string[], cwd: string, signal?: AbortSignal): AsyncGenerator<AddedLines> {
  const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });

  const parser = new DiffParser();
  for await (const line of splitLines(child.stdout)) {
    const done = parser.push(line);
    if (done) {
      yield done;
    }
  }
  const last = parser.flush();
  if (last) {
    yield last;
  }

  const code = await exited;
  if (code !== 0) {
    const command = args.find((arg, index) => args[index - 1] !== '-c' && arg !== '-c') ?? 'git';
    throw new ConfigurationError(`git ${command} failed with exit code ${code}: ${stderr.trim() || 'no message'}. In a shallow clone, check out with fetch-depth: 0.`);
  }
}

/**
 * Yields the lines of a stream split at line feeds only, without a CR before the line feed.
 * readline also splits at a lone CR, which would cut a line of a file with CR line endings
 * from its '+' and let file content start a fake 'diff --git' line.
 */
async function* splitLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let feed = text.indexOf('\n'); feed !== -1; feed = text.indexOf('\n', start)) {
      yield text.slice(start, feed > start && text[feed - 1] === '\r' ? feed - 1 : feed);
      start = feed + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') {
    yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
  }
}

/** Parses unified diff output with zero context lines, one line at a time. */
export class DiffParser {
  private commit: string | undefined;
  private current: AddedLines | undefined;
  private inHunk = false;
  private nextLine = 0;
  /** Columns of the line prefix: 1 in a diff, the number of parents in a merge's combined diff. */
  private prefixWidth = 1;

  /** Feeds one line; returns the previous file's added lines when this line ends them. */
  push(line: string): AddedLines | undefined {
    if (line.startsWith(COMMIT_MARK)) {
      const done = this.flush();
      this.commit = line.slice(COMMIT_MARK.length).trim();
      return done;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      const done = this.flush();
      this.current = { commit: this.commit, path: '', lines: [], lineNumbers: [] };
      this.inHunk = false;
      return done;
    }
    if (!this.current) {
      return undefined;
    }
    if (!this.inHunk) {
      if (line.startsWith('+++ ')) {
        const target = unquote(line.slice(4));
        this.current.path = target === '/dev/null' ? '' : target.replace(/^b\//, '');
      }
    }
    if (line.startsWith('@@')) {
      // "@@ -a,b +c,d @@" in a diff; "@@@ -a,b -c,d +e,f @@@" (one more @ per parent) in a combined diff.
      const header = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? \1/.exec(line);
      this.inHunk = header !== null;
      this.prefixWidth = header ? header[1]!.length - 1 : 1;
      this.nextLine = header ? Number(header[2]) : 0;
      return undefined;
    }
    if (!this.inHunk) {
      return undefined;
    }
    const prefix = line.slice(0, this.prefixWidth);
    // Removed lines are not in the new file; "\ No newline at end of file" is no line at all.
    if (prefix.includes('-') || line.startsWith('\\')) {
      return undefined;
    }
    // A line is new when every column is '+': added by the commit, or by a merge against all parents.
    if (/^\++$/.test(prefix)) {
      this.current.lines.push(line.slice(this.prefixWidth));
      this.current.lineNumbers.push(this.nextLine);
    }
    this.nextLine++;
    return undefined;
  }

  flush(): AddedLines | undefined {
    const done = this.current;
    this.current = undefined;
    this.inHunk = false;
    return done && done.path !== '' && done.lines.length > 0 ? done : undefined;
  }
}

/** Undoes git's C-style quoting of a path (`"b/na\303\257ve.txt"`). */
function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) {
    return text;
  }
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface EventRange {
  base?: string;
  head?: string;
}

const ZERO_SHA = /^0+$/;

/**
 * Returns the commit range of a GitHub event: base and head of a pull request, before and
 * after of a push. A push that creates a branch (before is all zeros) gives only `head`,
 * which scans the head commit's whole history.
 */
export function rangeFromEvent(eventName: string | undefined, payload: unknown): EventRange {
  const event = (payload ?? {}) as Record<string, any>;
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && event['pull_request']) {
    return { base: event['pull_request']?.base?.sha, head: event['pull_request']?.head?.sha };
  }
  if (eventName === 'push') {
    const before = typeof event['before'] === 'string' && !ZERO_SHA.test(event['before']) ? event['before'] : undefined;
    return { base: before, head: event['after'] };
  }
  return {};
}

/** Returns the `git log` revision argument for a range; a missing head means HEAD. */
export function revisionRange(range: EventRange): string {
  const head = range.head || 'HEAD';
  for (const revision of [range.base, head]) {
    if (revision !== undefined && !/^[A-Za-z0-9._/@^~{}-]+$/.test(revision)) {
      throw new ConfigurationError(`Invalid git revision "${revision}": expected a commit SHA, branch or tag name.`);
    }
    if (revision?.startsWith('-')) {
      throw new ConfigurationError(`Invalid git revision "${revision}": it must not start with "-".`);
    }
  }
  return range.base ? `${range.base}..${head}` : head;
}
