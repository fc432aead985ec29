/**
 * Builds credential-shaped test values at run time from a seeded generator, so no
 * credential-shaped literal sits in the repository for the suite's own self-scan to flag.
 */
export function randomText(alphabet: string, length: number, seed: number): string {
  let state = seed >>> 0;
  let text = '';
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9 + index) >>> 0;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const HEX = '0123456789abcdef';
export const URLSAFE = `${ALNUM}_-`;
export const BASE64 = `${ALNUM}+/`;
