import { statSync } from 'node:fs';
import path from 'node:path';

import { toRepoPath } from '@devsecops/core';

/**
 * Maps a path as a report wrote it to a repository-relative path, or undefined.
 *
 * Backslashes count as separators, as Bandit on Windows writes them. A relative path is taken
 * from the workspace root. An absolute path inside the workspace is made relative. An absolute
 * path from another machine (an ESLint report written in `/Users/me/app`) is matched by its
 * longest tail that names a file in the workspace, so `/Users/me/app/routes/a.js` becomes
 * `routes/a.js` when that file exists; only the existence of workspace files is checked.
 */
export function locateReportPath(workspace: string, reported: string): string | undefined {
  const normalized = reported.replace(/\\/g, '/');
  const root = path.resolve(workspace);
  const isAbsolute = normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized);
  if (!isAbsolute) {
    return toRepoPath(root, normalized);
  }

  const inside = toRepoPath(root, normalized);
  if (inside !== undefined && !/^[A-Za-z]:\//.test(normalized)) {
    return inside;
  }
  const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.' && !/^[A-Za-z]:$/.test(segment));
  if (segments.includes('..')) {
    return undefined;
  }
  for (let start = 0; start < segments.length; start += 1) {
    const candidate = segments.slice(start).join('/');
    if (isFile(path.join(root, candidate))) {
      return toRepoPath(root, candidate);
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
