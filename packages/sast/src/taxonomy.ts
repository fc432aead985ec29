import type { Finding } from '@devsecops/core';

/**
 * OWASP Top 10 2021 category of a CWE, from MITRE's CWE view 1344 "Weaknesses in OWASP Top
 * Ten (2021)" (CWE list 4.x): each of its ten categories (CWE-1345 to CWE-1356) lists the
 * weaknesses mapped to it. A CWE outside the view has no category there; see
 * OWASP_2021_NEAREST.
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

/**
 * OWASP 2021 category for CWEs that view 1344 leaves out but SAST rules report often. These
 * are this project's choice of the nearest category, not MITRE's, and apply only when no CWE
 * of the finding is in the view.
 */
export const OWASP_2021_NEAREST: ReadonlyMap<string, string> = new Map([
  ['CWE-155', 'A03:2021-Injection'], // wildcard injection into a shell command
  ['CWE-208', 'A02:2021-Cryptographic Failures'], // timing discrepancy when comparing secrets
  ['CWE-400', 'A04:2021-Insecure Design'], // uncontrolled resource consumption
  ['CWE-605', 'A05:2021-Security Misconfiguration'], // binding to all network interfaces
  ['CWE-703', 'A04:2021-Insecure Design'], // unchecked exceptional conditions
  ['CWE-732', 'A01:2021-Broken Access Control'], // permissive file permissions
  ['CWE-770', 'A04:2021-Insecure Design'], // allocation without limits, such as no rate limiting
  ['CWE-908', 'A04:2021-Insecure Design'], // use of uninitialized memory
  ['CWE-1333', 'A04:2021-Insecure Design'] // regular expressions with exponential backtracking
]);

/**
 * CWE ids of rules whose tool metadata carries none: the bundled ESLint rules and Bandit test
 * ids (Bandit writes `issue_cwe` only from version 1.7.3 on). Sources: the rule documentation
 * of eslint-plugin-security 4.1.0, @microsoft/eslint-plugin-sdl 1.1.0 and
 * eslint-plugin-no-unsanitized 4.1.5 (what each rule detects), ESLint's `no-eval` family, and
 * the CWE that Bandit 1.7's plugins declare for each test id.
 */
export const RULE_CWES: Readonly<Record<string, readonly string[]>> = {
  // ESLint core
  'no-eval': ['CWE-95'],
  'no-implied-eval': ['CWE-95'],
  'no-new-func': ['CWE-95'],
  // eslint-plugin-security
  'security/detect-bidi-characters': ['CWE-451'],
  'security/detect-buffer-noassert': ['CWE-20'],
  'security/detect-child-process': ['CWE-78'],
  'security/detect-disable-mustache-escape': ['CWE-79'],
  'security/detect-eval-with-expression': ['CWE-95'],
  'security/detect-invisible-characters': ['CWE-451'],
  'security/detect-new-buffer': ['CWE-908'],
  'security/detect-no-csrf-before-method-override': ['CWE-352'],
  'security/detect-non-literal-fs-filename': ['CWE-22'],
  'security/detect-non-literal-regexp': ['CWE-1333'],
  'security/detect-non-literal-require': ['CWE-829'],
  'security/detect-object-injection': ['CWE-915'],
  'security/detect-possible-timing-attacks': ['CWE-208'],
  'security/detect-pseudoRandomBytes': ['CWE-338'],
  'security/detect-unsafe-regex': ['CWE-1333'],
  // @microsoft/eslint-plugin-sdl
  '@microsoft/sdl/no-angular-bypass-sanitizer': ['CWE-79'],
  '@microsoft/sdl/no-angular-sanitization-trusted-urls': ['CWE-79'],
  '@microsoft/sdl/no-angularjs-bypass-sce': ['CWE-79'],
  '@microsoft/sdl/no-angularjs-enable-svg': ['CWE-79'],
  '@microsoft/sdl/no-angularjs-sanitization-whitelist': ['CWE-79'],
  '@microsoft/sdl/no-cookies': ['CWE-539'],
  '@microsoft/sdl/no-document-domain': ['CWE-346'],
  '@microsoft/sdl/no-document-write': ['CWE-79'],
  '@microsoft/sdl/no-electron-node-integration': ['CWE-94'],
  '@microsoft/sdl/no-html-method': ['CWE-79'],
  '@microsoft/sdl/no-inner-html': ['CWE-79'],
  '@microsoft/sdl/no-insecure-random': ['CWE-338'],
  '@microsoft/sdl/no-insecure-url': ['CWE-319'],
  '@microsoft/sdl/no-msapp-exec-unsafe': ['CWE-79'],
  '@microsoft/sdl/no-postmessage-star-origin': ['CWE-201'],
  '@microsoft/sdl/no-unsafe-alloc': ['CWE-908'],
  '@microsoft/sdl/no-winjs-html-unsafe': ['CWE-79'],
  // eslint-plugin-no-unsanitized
  'no-unsanitized/method': ['CWE-79'],
  'no-unsanitized/property': ['CWE-79'],
  // Bandit
  B101: ['CWE-703'],
  B102: ['CWE-78'],
  B103: ['CWE-732'],
  B104: ['CWE-605'],
  B105: ['CWE-259'],
  B106: ['CWE-259'],
  B107: ['CWE-259'],
  B108: ['CWE-377'],
  B110: ['CWE-703'],
  B112: ['CWE-703'],
  B201: ['CWE-94'],
  B202: ['CWE-22'],
  B301: ['CWE-502'],
  B302: ['CWE-502'],
  B303: ['CWE-327'],
  B304: ['CWE-327'],
  B305: ['CWE-327'],
  B306: ['CWE-377'],
  B307: ['CWE-78'],
  B308: ['CWE-79'],
  B310: ['CWE-22'],
  B311: ['CWE-330'],
  B312: ['CWE-319'],
  B313: ['CWE-20'],
  B314: ['CWE-20'],
  B315: ['CWE-20'],
  B316: ['CWE-20'],
  B317: ['CWE-20'],
  B318: ['CWE-20'],
  B319: ['CWE-20'],
  B320: ['CWE-20'],
  B321: ['CWE-319'],
  B323: ['CWE-295'],
  B324: ['CWE-327'],
  B401: ['CWE-319'],
  B402: ['CWE-319'],
  B403: ['CWE-502'],
  B404: ['CWE-78'],
  B405: ['CWE-20'],
  B406: ['CWE-20'],
  B407: ['CWE-20'],
  B408: ['CWE-20'],
  B409: ['CWE-20'],
  B410: ['CWE-20'],
  B411: ['CWE-20'],
  B412: ['CWE-319'],
  B413: ['CWE-327'],
  B501: ['CWE-295'],
  B502: ['CWE-327'],
  B503: ['CWE-327'],
  B504: ['CWE-327'],
  B505: ['CWE-326'],
  B506: ['CWE-20'],
  B507: ['CWE-295'],
  B601: ['CWE-78'],
  B602: ['CWE-78'],
  B603: ['CWE-78'],
  B604: ['CWE-78'],
  B605: ['CWE-78'],
  B606: ['CWE-78'],
  B607: ['CWE-78'],
  B608: ['CWE-89'],
  B609: ['CWE-155'],
  B610: ['CWE-89'],
  B611: ['CWE-89'],
  B701: ['CWE-94'],
  B702: ['CWE-80'],
  B703: ['CWE-80']
};

/**
 * Returns the OWASP Top 10 2021 category of the first CWE in view 1344, else of the first CWE
 * in OWASP_2021_NEAREST, else undefined.
 */
export function owaspCategory(cwes: readonly string[]): string | undefined {
  for (const table of [OWASP_2021_BY_CWE, OWASP_2021_NEAREST]) {
    for (const cwe of cwes) {
      const category = table.get(normalizeCwe(cwe));
      if (category) {
        return category;
      }
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
 * Fills a SAST finding's CWE ids from RULE_CWES when the tool gave none, and sets
 * `properties.owasp` from the tool's own OWASP 2021 tag when present, else from the CWEs.
 */
export function enrichTaxonomy(finding: Finding, toolOwasp?: string): Finding {
  const known = Object.hasOwn(RULE_CWES, finding.rule.id) ? RULE_CWES[finding.rule.id] : undefined;
  const cwes = finding.cwes.length > 0 ? finding.cwes.map(normalizeCwe) : [...(known ?? [])];
  const owasp = normalizeOwasp(toolOwasp) ?? owaspCategory(cwes);
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
  const match = tag ? /\bA(\d{1,2})\s*:\s*2021\b/i.exec(tag) : null;
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
