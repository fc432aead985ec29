import type { ReportContext } from '../report.js';

/*
 * Report text comes from scanned repositories and from tools, so every renderer treats it
 * as hostile: it must show up as the characters it contains and nothing more.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
};

/** Zero-width space, which breaks a mention or an issue reference but stays invisible. */
const ZERO_WIDTH_SPACE = '\u200b';

const LINE_BREAKS = /[\r\n\u2028\u2029\t\v\f]+/g;

/** C0 controls (tab and line breaks are handled before), DEL and C1 controls. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Characters that GitHub-flavoured Markdown could read as formatting, links, tables or math
 * (`$`), plus HTML's special characters, which become entities.
 */
const MARKDOWN_SPECIAL = /[&<>"\\`*_[\]()#|~$]|!(?=\[)|(?<![\p{L}\p{N}_])@(?=[\p{L}\p{N}_-])/gu;

/**
 * Escape plain text so that GitHub-flavoured Markdown renders it as itself in an inline
 * position: a table cell, or a list item or paragraph after text of our own.
 *
 * Line breaks collapse to one space so the text cannot end a table row or start a block,
 * and other control characters are removed. HTML characters become entities, so the text
 * cannot open a tag, close our `<details>` or forge an HTML comment marker. Markdown
 * punctuation is backslash-escaped. `@name` after a space or punctuation gets a zero-width space after the `@` so nobody
 * is notified, and `#123` gets one after the `#` so GitHub adds no cross-reference to that
 * issue. A backslash alone is not enough for these two, because GitHub looks for mentions
 * and references in the rendered text, where the escape is already gone. Bare `https://`
 * URLs are left to autolink: the reader sees the whole target, and
 * escaping `[`, `]`, `(` and `)` already stops text from hiding a target behind a label.
 *
 * NOTE: `:name:` emoji shortcodes still render as emoji; they cannot link or notify.
 */
export function escapeMarkdown(text: string): string {
  const singleLine = text.replace(LINE_BREAKS, ' ').replace(CONTROL_CHARACTERS, '');

  return singleLine.replace(MARKDOWN_SPECIAL, (match, offset: number) => {
    if (match === '@') {
      return `@${ZERO_WIDTH_SPACE}`;
    }
    if (match === '#' && /[0-9]/.test(singleLine.charAt(offset + 1))) {
      return `\\#${ZERO_WIDTH_SPACE}`;
    }
    return HTML_ENTITIES[match] ?? `\\${match}`;
  });
}

/** Escape text for a double- or single-quoted HTML attribute value. */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

/**
 * Cut `text` to at most `maxChars` code points, the last of them `…` when anything was cut.
 * Cuts fall between code points, never inside a surrogate pair, but a combined character
 * sequence such as an emoji with modifiers may still be split.
 */
export function truncateText(text: string, maxChars: number): string {
  if (!Number.isInteger(maxChars) || maxChars < 0) {
    throw new RangeError(`maxChars must be a non-negative integer, got ${maxChars}`);
  }

  // Every code point takes one or two UTF-16 units, so a short string needs no splitting.
  if (text.length <= maxChars) {
    return text;
  }
  const codePoints = Array.from(text);
  if (codePoints.length <= maxChars) {
    return text;
  }
  if (maxChars === 0) {
    return '';
  }
  return `${codePoints.slice(0, maxChars - 1).join('')}…`;
}

const URL_UNSAFE_IN_MARKDOWN: Record<string, string> = {
  '(': '%28',
  ')': '%29',
  ' ': '%20',
  '<': '%3C',
  '>': '%3E',
  '"': '%22',
  '|': '%7C'
};

/**
 * Return `url` normalized by the WHATWG URL parser with the characters that could end a
 * Markdown link destination or a table cell percent-encoded, or `undefined` unless the
 * URL is absolute `http:` or `https:`.
 */
export function safeLinkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return undefined;
  }
  return parsed.href.replace(/[()<>"| ]/g, (character) => URL_UNSAFE_IN_MARKDOWN[character] ?? character);
}

/**
 * Render a Markdown link with escaped text. A URL that is missing or not `http:`/`https:`
 * (such as `javascript:`) gives the escaped text alone.
 */
export function markdownLink(text: string, url: string | undefined): string {
  const label = escapeMarkdown(text);
  const href = url === undefined ? undefined : safeLinkUrl(url);
  if (href === undefined || label === '') {
    return label;
  }
  return `[${label}](${href})`;
}

/**
 * Build the URL of a repository file at the report's commit, with `#L<line>` when a
 * positive line is given. Returns `undefined` when the context lacks the repository or the
 * commit, because a link to the default branch could show different code.
 */
export function fileUrl(context: ReportContext, path: string, line?: number): string | undefined {
  if (!context.repository || !context.sha) {
    return undefined;
  }

  const server = context.serverUrl.replace(/\/+$/, '');
  const repository = context.repository.split('/').map(encodeURIComponent).join('/');
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const anchor = line !== undefined && Number.isInteger(line) && line > 0 ? `#L${line}` : '';

  return `${server}/${repository}/blob/${encodeURIComponent(context.sha)}/${encodedPath}${anchor}`;
}

/**
 * Wrap text in a Markdown code span, which shows HTML, `@` and `#` literally. The fence is
 * one backtick longer than the longest backtick run in the text, as CommonMark requires.
 * Use it only outside tables, where a `|` would still split the cell.
 */
export function codeSpan(text: string): string {
  const singleLine = text.replace(LINE_BREAKS, ' ').replace(CONTROL_CHARACTERS, '');
  const longestRun = Math.max(0, ...(singleLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = singleLine.startsWith('`') || singleLine.endsWith('`') || singleLine.startsWith(' ') ? ' ' : '';
  return `${fence}${padding}${singleLine}${padding}${fence}`;
}

/* ANSI escape sequences: CSI (7-bit and 8-bit), OSC up to BEL or ST, and two-byte ESC codes. */
const ANSI_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;

/** Bidirectional overrides and isolates, which can make a terminal line read differently from its bytes. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Remove what could rewrite a terminal from report text: ANSI escape sequences, C0 controls
 * other than tab, DEL, C1 controls and bidirectional overrides. Line breaks become one space,
 * so the text stays on the line the renderer put it on.
 */
export function stripControlCharacters(text: string): string {
  return text
    .replace(ANSI_SEQUENCES, '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(BIDI_CONTROLS, '');
}
