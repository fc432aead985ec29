import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

import { isInsideWorkspace, toRepoPath } from './workspace.js';

/** Depth limit of the walk below a pattern's static prefix, so a cycle of links cannot hang it. */
const MAX_DEPTH = 32;
/** Most files one pattern may match; more is almost surely a pattern that is too broad. */
const MAX_MATCHES = 10_000;

export interface GlobResult {
  /** Matched files, absolute, sorted, without duplicates. */
  files: string[];
  /** Patterns that matched nothing, with the reason, for the log. */
  unmatched: string[];
  /** Matched paths inside the workspace whose real path is outside it, which are not read. */
  rejected: Array<{ file: string; message: string }>;
}

/** Reason a matched report file was not read. */
export const LINK_OUT_OF_WORKSPACE_MESSAGE = 'not read: inside the workspace by name, but a symbolic link (or below one) that points out of it';

/**
 * Expands glob patterns (one per entry; blank entries and `#` comments skipped) to files.
 * Relative patterns are resolved against `cwd`. A pattern without glob characters names a
 * file or a folder; a folder stands for every `*.sarif` file below it.
 */
export function expandGlobs(patterns: string[], cwd: string, workspace?: string): GlobResult {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const rejected: GlobResult['rejected'] = [];

  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '' || pattern.startsWith('#')) {
      continue;
    }
    const absolute = path.resolve(cwd, pattern);
    const scan = picomatch.scan(absolute.split(path.sep).join('/'));
    const matches = scan.isGlob ? matchGlob(absolute, scan.base) : matchLiteral(absolute);
    if (matches.length === 0) {
      unmatched.push(pattern);
    }
    for (const file of matches) {
      // A repository can plant a link named like a report: a path inside the workspace by name
      // must stay inside it after links are resolved. Paths outside it, such as the runner's
      // temporary folder, are the workflow's own.
      if (workspace !== undefined && toRepoPath(workspace, file) !== undefined && !isInsideWorkspace(workspace, file)) {
        rejected.push({ file: toRepoPath(workspace, file)!, message: LINK_OUT_OF_WORKSPACE_MESSAGE });
        continue;
      }
      files.add(file);
    }
  }

  return { files: [...files].sort(), unmatched, rejected };
}

function matchLiteral(absolute: string): string[] {
  try {
    const stats = statSync(absolute);
    if (stats.isFile()) {
      return [absolute];
    }
    if (stats.isDirectory()) {
      return walk(absolute, (file) => file.toLowerCase().endsWith('.sarif'));
    }
  } catch {
    // A missing file is reported by the caller as an unmatched pattern.
  }
  return [];
}

function matchGlob(absolute: string, base: string): string[] {
  const isMatch = picomatch(absolute.split(path.sep).join('/'), { dot: true });
  return walk(base || '/', (file) => isMatch(file.split(path.sep).join('/')));
}

function walk(dir: string, accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  const realBase = realPathOf(dir);
  const visit = (current: string, depth: number): void => {
    if (depth > MAX_DEPTH || found.length >= MAX_MATCHES) {
      return;
    }
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') {
          visit(full, depth + 1);
        }
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFileTarget(full, realBase))) && accept(full)) {
        // A link to a file inside the pattern's base folder is followed, so a repository's link to
        // /etc/passwd is not read. A link to a folder is not followed, so a cycle cannot loop.
        found.push(full);
      }
    }
  };
  visit(dir, 0);
  return found;
}

function isFileTarget(file: string, realBase: string | undefined): boolean {
  try {
    if (!statSync(file).isFile() || realBase === undefined) {
      return false;
    }
    const relative = path.relative(realBase, realpathSync(file));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}

function realPathOf(folder: string): string | undefined {
  try {
    return realpathSync(folder);
  } catch {
    return undefined;
  }
}

/** Message for a pattern that matched nothing, shared by the action and the CLI. */
export const UNMATCHED_PATTERN_MESSAGE = 'no SARIF file found: not a file, not a folder with *.sarif files below it, and no file matches it as a pattern';
