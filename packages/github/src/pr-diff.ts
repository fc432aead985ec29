import type { Finding, Logger } from '@devsecops/core';

import type { GitHubClient } from './client.js';

/**
 * Filter mode deciding which findings count as part of a pull request, with the meanings of
 * reviewdog's `-filter-mode`. It is the same union as `FilterMode` in the core config module.
 */
export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter';

export const FILTER_MODES: readonly FilterMode[] = ['added', 'diff_context', 'file', 'nofilter'];

/** New-side line numbers of one file's unified diff, both sorted ascending. */
export interface PatchLines {
  /** Lines the diff adds (`+`). */
  added: number[];
  /** Lines shown in a hunk: the added lines and the unchanged context lines. */
  context: number[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a unified-diff patch, as GitHub returns in a pull request file's `patch`, into
 * new-side line numbers. Lines outside a hunk (file headers) and `\ No newline at end of
 * file` markers are skipped. Hunk lengths from the header decide where a hunk ends, so a
 * deleted line that starts with `--` is not mistaken for a header.
 */
export function parsePatch(patch: string): PatchLines {
  const added: number[] = [];
  const context: number[] = [];
  let oldRemaining = 0;
  let newRemaining = 0;
  let newLine = 0;

  for (const line of patch.split(/\r?\n/)) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      oldRemaining = header[2] === undefined ? 1 : Number(header[2]);
      newRemaining = header[4] === undefined ? 1 : Number(header[4]);
      newLine = Number(header[3]);
      continue;
    }
    if (oldRemaining === 0 && newRemaining === 0) continue;
    if (line.startsWith('\\')) continue;

    const marker = line[0];
    if (marker === '+') {
      added.push(newLine);
      context.push(newLine);
      newLine += 1;
      newRemaining -= 1;
    } else if (marker === '-') {
      oldRemaining -= 1;
    } else if (marker === ' ' || line === '') {
      // Some tools strip the single space of an empty context line, so '' counts as context.
      context.push(newLine);
      newLine += 1;
      newRemaining -= 1;
      oldRemaining -= 1;
    }
  }

  return { added, context };
}

/** One file of a pull request as the pull request files API lists it. */
export interface ChangedFile {
  path: string;
  /** The old path when the file was renamed. */
  previousPath?: string;
  status: string;
  /**
   * Parsed patch, or undefined when GitHub sent none (binary files, patches too large to
   * show): the file counts as changed but no line of it is in the diff.
   */
  lines?: { added: Set<number>; context: Set<number> };
}

/** The files a pull request changes, answering reviewdog-style filter questions. */
export class ChangedFiles {
  private readonly byPath = new Map<string, ChangedFile>();

  constructor(files: Iterable<ChangedFile>) {
    for (const file of files) this.byPath.set(file.path, file);
  }

  static fromPatches(files: Array<{ path: string; patch?: string; previousPath?: string; status?: string }>): ChangedFiles {
    return new ChangedFiles(
      files.map((file) => {
        const changed: ChangedFile = { path: file.path, status: file.status ?? 'modified' };
        if (file.previousPath !== undefined) changed.previousPath = file.previousPath;
        if (file.patch !== undefined) changed.lines = toSets(parsePatch(file.patch));
        return changed;
      })
    );
  }

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): ChangedFile | undefined {
    return this.byPath.get(path);
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /**
   * Decides whether a location is part of the pull request under `mode`:
   * `added` when the line was added, `diff_context` when it is in a hunk (added or context),
   * `file` when the file changed at all, `nofilter` always.
   *
   * A location without a line (a finding about a whole file, such as a lockfile) is in the
   * diff under `added` and `diff_context` when its file changed. No line can be checked, and
   * the change to that file is what the finding is about. reviewdog has no such case
   * because every reviewdog result has a line.
   *
   * With `endLine`, the range counts when any line in it qualifies, so a multi-line finding
   * that starts on an unchanged line but covers an added one is kept.
   */
  isInDiff(path: string, line: number | undefined, mode: FilterMode, endLine?: number): boolean {
    if (mode === 'nofilter') return true;

    const file = this.byPath.get(path);
    if (!file) return false;
    if (mode === 'file' || line === undefined) return true;

    const lines = mode === 'added' ? file.lines?.added : file.lines?.context;
    if (!lines) return false;
    const last = endLine !== undefined && endLine > line ? endLine : line;
    for (let current = line; current <= last; current += 1) {
      if (lines.has(current)) return true;
    }
    return false;
  }

  /**
   * `isInDiff` for a finding's primary location. A finding with no file path, such as a
   * DAST finding about a URL, is only kept under `nofilter`.
   */
  isFindingInDiff(finding: Finding, mode: FilterMode): boolean {
    const location = finding.location;
    if (!location?.path) return mode === 'nofilter';
    return this.isInDiff(location.path, location.startLine, mode, location.endLine);
  }
}

/** GitHub returns at most this many files for one pull request, whatever the page size. */
export const PULL_REQUEST_FILES_LIMIT = 3000;

export interface ListChangedFilesOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  pullNumber: number;
  logger: Logger;
}

/** Lists every page of a pull request's files and parses their patches. */
export async function listChangedFiles(options: ListChangedFilesOptions): Promise<ChangedFiles> {
  const { octokit, owner, repo, pullNumber, logger } = options;

  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100
  });

  const withoutPatch = files.filter((file) => file.patch === undefined).length;
  logger.info(
    `Pull request #${pullNumber} changes ${files.length} files` +
      (withoutPatch > 0 ? ` (${withoutPatch} without a patch, so only file-level filtering applies to them)` : '')
  );
  if (files.length >= PULL_REQUEST_FILES_LIMIT) {
    logger.warning(
      `GitHub lists at most ${PULL_REQUEST_FILES_LIMIT} files of a pull request; ` +
        `findings in further changed files count as outside the diff`
    );
  }

  return ChangedFiles.fromPatches(
    files.map((file) => ({
      path: file.filename,
      status: file.status,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
      ...(file.previous_filename !== undefined ? { previousPath: file.previous_filename } : {})
    }))
  );
}

function toSets(lines: PatchLines): { added: Set<number>; context: Set<number> } {
  return { added: new Set(lines.added), context: new Set(lines.context) };
}
