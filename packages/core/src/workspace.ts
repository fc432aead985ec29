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
    if (toRepoPath(this.root, repoPath) === undefined) {
      return undefined;
    }
    try {
      const real = realpathSync(path.resolve(this.root, repoPath));
      const realRoot = realpathSync(this.root);
      const relative = path.relative(realRoot, real);
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        return undefined;
      }
      const stats = statSync(real);
      if (!stats.isFile() || stats.size > MAX_SOURCE_BYTES) {
        return undefined;
      }
      const buffer = Buffer.alloc(stats.size);
      const fd = openSync(real, 'r');
      try {
        readSync(fd, buffer, 0, stats.size, 0);
      } finally {
        closeSync(fd);
      }
      if (buffer.includes(0)) {
        return undefined;
      }
      return buffer.toString('utf8').split(/\r?\n/);
    } catch {
      return undefined;
    }
  }
}
