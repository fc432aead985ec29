import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';

import ignore, { type Ignore } from 'ignore';

import { isInsideWorkspace } from './workspace.js';

export interface TreeWalkOptions {
  /** Repository root: `.gitignore` files and paths are taken relative to it. */
  workspace: string;
  /** Folder or file to walk, inside the workspace. */
  target: string;
  /** Extra exclusions in .gitignore syntax, relative to the workspace. */
  exclude?: readonly string[];
  /** Returns true for a folder below the target to leave out by name, tested before the ignore rules. */
  skipFolder?: (name: string, repoPath: string) => boolean;
  /**
   * When true, a target folder that the `.gitignore` files above it exclude is walked under the
   * rules from the target down only, because naming the folder is a request to scan it.
   */
  walkIgnoredTarget?: boolean;
  /**
   * Repository-relative paths of the files git tracks (see `gitTrackedFiles`). They are walked
   * even where a `.gitignore` excludes them, as git does: committing a file with `git add -f`
   * must not hide it from a scan.
   */
  tracked?: ReadonlySet<string>;
}

/** Largest .gitignore read; a bigger one, or one that is not a regular file, is passed over. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/**
 * Returns the repository-relative paths git tracks in `workspace`, or undefined when it is not
 * a git work tree or git is not available.
 */
export function gitTrackedFiles(workspace: string): Set<string> | undefined {
  try {
    const output = execFileSync('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--full-name'], {
      cwd: workspace,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore']
    });
    const prefix = execFileSync('git', ['rev-parse', '--show-prefix'], { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // Paths are relative to the repository root; a workspace below the root keeps its own part.
    return new Set(
      output
        .split('\0')
        .filter((file) => file !== '' && file.startsWith(prefix))
        .map((file) => file.slice(prefix.length))
    );
  } catch {
    return undefined;
  }
}

/**
 * Entry met by `walkTree`, with its repository-relative path. `skippedFolder` is a folder that
 * `skipFolder` left out, and `unreadable` a folder that could not be listed.
 */
export type TreeEntry =
  | { kind: 'file'; repoPath: string }
  | { kind: 'git' | 'skippedFolder' | 'link'; repoPath: string }
  | { kind: 'ignored'; repoPath: string; directory: boolean }
  | { kind: 'unreadable'; repoPath: string; error: unknown }
  /** A file or folder whose name is not valid UTF-8: `repoPath` shows each bad byte as `\xNN`. */
  | { kind: 'badName'; repoPath: string };

interface IgnoreScope {
  /** Repository-relative folder of the .gitignore, '' at the root. */
  base: string;
  rules: Ignore;
}

/**
 * Yields the regular files under the target in name order, depth first, and every entry left
 * out on the way. Every `.gitignore` from the workspace root down applies, read by the `ignore`
 * package. A target that is a file is yielded without the rules.
 */
export function* walkTree(options: TreeWalkOptions): Generator<TreeEntry> {
  const root = path.resolve(options.workspace);
  const exclude: IgnoreScope[] = options.exclude && options.exclude.length > 0 ? [{ base: '', rules: ignore().add([...options.exclude]) }] : [];
  let scopes = [...exclude];

  const target = path.resolve(options.target);
  const relativeTarget = path.relative(root, target).split(path.sep).join('/');
  // .gitignore files in the folders above the target apply to it too.
  const parts = relativeTarget === '' ? [] : relativeTarget.split('/');
  for (let depth = 0; depth < parts.length; depth++) {
    addIgnoreFile(scopes, root, parts.slice(0, depth).join('/'));
  }
  if (options.walkIgnoredTarget && relativeTarget !== '' && isIgnored(scopes, relativeTarget, true)) {
    scopes = [...exclude];
  }

  const start = lstatSync(target, { throwIfNoEntry: false });
  if (start !== undefined && (start.isSymbolicLink() || !isInsideWorkspace(root, target))) {
    // A link as the target, or a target below a linked folder, could point out of the workspace:
    // it is reported, not followed.
    yield { kind: 'link', repoPath: relativeTarget };
    return;
  }
  if (start?.isFile()) {
    yield { kind: 'file', repoPath: relativeTarget };
    return;
  }
  yield* walkFolder(root, relativeTarget, scopes, { ...options, trackedFolders: trackedFolders(options.tracked) });
}

/** Collects the folders that contain a tracked file, at any depth. */
function trackedFolders(tracked: ReadonlySet<string> | undefined): Set<string> {
  const folders = new Set<string>();
  for (const file of tracked ?? []) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
      folders.add(file.slice(0, slash));
    }
  }
  return folders;
}

function* walkFolder(root: string, folder: string, parentScopes: IgnoreScope[], options: TreeWalkOptions & { trackedFolders: Set<string> }): Generator<TreeEntry> {
  const scopes = [...parentScopes];
  addIgnoreFile(scopes, root, folder);
  let raw: Dirent<Buffer>[];
  try {
    // Names as bytes: decoded as strings, two names that are not UTF-8 would both become the
    // name of a third file spelt with U+FFFD, and that file would be read in their place.
    raw = readdirSync(path.join(root, folder), { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    yield { kind: 'unreadable', repoPath: folder, error };
    return;
  }
  const entries = raw.map((entry) => ({ entry, name: entry.name.toString('utf8') }));
  entries.sort((a, b) => compareNames(a.name, b.name));

  for (const { entry, name } of entries) {
    if (!Buffer.from(name, 'utf8').equals(entry.name)) {
      const escapedName = [...entry.name].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
      yield { kind: 'badName', repoPath: folder === '' ? escapedName : `${folder}/${escapedName}` };
      continue;
    }
    const repoPath = folder === '' ? name : `${folder}/${name}`;
    if (entry.isSymbolicLink()) {
      yield { kind: 'link', repoPath };
    } else if (entry.isDirectory()) {
      if (name === '.git') {
        yield { kind: 'git', repoPath };
      } else if (options.skipFolder?.(name, repoPath)) {
        yield { kind: 'skippedFolder', repoPath };
      } else if (isIgnored(scopes, repoPath, true) && !options.trackedFolders.has(repoPath)) {
        yield { kind: 'ignored', repoPath, directory: true };
      } else {
        yield* walkFolder(root, repoPath, scopes, options);
      }
    } else if (entry.isFile() && isIgnored(scopes, repoPath, false) && !(options.tracked?.has(repoPath) ?? false)) {
      yield { kind: 'ignored', repoPath, directory: false };
    } else if (entry.isFile()) {
      yield { kind: 'file', repoPath };
    }
  }
}

/** Compares names by UTF-16 code units, so the order does not depend on the platform or locale. */
function compareNames(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function addIgnoreFile(scopes: IgnoreScope[], root: string, folder: string): void {
  const file = path.join(root, folder, '.gitignore');
  let text: string;
  try {
    // Only a regular file: a repository's .gitignore could be a link to /dev/zero.
    const stats = lstatSync(file);
    if (!stats.isFile() || stats.size > MAX_GITIGNORE_BYTES) {
      return;
    }
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  scopes.push({ base: folder, rules: ignore().add(text) });
}

// NOTE: a path is ignored when any scope ignores it, so a `!pattern` in a deeper .gitignore does
// not re-include what a parent .gitignore excludes, as git would. Patterns also ignore case.
function isIgnored(scopes: IgnoreScope[], repoPath: string, directory: boolean): boolean {
  for (const scope of scopes) {
    const relative = scope.base === '' ? repoPath : repoPath.startsWith(`${scope.base}/`) ? repoPath.slice(scope.base.length + 1) : undefined;
    if (relative !== undefined && scope.rules.ignores(directory ? `${relative}/` : relative)) {
      return true;
    }
  }
  return false;
}
