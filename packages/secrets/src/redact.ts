import { createHash } from 'node:crypto';

import { FINGERPRINT_KEY } from '@devsecops/core';

/** The character that ends every redacted value. */
export const REDACTION_MARK = '…';

/** Longest prefix of a secret that a redacted form shows. */
export const MAX_VISIBLE_PREFIX = 4;

/**
 * Returns the redacted form of a secret: a prefix of at most 4 characters, and at most a
 * quarter of the secret, then `…`. A secret of 3 characters or fewer shows no prefix.
 */
export function redact(secret: string): string {
  const visible = Math.min(MAX_VISIBLE_PREFIX, Math.floor(secret.length / 4));
  return `${secret.slice(0, visible)}${REDACTION_MARK}`;
}

/** Shortest part of a multi-line secret that an excerpt redacts on its own. */
const MIN_PART_LENGTH = 4;

/**
 * Splits a secret spanning lines (a private key) into its lines, because each line of the text
 * contains one part of it. A one-line secret is returned whole.
 */
function secretParts(value: string): string[] {
  if (!/[\r\n]/.test(value)) {
    return [value];
  }
  return value.split(/\r?\n|\r/).filter((part) => part.trim().length >= MIN_PART_LENGTH);
}

/**
 * Returns at most `length` characters of `line` around the first occurrence of `secret` (or
 * its start when absent), with every occurrence of `secrets` (which include `secret`) in that
 * part redacted, also one cut by the edge of the part. Only a window of the line is searched, so
 * the cost does not grow with the length of a minified line.
 */
export function redactedExcerpt(line: string, secret: string, secrets: Iterable<string>, length: number): string {
  const ordered = [...new Set([secret, ...secrets].flatMap(secretParts))].filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
  const anchor = secretParts(secret)[0] ?? '';
  const longest = ordered[0]?.length ?? 0;
  const at = Math.max(0, anchor === '' ? 0 : line.indexOf(anchor));

  // The window keeps `length` characters on each side of the secret whatever the redactions
  // remove. Occurrences are searched a secret's length further out, so cut ones are found too.
  const from = Math.max(0, at - length - longest);
  const to = Math.min(line.length, at + anchor.length + length + longest);
  const searchFrom = Math.max(0, from - longest);
  const area = line.slice(searchFrom, Math.min(line.length, to + longest));

  // Which secret covers each character of the area, longest secret first.
  const cover = new Array<string | undefined>(area.length);
  const begins = new Uint8Array(area.length);
  for (const value of ordered) {
    for (let index = area.indexOf(value); index !== -1; index = area.indexOf(value, index + 1)) {
      let free = true;
      for (let offset = 0; offset < value.length && free; offset++) {
        free = cover[index + offset] === undefined;
      }
      if (free) {
        cover.fill(value, index, index + value.length);
        begins[index] = 1;
      }
    }
  }

  let result = '';
  let secretAt = -1;
  for (let index = from - searchFrom; index < to - searchFrom; index++) {
    const value = cover[index];
    if (value === undefined) {
      result += area[index];
      continue;
    }
    if (begins[index] === 1 || index === from - searchFrom) {
      if (value === anchor && secretAt === -1) {
        secretAt = result.length;
      }
      result += redact(value);
    }
  }

  if (result.length <= length) {
    return result;
  }
  const start = Math.max(0, Math.min(result.length - length, Math.max(0, secretAt) - Math.floor(length / 2)));
  return result.slice(start, start + length);
}

/**
 * Returns the suite's fingerprint of a secret finding: sha256 over the rule id and the secret,
 * first 32 hex characters. The same secret found again under the same rule keeps its
 * fingerprint wherever it moves, and the digest cannot be reversed into the secret in
 * practice for secrets of real entropy.
 * NOTE: a weak password can be guessed from the digest, the redacted prefix and the finding's
 * columns. A reader of the SARIF can also read the repository that contains the password, so the
 * digest is kept fast and unkeyed, which keeps fingerprints equal across runs and machines.
 */
export function secretFingerprint(ruleId: string, secret: string): string {
  return createHash('sha256').update(JSON.stringify(['secret', ruleId, secret])).digest('hex').slice(0, 32);
}

/** The `partialFingerprints` entry of a secret finding. */
export function secretPartialFingerprints(ruleId: string, secret: string): Record<string, string> {
  return { [FINGERPRINT_KEY]: secretFingerprint(ruleId, secret) };
}
