import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

import { walkTree } from '@devsecops/core';

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
  /** Files git tracks: scanned even where a .gitignore excludes them. */
  tracked?: ReadonlySet<string>;
  /** Receives each file or folder that could not be read, and the walk goes on. */
  onError?: (repoPath: string, message: string) => void;
  /** Receives each file skipped for its size, with the size in bytes. */
  onLarge?: (repoPath: string, bytes: number) => void;
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

/**
 * Yields the text files under the target with their content, walked by core's `walkTree`
 * (every `.gitignore` from the workspace root down, `.git` and symbolic links skipped), and
 * skips binary files and files over the size limit. `stats` counts what was read and what was
 * skipped, by reason. A target that is a file is read even when `skipPath` matches it.
 */
export function* walkFiles(options: WalkOptions, stats: WalkStats): Generator<WalkedFile> {
  const root = path.resolve(options.workspace);
  const targetPath = path.relative(root, path.resolve(options.target)).split(path.sep).join('/');
  for (const entry of walkTree({ workspace: options.workspace, target: options.target, exclude: options.exclude, tracked: options.tracked })) {
    if (entry.kind === 'git' || entry.kind === 'ignored') {
      stats.skippedIgnored++;
    } else if (entry.kind === 'unreadable') {
      options.onError?.(entry.repoPath || '.', `folder not scanned: ${errorText(entry.error)}`);
    } else if (entry.kind === 'badName') {
      options.onError?.(entry.repoPath, 'not scanned: the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it');
    } else if (entry.kind === 'link' && entry.repoPath === targetPath) {
      options.onError?.(entry.repoPath, 'not scanned: the path to scan is, or lies below, a symbolic link, which could point out of the workspace; name the real path instead');
    } else if (entry.kind === 'file') {
      if (entry.repoPath !== targetPath && options.skipPath?.(entry.repoPath)) {
        stats.skippedIgnored++;
        continue;
      }
      let file: WalkedFile | undefined;
      try {
        file = readCandidate(root, entry.repoPath, options, stats);
      } catch (error) {
        // One unreadable file (no permission, a name that is not UTF-8) must not end the walk.
        options.onError?.(entry.repoPath, `file not scanned: ${errorText(error)}`);
        continue;
      }
      if (file) {
        yield file;
      }
    }
    // Symbolic links below the target are passed over without a count.
  }
}

/** Formats a system error as its code and message, without the path the caller names already. */
function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message.replace(/, \w+ '.*'$/, '');
  return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/**
 * Reads a file with one open: its size from the open descriptor, then the whole content,
 * which is dropped when a NUL byte occurs in its first bytes.
 */
function readCandidate(root: string, repoPath: string, options: WalkOptions, stats: WalkStats): WalkedFile | undefined {
  const absolute = path.join(root, repoPath);
  const fd = openSync(absolute, 'r');
  let content: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size > options.maxFileBytes) {
      stats.skippedLarge++;
      options.onLarge?.(repoPath, size);
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
