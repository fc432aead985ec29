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

/**
 * Replaces every occurrence of each secret in `text` with its redacted form, longest secret
 * first so a secret that contains another is replaced whole.
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  const ordered = [...new Set(secrets)].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) {
    result = result.split(secret).join(redact(secret));
  }
  return result;
}

/**
 * Returns the suite's fingerprint of a secret finding: sha256 over the rule id and the secret,
 * first 32 hex characters. The same secret found again under the same rule keeps its
 * fingerprint wherever it moves, and the digest cannot be reversed into the secret in
 * practice for secrets of real entropy.
 */
export function secretFingerprint(ruleId: string, secret: string): string {
  return createHash('sha256').update(JSON.stringify(['secret', ruleId, secret])).digest('hex').slice(0, 32);
}

/** The `partialFingerprints` entry of a secret finding. */
export function secretPartialFingerprints(ruleId: string, secret: string): Record<string, string> {
  return { [FINGERPRINT_KEY]: secretFingerprint(ruleId, secret) };
}
