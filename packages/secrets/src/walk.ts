import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';

import ignore, { type Ignore } from 'ignore';

/** Bytes inspected for a NUL byte to tell binary files from text, as git does. */
const BINARY_PROBE_BYTES = 8000;

export interface WalkOptions {
  /** Repository root: `.gitignore` files and paths are taken relative to it. */
  workspace: string;
  /** Folder or file to scan, inside the workspace. */
  target: string;
  /** Files larger than this are skipped, in bytes. */
  maxFileBytes: number;
  /** Extra exclusions in .gitignore syntax, relative to the workspace. */
  exclude?: string[];
  /** Returns true for a repository-relative path to leave out, such as a gitleaks path allowlist. */
  skipPath?: (repoPath: string) => boolean;
}

export interface WalkStats {
  files: number;
  bytes: number;
  skippedBinary: number;
  skippedLarge: number;
  skippedIgnored: number;
}

export interface WalkedFile {
  repoPath: string;
  content: Buffer;
}

interface IgnoreScope {
  /** Repository-relative folder of the .gitignore, '' at the root. */
  base: string;
  rules: Ignore;
}

/**
 * Yields the text files under the target with their content, honouring every `.gitignore`
 * from the workspace root down (with git's pattern rules, through the `ignore` package) and
 * skipping `.git`, symbolic links, binary files and files over the size limit. `stats`
 * counts what was read and what was skipped, by reason.
 */
export function* walkFiles(options: WalkOptions, stats: WalkStats): Generator<WalkedFile> {
  const root = path.resolve(options.workspace);
  const scopes: IgnoreScope[] = [];
  if (options.exclude && options.exclude.length > 0) {
    scopes.push({ base: '', rules: ignore().add(options.exclude) });
  }

  const target = path.resolve(options.target);
  const relativeTarget = path.relative(root, target).split(path.sep).join('/');
  // .gitignore files in the folders above the target apply to it too.
  const parts = relativeTarget === '' ? [] : relativeTarget.split('/');
  for (let depth = 0; depth < parts.length; depth++) {
    addIgnoreFile(scopes, root, parts.slice(0, depth).join('/'));
  }

  const start = lstatSync(target, { throwIfNoEntry: false });
  if (start?.isFile()) {
    const file = readCandidate(root, relativeTarget, start.size, options, stats);
    if (file) {
      yield file;
    }
    return;
  }
  yield* walkFolder(root, relativeTarget, scopes, options, stats);
}

function* walkFolder(root: string, folder: string, parentScopes: IgnoreScope[], options: WalkOptions, stats: WalkStats): Generator<WalkedFile> {
  const scopes = [...parentScopes];
  addIgnoreFile(scopes, root, folder);
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const repoPath = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name === '.git' || isIgnored(scopes, repoPath, true)) {
        stats.skippedIgnored++;
        continue;
      }
      yield* walkFolder(root, repoPath, scopes, options, stats);
      continue;
    }
    if (!entry.isFile()) {
      continue;
    }
    if (isIgnored(scopes, repoPath, false) || options.skipPath?.(repoPath)) {
      stats.skippedIgnored++;
      continue;
    }
    const file = readCandidate(root, repoPath, undefined, options, stats);
    if (file) {
      yield file;
    }
  }
}

/**
 * Reads a file with one open: its size from the open descriptor (or `knownSize`), then the
 * whole content, which is dropped when a NUL byte occurs in its first bytes.
 */
function readCandidate(root: string, repoPath: string, knownSize: number | undefined, options: WalkOptions, stats: WalkStats): WalkedFile | undefined {
  const absolute = path.join(root, repoPath);
  const fd = openSync(absolute, 'r');
  let content: Buffer;
  try {
    const size = knownSize ?? fstatSync(fd).size;
    if (size > options.maxFileBytes) {
      stats.skippedLarge++;
      return undefined;
    }
    content = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, content, filled, size - filled, filled);
      if (read === 0) {
        break;
      }
      filled += read;
    }
    if (filled < size) {
      content = content.subarray(0, filled);
    }
  } finally {
    closeSync(fd);
  }
  if (content.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
    stats.skippedBinary++;
    return undefined;
  }
  stats.files++;
  stats.bytes += content.length;
  return { repoPath, content };
}

function addIgnoreFile(scopes: IgnoreScope[], root: string, folder: string): void {
  let text: string;
  try {
    text = readFileSync(path.join(root, folder, '.gitignore'), 'utf8');
  } catch {
    return;
  }
  scopes.push({ base: folder, rules: ignore().add(text) });
}

function isIgnored(scopes: IgnoreScope[], repoPath: string, directory: boolean): boolean {
  for (const scope of scopes) {
    const relative = scope.base === '' ? repoPath : repoPath.startsWith(`${scope.base}/`) ? repoPath.slice(scope.base.length + 1) : undefined;
    if (relative !== undefined && scope.rules.ignores(directory ? `${relative}/` : relative)) {
      return true;
    }
  }
  return false;
}
