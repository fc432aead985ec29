import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RecordingLogger } from '@devsecops/core';

import { writeJobSummary } from '../src/job-summary.js';
import { fitCharacters, fitUtf8Bytes } from '../src/text-limits.js';

const dir = mkdtempSync(join(tmpdir(), 'devsecops-summary-'));
let counter = 0;
function summaryFile(initial?: string): string {
  counter += 1;
  const path = join(dir, `summary-${counter}.md`);
  if (initial !== undefined) writeFileSync(path, initial);
  return path;
}

const MIB = 1_048_576;

describe('writeJobSummary', () => {
  test('appends to existing content', () => {
    const file = summaryFile('# Earlier step output\n');
    const logger = new RecordingLogger();

    const result = writeJobSummary({ file, markdown: '## Findings\n', logger });

    expect(result).toEqual({ written: true, bytesWritten: 12, truncated: false });
    expect(readFileSync(file, 'utf8')).toBe('# Earlier step output\n## Findings\n');
  });

  test('creates a missing file', () => {
    const file = summaryFile();

    writeJobSummary({ file, markdown: 'hello\n', logger: new RecordingLogger() });

    expect(readFileSync(file, 'utf8')).toBe('hello\n');
  });

  test('keeps the file within 1 MiB', () => {
    const file = summaryFile('e'.repeat(600_000));
    const logger = new RecordingLogger();
    const markdown = `| ${'é'.repeat(40)} |\n`.repeat(8000);

    const result = writeJobSummary({ file, markdown, logger });

    expect(result.truncated).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(MIB);
    const appended = readFileSync(file, 'utf8').slice(600_000);
    expect(appended).toMatch(/\n\n> \[!NOTE\]\n> \d+ more bytes of this summary are not shown: GitHub limits a step summary to 1 MiB\.\n$/);
    const kept = appended.slice(0, appended.indexOf('\n\n> [!NOTE]'));
    expect(kept.split('\n').every((line) => line === `| ${'é'.repeat(40)} |`)).toBe(true);
    expect(logger.messages('warning')).toEqual([
      `Job summary was ${Buffer.byteLength(markdown)} bytes with 600000 already written; cut to fit ${MIB}`
    ]);
  });

  test('skips when the file is full', () => {
    const file = summaryFile('x'.repeat(MIB));
    const logger = new RecordingLogger();

    const result = writeJobSummary({ file, markdown: '## Findings\n', logger });

    expect(result).toEqual({ written: false, bytesWritten: 0, truncated: true });
    expect(statSync(file).size).toBe(MIB);
    expect(logger.messages('warning')).toEqual([`Job summary skipped: ${file} already contains ${MIB} of ${MIB} bytes`]);
  });

  test('skips without GITHUB_STEP_SUMMARY', () => {
    const logger = new RecordingLogger();

    expect(writeJobSummary({ file: undefined, markdown: 'x', logger })).toEqual({
      written: false,
      bytesWritten: 0,
      truncated: false
    });
    expect(logger.messages('info')).toEqual(['Job summary skipped: GITHUB_STEP_SUMMARY is not set']);
  });
});

describe('text limits', () => {
  const notice = (omitted: number) => `\n[${omitted} cut]`;

  test.each([
    ['fits', 'ab\ncd', 10, 'ab\ncd'],
    ['cut at line', 'aaaa\nbbbb\ncccc\ndddd', 14, 'aaaa\n[15 cut]'],
    ['cut mid-line', 'abcdefghijklmnop', 12, 'abc\n[13 cut]'],
    ['keeps surrogate pair whole', 'ab😀cdefghijkl', 12, 'ab\n[12 cut]']
  ])('fitCharacters %s', (_case, text, max, expected) => {
    const result = fitCharacters(text, max, notice);

    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });

  test.each([
    ['fits', 'ab\ncd', 10, 'ab\ncd'],
    ['cut at line', 'aaaa\nbbbb\ncccc\ndddd', 14, 'aaaa\n[15 cut]'],
    ['keeps multibyte character whole', 'aéééééééé', 13, 'aé\n[14 cut]']
  ])('fitUtf8Bytes %s', (_case, text, max, expected) => {
    const result = fitUtf8Bytes(text, max, notice);

    expect(result).toBe(expected);
    expect(Buffer.byteLength(result)).toBeLessThanOrEqual(max);
  });
});
