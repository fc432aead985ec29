import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Resolves `candidate` (absolute, or relative to `workspace`) and returns the
 * repository-relative path with forward slashes, or undefined when it lies outside the
 * workspace. Symbolic links are not followed here; `SourceCache` checks the real path
 * before it reads.
 */
export function toRepoPath(workspace: string, candidate: string): string | undefined {
  const root = path.resolve(workspace);
  const absolute = path.resolve(root, candidate);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split(path.sep).join('/');
}

/**
 * Returns the real path of `candidate` (absolute, or relative to `workspace`) when it and every
 * symbolic link on the way stay inside the workspace, else undefined. Throws when it does not exist.
 */
export function realPathInside(workspace: string, candidate: string): string | undefined {
  if (toRepoPath(workspace, candidate) === undefined) {
    return undefined;
  }
  const real = realpathSync(path.resolve(workspace, candidate));
  const relative = path.relative(realpathSync(path.resolve(workspace)), real);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? undefined : real;
}

/**
 * Returns true when the real path of `candidate` (absolute, or relative to `workspace`) is the
 * workspace or lies inside it, and false when it lies outside or does not exist.
 */
export function isInsideWorkspace(workspace: string, candidate: string): boolean {
  try {
    const relative = path.relative(realpathSync(path.resolve(workspace)), realpathSync(path.resolve(workspace, candidate)));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}

/** A file read from the workspace, or why it was not read. */
export type WorkspaceRead<T> = { content: T; problem?: undefined } | { content?: undefined; problem: string };

/**
 * Reads a file of the repository: only a regular file whose real path stays inside the
 * workspace, of at most `maxBytes`. `problem` is `missing` for a file that does not exist, else
 * a phrase saying why the file was not read.
 */
export function readWorkspaceBytes(workspace: string, candidate: string, maxBytes: number): WorkspaceRead<Buffer> {
  let real: string | undefined;
  try {
    real = realPathInside(workspace, candidate);
  } catch {
    return { problem: 'missing' };
  }
  if (real === undefined) {
    return { problem: `is outside the workspace ${workspace}, or a symbolic link that points out of it` };
  }
  const stats = statSync(real);
  if (!stats.isFile()) {
    return { problem: 'is not a regular file' };
  }
  if (stats.size > maxBytes) {
    return { problem: `is ${stats.size} bytes, more than the maximum of ${maxBytes}` };
  }
  const buffer = Buffer.alloc(stats.size);
  const fd = openSync(real, 'r');
  try {
    const read = readSync(fd, buffer, 0, stats.size, 0);
    return { content: buffer.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** Reads a UTF-8 file of the repository, such as a tool's config file, as `readWorkspaceBytes` does. */
export function readWorkspaceText(workspace: string, candidate: string, maxBytes: number): WorkspaceRead<string> {
  const read = readWorkspaceBytes(workspace, candidate, maxBytes);
  return read.content === undefined ? read : { content: read.content.toString('utf8') };
}

/** Largest source file the cache reads; bigger files are treated as unreadable. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
/** Most file content the cache keeps at once; the files read longest ago are dropped first. */
export const MAX_CACHED_BYTES = 128 * 1024 * 1024;

/**
 * Reads repository files line by line for fingerprints and inline suppressions. Every
 * path is checked to stay inside the workspace after symbolic links are resolved, so a
 * hostile report cannot make the suite read `/etc/passwd` or a link that points out.
 */
export class SourceCache {
  private readonly root: string;
  private readonly cache = new Map<string, { lines: string[] | undefined; bytes: number }>();
  private cachedBytes = 0;

  constructor(workspace: string) {
    this.root = path.resolve(workspace);
  }

  /** Returns the file's lines (index 0 is line 1), or undefined when it cannot be read. */
  lines(repoPath: string): string[] | undefined {
    const cached = this.cache.get(repoPath);
    if (cached) {
      return cached.lines;
    }
    const lines = this.load(repoPath);
    const bytes = lines ? lines.reduce((sum, line) => sum + line.length + 1, 0) : 0;
    this.cache.set(repoPath, { lines, bytes });
    this.cachedBytes += bytes;
    for (const [path, entry] of this.cache) {
      if (this.cachedBytes <= MAX_CACHED_BYTES || path === repoPath) {
        break;
      }
      this.cache.delete(path);
      this.cachedBytes -= entry.bytes;
    }
    return lines;
  }

  /** Returns line `line` (1-based) of the file, or undefined. */
  line(repoPath: string, line: number): string | undefined {
    return this.lines(repoPath)?.[line - 1];
  }

  private load(repoPath: string): string[] | undefined {
    try {
      const buffer = readWorkspaceBytes(this.root, repoPath, MAX_SOURCE_BYTES).content;
      if (buffer === undefined || buffer.includes(0)) {
        return undefined;
      }
      return buffer.toString('utf8').split(/\r?\n/);
    } catch {
      return undefined;
    }
  }
}
