import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@devsecops/core';
import { ToolError } from './errors.js';
import { checkExitCode, runTool } from './run-tool.js';

export type ArchiveFormat = 'tar.gz' | 'zip';

interface ExtractOptions {
  tool: string;
  archive: string;
  format: ArchiveFormat;
  destination: string;
  logger: Logger;
  timeoutMs: number;
}

/**
 * Extracts an archive into an empty `destination` without writing outside it. Before anything is
 * written, entry names are checked: no absolute path, no `..`, and no entry below a file or link
 * entry, because that entry could be a link pointing out. Afterwards the tree is checked again: no
 * link resolving outside, no device, FIFO or socket. Uses the system `tar` and, on Linux and macOS,
 * `unzip`, because Windows 10 and later ship a `tar` that reads zip files too.
 */
export async function extractArchive(options: ExtractOptions): Promise<void> {
  const names = await listArchive(options);
  checkEntryNames(options.tool, options.archive, names);

  const command = extractCommand(options);
  const result = await runTool({ ...command, cwd: options.destination, logger: options.logger, timeoutMs: options.timeoutMs });
  checkExitCode(command.command, result);

  await checkExtractedTree(options.tool, options.archive, options.destination);
}

function listCommand(options: ExtractOptions): { command: string; args: string[] } {
  if (options.format === 'tar.gz') {
    return { command: 'tar', args: ['-tzf', options.archive] };
  }
  if (process.platform === 'win32') {
    return { command: 'tar', args: ['-tf', options.archive] };
  }
  return { command: 'unzip', args: ['-Z1', options.archive] };
}

function extractCommand(options: ExtractOptions): { command: string; args: string[] } {
  if (options.format === 'tar.gz') {
    return { command: 'tar', args: ['-xzf', options.archive, '-C', options.destination, '--no-same-owner'] };
  }
  if (process.platform === 'win32') {
    return { command: 'tar', args: ['-xf', options.archive, '-C', options.destination] };
  }
  return { command: 'unzip', args: ['-o', '-q', options.archive, '-d', options.destination] };
}

async function listArchive(options: ExtractOptions): Promise<string[]> {
  const command = listCommand(options);
  const result = await runTool({ ...command, cwd: options.destination, logger: options.logger, timeoutMs: options.timeoutMs });
  checkExitCode(command.command, result);
  if (result.truncated) {
    throw new ToolError(options.tool, `the entry list of ${options.archive} is too long to check`);
  }
  return result.stdout.split(/\r?\n/).filter((line) => line !== '');
}

/** Throws a ToolError naming the first entry that could write outside the extraction folder. */
export function checkEntryNames(tool: string, archive: string, names: readonly string[]): void {
  const files = new Set<string>();
  const normalized: string[] = [];

  for (const name of names) {
    const reject = (why: string): never => {
      throw new ToolError(tool, `unsafe entry ${JSON.stringify(name)} in ${archive}: ${why}; nothing was extracted`);
    };
    if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) {
      reject('absolute path');
    }
    const segments = name.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
    if (segments.includes('..')) {
      reject('path contains ".."');
    }
    const isDirectory = /[\\/]$/.test(name);
    const entry = segments.join('/');
    if (!isDirectory && entry !== '') {
      files.add(entry);
    }
    normalized.push(entry);
  }

  // An entry below a file entry would be written through it if that file is a symbolic link.
  // NOTE: this relies on the lister ending folder names with "/", as GNU tar and unzip do. A lister
  // that did not would make this reject a valid archive, never accept a bad one.
  for (const [index, entry] of normalized.entries()) {
    const segments = entry.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      if (files.has(parent)) {
        throw new ToolError(
          tool,
          `unsafe entry ${JSON.stringify(names[index])} in ${archive}: it is below the non-directory entry ${JSON.stringify(parent)}; nothing was extracted`
        );
      }
    }
  }
}

/** Throws a ToolError when the extracted tree contains a link resolving outside `root` or a special file. */
export async function checkExtractedTree(tool: string, archive: string, root: string): Promise<void> {
  const realRoot = await realpath(root);
  const pending = [realRoot];

  while (pending.length > 0) {
    const folder = pending.pop() as string;
    for (const entry of await readdir(folder)) {
      const file = path.join(folder, entry);
      const info = await lstat(file);
      const relative = path.relative(realRoot, file);

      if (info.isDirectory()) {
        pending.push(file);
      } else if (info.isSymbolicLink()) {
        const target = path.resolve(folder, await readlink(file));
        if (!isInside(realRoot, target)) {
          throw new ToolError(tool, `unsafe entry ${JSON.stringify(relative)} in ${archive}: symbolic link pointing outside the extraction folder`);
        }
      } else if (!info.isFile()) {
        throw new ToolError(tool, `unsafe entry ${JSON.stringify(relative)} in ${archive}: not a regular file, folder or link`);
      }
    }
  }
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
