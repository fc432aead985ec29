import { open, stat } from 'node:fs/promises';
import path from 'node:path';

import { toRepoPath, walkTree } from '@devsecops/core';
import picomatch from 'picomatch';

/** File extensions the bundled engine lints: JavaScript, TypeScript and JSX in all module flavours. */
export const JS_TS_EXTENSIONS: readonly string[] = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];

/** Folders never scanned: installed dependencies, version control, and build output. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', 'bower_components', 'jspm_packages', '.git', 'dist'];

/** Files bigger than this are generated or vendored bundles in practice, and are skipped. */
export const MAX_SOURCE_FILE_BYTES = 1024 * 1024;

/** A line longer than this marks minified or generated code, which is skipped. */
export const MAX_LINE_LENGTH = 1000;

const MINIFIED_NAME = /[.-]min\.[cm]?js$/i;

export interface SourceFile {
  /** Absolute path. */
  absolute: string;
  /** Repository-relative path with forward slashes. */
  path: string;
  text: string;
  bytes: number;
}

export interface SkippedCounts {
  /** Folders left out by name, such as `node_modules` and `dist`. */
  directories: number;
  /** Files named `*.min.js` or with a line longer than MAX_LINE_LENGTH. */
  minified: number;
  /** Files larger than MAX_SOURCE_FILE_BYTES. */
  large: number;
  /** Files matching an `exclude` pattern of the config file. */
  excluded: number;
  /** Symbolic links, which are not followed. */
  links: number;
  /** Folders, and JavaScript or TypeScript files, that a `.gitignore` excludes. */
  ignored: number;
}

export interface SourceWalkOptions {
  workspace: string;
  /** Folder or file to scan, inside the workspace. */
  target: string;
  /** Repository-relative glob patterns of files to leave out. */
  exclude?: readonly string[];
}

export interface SourceWalk {
  files: SourceFile[];
  skipped: SkippedCounts;
}

/** Returns true when the path has one of JS_TS_EXTENSIONS, `.d.ts` declaration files excluded. */
export function isJsOrTs(file: string): boolean {
  return JS_TS_EXTENSIONS.includes(path.extname(file).toLowerCase()) && !/\.d\.[cm]?ts$/i.test(file);
}

/**
 * Collects the JavaScript and TypeScript files under the target, in name order, with their
 * text. Folders in SKIPPED_DIRECTORIES below the target, what `.gitignore` files exclude,
 * minified and oversized files, and symbolic links are skipped and counted. The target itself
 * is scanned even when it is such a folder, so `node_modules/express` can be scanned on purpose.
 */
export async function collectSourceFiles(options: SourceWalkOptions): Promise<SourceWalk> {
  const workspace = path.resolve(options.workspace);
  const isExcluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const skipped: SkippedCounts = { directories: 0, minified: 0, large: 0, excluded: 0, links: 0, ignored: 0 };
  const files: SourceFile[] = [];

  const visitFile = async (absolute: string): Promise<void> => {
    const repoPath = toRepoPath(workspace, absolute);
    if (repoPath === undefined || !isJsOrTs(absolute)) {
      return;
    }
    if (isExcluded(repoPath)) {
      skipped.excluded += 1;
      return;
    }
    if (MINIFIED_NAME.test(absolute)) {
      skipped.minified += 1;
      return;
    }
    const size = (await stat(absolute)).size;
    if (size > MAX_SOURCE_FILE_BYTES) {
      skipped.large += 1;
      return;
    }
    const text = await readText(absolute, size);
    if (hasLongLine(text)) {
      skipped.minified += 1;
      return;
    }
    files.push({ absolute, path: repoPath, text, bytes: size });
  };

  const target = path.resolve(workspace, options.target);
  if (!(await stat(target)).isDirectory()) {
    await visitFile(target);
    return { files, skipped };
  }
  if (target !== workspace && toRepoPath(workspace, target) === undefined) {
    // Files outside the workspace have no repository path, so none would be kept.
    return { files, skipped };
  }
  const walk = walkTree({ workspace, target, skipFolder: (name) => SKIPPED_DIRECTORIES.includes(name), walkIgnoredTarget: true });
  for (const entry of walk) {
    switch (entry.kind) {
      case 'file':
        await visitFile(path.join(workspace, entry.repoPath));
        break;
      case 'git':
      case 'skippedFolder':
        skipped.directories += 1;
        break;
      case 'link':
      // A name that is not UTF-8 is counted with the links: neither is opened.
      case 'badName':
        skipped.links += 1;
        break;
      case 'ignored':
        if (entry.directory || isJsOrTs(entry.repoPath)) {
          skipped.ignored += 1;
        }
        break;
      case 'unreadable':
        throw entry.error;
    }
  }
  return { files, skipped };
}

async function readText(file: string, size: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

function hasLongLine(text: string): boolean {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_LINE_LENGTH) {
      return true;
    }
    start = stop + 1;
  }
  return false;
}
