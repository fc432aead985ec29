import type { Finding } from '@devsecops/core';

/**
 * OWASP Top 10 2021 category of a CWE, from MITRE's CWE view 1344 "Weaknesses in OWASP Top
 * Ten (2021)" (CWE list 4.x): each of its ten categories (CWE-1345 to CWE-1356) lists the
 * weaknesses mapped to it. Only the members are listed here; a CWE outside the view has no
 * category of its own, and `RULE_TAXONOMY` may then name one for a rule.
 */
const OWASP_2021_MEMBERS: ReadonlyArray<[string, number[]]> = [
  ['A01:2021-Broken Access Control', [22, 23, 35, 59, 200, 201, 219, 264, 275, 276, 284, 285, 352, 359, 377, 402, 425, 441, 497, 538, 540, 548, 552, 566, 601, 639, 651, 668, 706, 862, 863, 913, 922, 1275]],
  ['A02:2021-Cryptographic Failures', [261, 296, 310, 319, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 335, 336, 337, 338, 340, 347, 523, 720, 757, 759, 760, 780, 818, 916]],
  ['A03:2021-Injection', [20, 74, 75, 77, 78, 79, 80, 83, 87, 88, 89, 90, 91, 93, 94, 95, 96, 97, 98, 99, 100, 113, 116, 138, 184, 470, 471, 564, 610, 643, 644, 652, 917]],
  ['A04:2021-Insecure Design', [73, 183, 209, 213, 235, 256, 257, 266, 269, 280, 311, 312, 313, 316, 419, 430, 434, 444, 451, 472, 501, 522, 525, 539, 579, 598, 602, 642, 646, 650, 653, 656, 657, 799, 807, 840, 841, 927, 1021, 1173]],
  ['A05:2021-Security Misconfiguration', [2, 11, 13, 15, 16, 260, 315, 520, 526, 537, 541, 547, 611, 614, 756, 776, 942, 1004, 1032, 1174]],
  ['A06:2021-Vulnerable and Outdated Components', [937, 1035, 1104]],
  ['A07:2021-Identification and Authentication Failures', [255, 259, 287, 288, 290, 294, 295, 297, 300, 302, 304, 306, 307, 346, 384, 521, 613, 620, 640, 798, 940, 1216]],
  ['A08:2021-Software and Data Integrity Failures', [345, 353, 426, 494, 502, 565, 784, 829, 830, 915]],
  ['A09:2021-Security Logging and Monitoring Failures', [117, 223, 532, 778]],
  ['A10:2021-Server-Side Request Forgery (SSRF)', [918]]
];

export const OWASP_2021_BY_CWE: ReadonlyMap<string, string> = new Map(
  OWASP_2021_MEMBERS.flatMap(([category, cwes]) => cwes.map((cwe) => [`CWE-${cwe}`, category] as const))
);

export interface RuleTaxonomy {
  cwes: string[];
  /** Set only where no CWE of the rule is in view 1344; a choice of this project, not MITRE's. */
  owasp?: string;
}

/**
 * CWE ids of rules whose tool metadata carries none: the bundled ESLint rules, Bandit test
 * ids and a few Semgrep rule ids. Sources: the rule documentation of eslint-plugin-security
 * 4.1.0, @microsoft/eslint-plugin-sdl 1.1.0 and eslint-plugin-no-unsanitized 4.1.5 (what each
 * rule detects), ESLint's `no-eval` family, and Bandit 1.7's own `issue_cwe` table. Where the
 * rule's weakness (resource exhaustion, CWE-400 and CWE-1333) has no OWASP 2021 category in
 * view 1344, `owasp` gives the nearest one, A04 Insecure Design.
 */
export const RULE_TAXONOMY: Readonly<Record<string, RuleTaxonomy>> = {
  // ESLint core
  'no-eval': { cwes: ['CWE-95'] },
  'no-implied-eval': { cwes: ['CWE-95'] },
  'no-new-func': { cwes: ['CWE-95'] },
  // eslint-plugin-security
  'security/detect-bidi-characters': { cwes: ['CWE-451'] },
  'security/detect-buffer-noassert': { cwes: ['CWE-20'] },
  'security/detect-child-process': { cwes: ['CWE-78'] },
  'security/detect-disable-mustache-escape': { cwes: ['CWE-79'] },
  'security/detect-eval-with-expression': { cwes: ['CWE-95'] },
  'security/detect-invisible-characters': { cwes: ['CWE-451'] },
  'security/detect-new-buffer': { cwes: ['CWE-20'] },
  'security/detect-no-csrf-before-method-override': { cwes: ['CWE-352'] },
  'security/detect-non-literal-fs-filename': { cwes: ['CWE-22'] },
  'security/detect-non-literal-regexp': { cwes: ['CWE-1333'], owasp: 'A04:2021-Insecure Design' },
  'security/detect-non-literal-require': { cwes: ['CWE-706'] },
  'security/detect-object-injection': { cwes: ['CWE-915'] },
  'security/detect-possible-timing-attacks': { cwes: ['CWE-208'], owasp: 'A02:2021-Cryptographic Failures' },
  'security/detect-pseudoRandomBytes': { cwes: ['CWE-338'] },
  'security/detect-unsafe-regex': { cwes: ['CWE-1333'], owasp: 'A04:2021-Insecure Design' },
  // @microsoft/eslint-plugin-sdl
  '@microsoft/sdl/no-angular-bypass-sanitizer': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-angular-sanitization-trusted-urls': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-angularjs-bypass-sce': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-angularjs-enable-svg': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-angularjs-sanitization-whitelist': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-cookies': { cwes: ['CWE-539'] },
  '@microsoft/sdl/no-document-domain': { cwes: ['CWE-346'] },
  '@microsoft/sdl/no-document-write': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-electron-node-integration': { cwes: ['CWE-94'] },
  '@microsoft/sdl/no-html-method': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-inner-html': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-insecure-random': { cwes: ['CWE-338'] },
  '@microsoft/sdl/no-insecure-url': { cwes: ['CWE-319'] },
  '@microsoft/sdl/no-msapp-exec-unsafe': { cwes: ['CWE-79'] },
  '@microsoft/sdl/no-postmessage-star-origin': { cwes: ['CWE-201'] },
  '@microsoft/sdl/no-unsafe-alloc': { cwes: ['CWE-201'] },
  '@microsoft/sdl/no-winjs-html-unsafe': { cwes: ['CWE-79'] },
  // eslint-plugin-no-unsanitized
  'no-unsanitized/method': { cwes: ['CWE-79'] },
  'no-unsanitized/property': { cwes: ['CWE-79'] }
};

/** Returns the OWASP Top 10 2021 category of the first CWE in view 1344, else undefined. */
export function owaspCategory(cwes: readonly string[]): string | undefined {
  for (const cwe of cwes) {
    const category = OWASP_2021_BY_CWE.get(normalizeCwe(cwe));
    if (category) {
      return category;
    }
  }
  return undefined;
}

/** Normalizes `CWE-079`, `cwe-79` and `79` to `CWE-79`; returns other text unchanged. */
export function normalizeCwe(cwe: string): string {
  const match = /^(?:cwe[-_: ]*)?0*(\d+)$/i.exec(cwe.trim());
  return match ? `CWE-${match[1]}` : cwe;
}

/**
 * Fills a SAST finding's CWE ids from `RULE_TAXONOMY` when the tool gave none, and sets
 * `properties.owasp` from the tool's own OWASP 2021 tag when present, else from the CWEs.
 */
export function enrichTaxonomy(finding: Finding, toolOwasp?: string): Finding {
  const known = RULE_TAXONOMY[finding.rule.id];
  const cwes = finding.cwes.length > 0 ? finding.cwes.map(normalizeCwe) : [...(known?.cwes ?? [])];
  const owasp = normalizeOwasp(toolOwasp) ?? owaspCategory(cwes) ?? known?.owasp;
  const enriched: Finding = { ...finding, cwes: [...new Set(cwes)] };
  if (owasp) {
    enriched.properties = { ...finding.properties, owasp };
  }
  return enriched;
}

const OWASP_NAMES = new Map(OWASP_2021_MEMBERS.map(([category]) => [category.slice(0, 3), category]));

/**
 * Reads a tool's OWASP tag in the 2021 edition, written as Semgrep writes it
 * (`A03:2021 - Injection`) or ours (`A03:2021-Injection`), and returns ours. Tags of other
 * editions (`A1:2017 - Injection`) return undefined.
 */
export function normalizeOwasp(tag: string | undefined): string | undefined {
  const match = tag ? /^\s*A(\d{1,2})\s*:\s*2021\b/i.exec(tag) : null;
  return match ? OWASP_NAMES.get(`A${match[1]!.padStart(2, '0')}`) : undefined;
}

/** Returns the first 2021 OWASP tag among tool tags or metadata values, normalized. */
export function owaspFromTags(values: readonly unknown[]): string | undefined {
  for (const value of values) {
    const owasp = typeof value === 'string' ? normalizeOwasp(value) : undefined;
    if (owasp) {
      return owasp;
    }
  }
  return undefined;
}
