import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, one level above this folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The shared test corpus of real reports written by other projects. It sits beside the
 * checkout (`../shared/corpus`) on developer machines and in CI; tests read it in place.
 */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export function corpusPath(...segments: string[]): string {
  const file = path.join(CORPUS_DIR, ...segments);
  if (!existsSync(file)) {
    throw new Error(`corpus file not found: ${file}; the shared corpus must be checked out beside the repository`);
  }
  return file;
}
