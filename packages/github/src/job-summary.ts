import { appendFileSync, statSync } from 'node:fs';

import type { Logger } from '@devsecops/core';

import { fitUtf8Bytes, JOB_SUMMARY_BYTE_LIMIT } from './text-limits.js';

export interface WriteJobSummaryOptions {
  /** The step's summary file, `GITHUB_STEP_SUMMARY` on a runner. */
  file: string | undefined;
  markdown: string;
  logger: Logger;
  /** Defaults to GitHub's 1 MiB per step; tests pass less. */
  maxBytes?: number;
}

export interface JobSummaryResult {
  written: boolean;
  bytesWritten: number;
  truncated: boolean;
}

/**
 * Appends Markdown to the step's summary file so the whole file stays within `maxBytes`,
 * counting what earlier writers in the same step left there. Text that does not fit is cut
 * at a line break with a notice. Nothing is written when even the notice does not fit.
 */
export function writeJobSummary(options: WriteJobSummaryOptions): JobSummaryResult {
  const { file, markdown, logger } = options;
  const maxBytes = options.maxBytes ?? JOB_SUMMARY_BYTE_LIMIT;
  if (!file) {
    logger.info('Job summary skipped: GITHUB_STEP_SUMMARY is not set');
    return { written: false, bytesWritten: 0, truncated: false };
  }

  const existing = existingSize(file);
  const room = maxBytes - existing;
  const text = fitUtf8Bytes(markdown, room, summaryNotice);
  const bytes = Buffer.byteLength(text, 'utf8');
  const truncated = text !== markdown;
  if (bytes === 0 && markdown !== '') {
    logger.warning(`Job summary skipped: ${file} already contains ${existing} of ${maxBytes} bytes`);
    return { written: false, bytesWritten: 0, truncated: true };
  }
  if (truncated) {
    logger.warning(
      `Job summary was ${Buffer.byteLength(markdown, 'utf8')} bytes with ${existing} already written; cut to fit ${maxBytes}`
    );
  }

  appendFileSync(file, text, 'utf8');
  logger.debug(`Wrote ${bytes} bytes to the job summary`);
  return { written: true, bytesWritten: bytes, truncated };
}

function existingSize(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

function summaryNotice(omitted: number): string {
  return `\n\n> [!NOTE]\n> ${omitted} more bytes of this summary are not shown: GitHub limits a step summary to 1 MiB.\n`;
}
