/**
 * Truncation to GitHub's size limits. Callers are expected to pass text that fits. These
 * helpers are the last guard, so a long report degrades to a shorter one instead of a 422.
 */

/** Maximum characters of a check run's `output.summary` and `output.text`. */
export const CHECK_RUN_TEXT_LIMIT = 65_535;
/** Maximum characters of an issue or pull request comment body. */
export const COMMENT_BODY_LIMIT = 65_536;
/** Maximum bytes of one step's job summary file. */
export const JOB_SUMMARY_BYTE_LIMIT = 1_048_576;
/** Maximum bytes of an annotation `message` or `raw_details` (64 KB). */
export const ANNOTATION_TEXT_BYTE_LIMIT = 65_536;
/** Maximum characters of an annotation `title`. */
export const ANNOTATION_TITLE_LIMIT = 255;

/** Builds the line appended to cut text from the amount left out. */
export type TruncationNotice = (omitted: number) => string;

/**
 * Cuts `text` to at most `maxLength` UTF-16 code units, notice included. The cut falls at
 * the last line break that leaves room for the notice, or mid-line when the first line
 * alone is too long (never inside a surrogate pair).
 */
export function fitCharacters(text: string, maxLength: number, notice: TruncationNotice): string {
  if (text.length <= maxLength) return text;

  // The notice for the whole length has the most digits, so it bounds the real notice.
  const budget = maxLength - notice(text.length).length;
  if (budget <= 0) return notice(text.length).slice(0, maxLength);

  let cut = text.lastIndexOf('\n', budget - 1);
  if (cut <= 0) {
    cut = budget;
    if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  }
  return text.slice(0, cut) + notice(text.length - cut);
}

/**
 * Cuts `text` to at most `maxBytes` bytes of UTF-8, notice included, at a line break when
 * one is in range. A newline byte never occurs inside a multi-byte UTF-8 sequence, so a
 * cut there cannot split a character.
 */
export function fitUtf8Bytes(text: string, maxBytes: number, notice: TruncationNotice): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;

  const budget = maxBytes - Buffer.byteLength(notice(bytes.length), 'utf8');
  if (budget <= 0) return '';

  let cut = bytes.lastIndexOf(0x0a, budget - 1);
  if (cut <= 0) {
    cut = budget;
    while (cut > 0 && isContinuationByte(bytes[cut]!)) cut -= 1;
  }
  return bytes.subarray(0, cut).toString('utf8') + notice(bytes.length - cut);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isContinuationByte(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}
