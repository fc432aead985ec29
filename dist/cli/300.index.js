export const id = 300;
export const ids = [300];
export const modules = {

/***/ 76991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BANDIT_TOOL_NAME: () => (/* reexport */ BANDIT_TOOL_NAME),
  BUNDLED_RULES: () => (/* reexport */ BUNDLED_RULES),
  DEFAULT_RULES: () => (/* reexport */ DEFAULT_RULES),
  DEFAULT_SEMGREP_CONFIG: () => (/* reexport */ DEFAULT_SEMGREP_CONFIG),
  DEFAULT_TIMEOUT_MINUTES: () => (/* reexport */ DEFAULT_TIMEOUT_MINUTES),
  ESLINT_PLUGINS: () => (/* reexport */ ESLINT_PLUGINS),
  ESLINT_TOOL_NAME: () => (/* reexport */ ESLINT_TOOL_NAME),
  JS_TS_EXTENSIONS: () => (/* reexport */ JS_TS_EXTENSIONS),
  MAX_LINE_LENGTH: () => (/* reexport */ MAX_LINE_LENGTH),
  MAX_SOURCE_FILE_BYTES: () => (/* reexport */ MAX_SOURCE_FILE_BYTES),
  OWASP_2021_BY_CWE: () => (/* reexport */ OWASP_2021_BY_CWE),
  OWASP_2021_NEAREST: () => (/* reexport */ OWASP_2021_NEAREST),
  RULE_CWES: () => (/* reexport */ RULE_CWES),
  SAST_ENGINES: () => (/* reexport */ SAST_ENGINES),
  SEMGREP_TOOL_NAME: () => (/* reexport */ SEMGREP_TOOL_NAME),
  SKIPPED_DIRECTORIES: () => (/* reexport */ SKIPPED_DIRECTORIES),
  banditArguments: () => (/* reexport */ banditArguments),
  codeqlSarifFiles: () => (/* reexport */ codeqlSarifFiles),
  collectSourceFiles: () => (/* reexport */ collectSourceFiles),
  defaultEngines: () => (/* reexport */ defaultEngines),
  describeSkipped: () => (/* reexport */ describeSkipped),
  detectReportFormat: () => (/* reexport */ detectReportFormat),
  enrichTaxonomy: () => (/* reexport */ enrichTaxonomy),
  eslintConfig: () => (/* reexport */ eslintConfig),
  isJsOrTs: () => (/* reexport */ isJsOrTs),
  locateReportPath: () => (/* reexport */ locateReportPath),
  locateTool: () => (/* reexport */ locateTool),
  normalizeCwe: () => (/* reexport */ normalizeCwe),
  normalizeOwasp: () => (/* reexport */ normalizeOwasp),
  owaspCategory: () => (/* reexport */ owaspCategory),
  owaspFromTags: () => (/* reexport */ owaspFromTags),
  parseSastReport: () => (/* reexport */ parseSastReport),
  readBanditJson: () => (/* reexport */ readBanditJson),
  readEslintJson: () => (/* reexport */ readEslintJson),
  readSastReport: () => (/* reexport */ readSastReport),
  readSemgrepJson: () => (/* reexport */ readSemgrepJson),
  readSemgrepPlatformJson: () => (/* reexport */ readSemgrepPlatformJson),
  readSemgrepSupplyChainJson: () => (/* reexport */ readSemgrepSupplyChainJson),
  resolveMergeBase: () => (/* reexport */ resolveMergeBase),
  resolveSastSettings: () => (/* reexport */ resolveSastSettings),
  runBandit: () => (/* reexport */ runBandit),
  runEslintEngine: () => (/* reexport */ runEslintEngine),
  runSemgrep: () => (/* reexport */ runSemgrep),
  sarifResultTags: () => (/* reexport */ sarifResultTags),
  sastScanner: () => (/* reexport */ sastScanner),
  scanSast: () => (/* reexport */ scanSast),
  semgrepArguments: () => (/* reexport */ semgrepArguments)
});

;// CONCATENATED MODULE: ./packages/sast/src/taxonomy.ts
/**
 * OWASP Top 10 2021 category of a CWE, from MITRE's CWE view 1344 "Weaknesses in OWASP Top
 * Ten (2021)" (CWE list 4.x): each of its ten categories (CWE-1345 to CWE-1356) lists the
 * weaknesses mapped to it. A CWE outside the view has no category there; see
 * OWASP_2021_NEAREST.
 */
const OWASP_2021_MEMBERS = [
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
const OWASP_2021_BY_CWE = new Map(OWASP_2021_MEMBERS.flatMap(([category, cwes]) => cwes.map((cwe) => [`CWE-${cwe}`, category])));
/**
 * OWASP 2021 category for CWEs that view 1344 leaves out but SAST rules report often. These
 * are this project's choice of the nearest category, not MITRE's, and apply only when no CWE
 * of the finding is in the view.
 */
const OWASP_2021_NEAREST = new Map([
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
const RULE_CWES = {
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
function owaspCategory(cwes) {
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
function normalizeCwe(cwe) {
    const match = /^(?:cwe[-_: ]*)?0*(\d+)$/i.exec(cwe.trim());
    return match ? `CWE-${match[1]}` : cwe;
}
/**
 * Fills a SAST finding's CWE ids from RULE_CWES when the tool gave none, and sets
 * `properties.owasp` from the tool's own OWASP 2021 tag when present, else from the CWEs.
 */
function enrichTaxonomy(finding, toolOwasp) {
    const known = Object.hasOwn(RULE_CWES, finding.rule.id) ? RULE_CWES[finding.rule.id] : undefined;
    const cwes = finding.cwes.length > 0 ? finding.cwes.map(normalizeCwe) : [...(known ?? [])];
    const owasp = normalizeOwasp(toolOwasp) ?? owaspCategory(cwes);
    const enriched = { ...finding, cwes: [...new Set(cwes)] };
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
function normalizeOwasp(tag) {
    const match = tag ? /\bA(\d{1,2})\s*:\s*2021\b/i.exec(tag) : null;
    return match ? OWASP_NAMES.get(`A${match[1].padStart(2, '0')}`) : undefined;
}
/** Returns the first 2021 OWASP tag among tool tags or metadata values, normalized. */
function owaspFromTags(values) {
    for (const value of values) {
        const owasp = typeof value === 'string' ? normalizeOwasp(value) : undefined;
        if (owasp) {
            return owasp;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/sast/src/eslint-rules.ts
/**
 * Every rule the bundled engine knows. `enabled` and `severity` were chosen by measured
 * precision (`npm run bench:sast`: DVNA against express 5.3.0 and its direct dependencies);
 * docs/sast-rules.md records the figures. In short: `security/detect-object-injection` is left
 * out (232 findings, none real), and the rules that fired only on the clean code are `low`, so
 * they show in the report without failing a build at the usual `fail-on: high`. Rules that
 * found nothing on either side keep the severity of the weakness they look for.
 */
const BUNDLED_RULES = [
    { id: 'no-eval', severity: 'high', enabled: true },
    { id: 'no-implied-eval', severity: 'high', enabled: true },
    { id: 'no-new-func', severity: 'low', enabled: true },
    { id: 'security/detect-bidi-characters', severity: 'high', enabled: true },
    { id: 'security/detect-buffer-noassert', severity: 'medium', enabled: true },
    { id: 'security/detect-child-process', severity: 'high', enabled: true },
    { id: 'security/detect-disable-mustache-escape', severity: 'high', enabled: true },
    { id: 'security/detect-eval-with-expression', severity: 'high', enabled: true },
    { id: 'security/detect-invisible-characters', severity: 'low', enabled: true },
    { id: 'security/detect-new-buffer', severity: 'medium', enabled: true },
    { id: 'security/detect-no-csrf-before-method-override', severity: 'medium', enabled: true },
    { id: 'security/detect-non-literal-fs-filename', severity: 'low', enabled: true },
    { id: 'security/detect-non-literal-regexp', severity: 'low', enabled: true },
    { id: 'security/detect-non-literal-require', severity: 'low', enabled: true },
    { id: 'security/detect-object-injection', severity: 'low', enabled: false },
    { id: 'security/detect-possible-timing-attacks', severity: 'low', enabled: true },
    { id: 'security/detect-pseudoRandomBytes', severity: 'medium', enabled: true },
    { id: 'security/detect-unsafe-regex', severity: 'low', enabled: true },
    { id: '@microsoft/sdl/no-angular-bypass-sanitizer', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-angular-sanitization-trusted-urls', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-angularjs-bypass-sce', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-angularjs-enable-svg', severity: 'medium', enabled: true },
    { id: '@microsoft/sdl/no-angularjs-sanitization-whitelist', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-cookies', severity: 'low', enabled: true },
    { id: '@microsoft/sdl/no-document-domain', severity: 'medium', enabled: true },
    { id: '@microsoft/sdl/no-document-write', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-electron-node-integration', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-html-method', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-inner-html', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-insecure-random', severity: 'medium', enabled: true },
    { id: '@microsoft/sdl/no-insecure-url', severity: 'low', enabled: true },
    { id: '@microsoft/sdl/no-msapp-exec-unsafe', severity: 'high', enabled: true },
    { id: '@microsoft/sdl/no-postmessage-star-origin', severity: 'medium', enabled: true },
    { id: '@microsoft/sdl/no-unsafe-alloc', severity: 'medium', enabled: true },
    { id: '@microsoft/sdl/no-winjs-html-unsafe', severity: 'high', enabled: true },
    { id: 'no-unsanitized/method', severity: 'high', enabled: true },
    { id: 'no-unsanitized/property', severity: 'high', enabled: true }
];
/** The rules that run by default. */
const DEFAULT_RULES = BUNDLED_RULES.filter((rule) => rule.enabled);

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./packages/sast/src/commonjs-globals.ts


// TypeScript's compiler (loaded by @typescript-eslint/parser) reads the CommonJS globals
// `__filename` and `__dirname` when it starts, to test whether the file system is case
// sensitive. The ncc bundle of an action is an ES module, where neither exists, so they are
// defined here, before the parser is imported. Where they already exist they are left alone.
const globals = globalThis;
globals.__filename ??= (0,external_node_url_.fileURLToPath)(import.meta.url);
globals.__dirname ??= external_node_path_default().dirname(globals.__filename);

// EXTERNAL MODULE: ./packages/core/src/index.ts + 26 modules
var src = __webpack_require__(6641);
// EXTERNAL MODULE: ./node_modules/@microsoft/eslint-plugin-sdl/lib/index.js
var lib = __webpack_require__(27252);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./node_modules/@typescript-eslint/parser/dist/index.js
var dist = __webpack_require__(62721);
// EXTERNAL MODULE: ./node_modules/eslint/lib/api.js
var api = __webpack_require__(54424);
// EXTERNAL MODULE: ./node_modules/eslint-plugin-no-unsanitized/index.js
var eslint_plugin_no_unsanitized = __webpack_require__(91820);
var eslint_plugin_no_unsanitized_default = /*#__PURE__*/__webpack_require__.n(eslint_plugin_no_unsanitized);
// EXTERNAL MODULE: ./node_modules/eslint-plugin-security/index.js
var eslint_plugin_security = __webpack_require__(60781);
var eslint_plugin_security_default = /*#__PURE__*/__webpack_require__.n(eslint_plugin_security);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/sast/src/source-files.ts




/** File extensions the bundled engine lints: JavaScript, TypeScript and JSX in all module flavours. */
const JS_TS_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
/** Folders never scanned: installed dependencies, version control, and build output. */
const SKIPPED_DIRECTORIES = ['node_modules', 'bower_components', 'jspm_packages', '.git', 'dist'];
/** Files bigger than this are generated or vendored bundles in practice, and are skipped. */
const MAX_SOURCE_FILE_BYTES = 1024 * 1024;
/** A line longer than this marks minified or generated code, which is skipped. */
const MAX_LINE_LENGTH = 1000;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/i;
/** Returns true when the path has one of JS_TS_EXTENSIONS, `.d.ts` declaration files excluded. */
function isJsOrTs(file) {
    return JS_TS_EXTENSIONS.includes(external_node_path_default().extname(file).toLowerCase()) && !/\.d\.[cm]?ts$/i.test(file);
}
/**
 * Collects the JavaScript and TypeScript files under the target, in name order, with their
 * text. Folders in SKIPPED_DIRECTORIES below the target, what `.gitignore` files exclude,
 * minified and oversized files, and symbolic links are skipped and counted. The target itself
 * is scanned even when it is such a folder, so `node_modules/express` can be scanned on purpose.
 */
async function collectSourceFiles(options) {
    const workspace = external_node_path_default().resolve(options.workspace);
    const isExcluded = options.exclude && options.exclude.length > 0 ? picomatch_default()([...options.exclude], { dot: true }) : () => false;
    const skipped = { directories: 0, minified: 0, large: 0, excluded: 0, links: 0, ignored: 0 };
    const files = [];
    const visitFile = async (absolute) => {
        const repoPath = (0,src/* toRepoPath */.xD)(workspace, absolute);
        if (repoPath === undefined || !isJsOrTs(absolute)) {
            return;
        }
        if (isExcluded(repoPath)) {
            skipped.excluded += 1;
            return;
        }
        if (MINIFIED_NAME.test(absolute)) {
            skipped.minified += 1;
            return;
        }
        const size = (await (0,promises_.stat)(absolute)).size;
        if (size > MAX_SOURCE_FILE_BYTES) {
            skipped.large += 1;
            return;
        }
        const text = await readText(absolute, size);
        if (hasLongLine(text)) {
            skipped.minified += 1;
            return;
        }
        files.push({ absolute, path: repoPath, text, bytes: size });
    };
    const target = external_node_path_default().resolve(workspace, options.target);
    if (!(await (0,promises_.stat)(target)).isDirectory()) {
        await visitFile(target);
        return { files, skipped };
    }
    if (target !== workspace && (0,src/* toRepoPath */.xD)(workspace, target) === undefined) {
        // Files outside the workspace have no repository path, so none would be kept.
        return { files, skipped };
    }
    const walk = (0,src/* walkTree */.Ir)({ workspace, target, skipFolder: (name) => SKIPPED_DIRECTORIES.includes(name), walkIgnoredTarget: true });
    for (const entry of walk) {
        switch (entry.kind) {
            case 'file':
                await visitFile(external_node_path_default().join(workspace, entry.repoPath));
                break;
            case 'git':
            case 'skippedFolder':
                skipped.directories += 1;
                break;
            case 'link':
            // A name that is not UTF-8 is counted with the links: neither is opened.
            case 'badName':
                skipped.links += 1;
                break;
            case 'ignored':
                if (entry.directory || isJsOrTs(entry.repoPath)) {
                    skipped.ignored += 1;
                }
                break;
            case 'unreadable':
                throw entry.error;
        }
    }
    return { files, skipped };
}
async function readText(file, size) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(size);
        await handle.read(buffer, 0, size, 0);
        return buffer.toString('utf8');
    }
    finally {
        await handle.close();
    }
}
function hasLongLine(text) {
    let start = 0;
    while (start < text.length) {
        const end = text.indexOf('\n', start);
        const stop = end === -1 ? text.length : end;
        if (stop - start > MAX_LINE_LENGTH) {
            return true;
        }
        start = stop + 1;
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/sast/src/eslint-engine.ts
/// <reference path="./plugins.d.ts" />
// Must come first: it defines the CommonJS globals the TypeScript parser reads when it loads.











const ESLINT_TOOL_NAME = 'ESLint';
/**
 * The plugins, imported statically and registered as objects, so the ncc bundle contains them
 * and ESLint never resolves a plugin by name from the scanned repository.
 */
const ESLINT_PLUGINS = {
    security: (eslint_plugin_security_default()),
    '@microsoft/sdl': (lib_default()),
    'no-unsanitized': (eslint_plugin_no_unsanitized_default())
};
/**
 * The TypeScript parser as a plain object. Its module sets `__esModule` without a default
 * export, so a default import is undefined in the ncc bundle and ESLint would silently fall
 * back to espree; the namespace import works both bundled and under Node.
 */
const TYPESCRIPT_PARSER = { meta: dist.meta, parseForESLint: dist.parseForESLint };
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
/**
 * Builds the flat config of the bundled engine: the security rules for every JavaScript and
 * TypeScript file, TypeScript parsed by @typescript-eslint/parser, JSX enabled everywhere.
 * `sourceType` applies to `.js` and `.jsx`; `.mjs` is always a module and `.cjs` CommonJS.
 */
function eslintConfig(rules, sourceType = 'module') {
    const ruleEntries = Object.fromEntries(rules.map((rule) => [rule.id, rule.options ? ['warn', ...rule.options] : 'warn']));
    return [
        {
            files: [...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES],
            plugins: ESLINT_PLUGINS,
            languageOptions: {
                ecmaVersion: 'latest',
                sourceType,
                parserOptions: { ecmaFeatures: { jsx: true } }
            },
            linterOptions: { reportUnusedDisableDirectives: 'off' },
            rules: ruleEntries
        },
        { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
        {
            files: TYPESCRIPT_FILES,
            languageOptions: { parser: TYPESCRIPT_PARSER, parserOptions: { ecmaFeatures: { jsx: true } } }
        }
    ];
}
/**
 * Runs the bundled ESLint engine on the JavaScript and TypeScript files under the target.
 * A `.js` file that does not parse as a module is parsed again as CommonJS. Files that still
 * do not parse are counted and named in a warning; they never stop the scan.
 */
async function runEslintEngine(options) {
    const rules = options.rules ?? DEFAULT_RULES;
    const walk = await collectSourceFiles({ workspace: options.workspace, target: options.target, exclude: options.exclude });
    const linters = new LinterCache(options.workspace);
    const crashes = [];
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const findings = [];
    const warnings = [];
    const unparsed = [];
    let bytes = 0;
    const lintFile = async (text, filePath, sourceType) => {
        const skippedRules = new Set();
        for (;;) {
            const linter = linters.get(rules, sourceType, skippedRules);
            try {
                return (await linter.lintText(text, { filePath }))[0];
            }
            catch (error) {
                const crashed = crashedRule(error);
                if (!crashed || skippedRules.has(crashed) || skippedRules.size >= MAX_CRASHED_RULES) {
                    throw error;
                }
                crashes.push(`${crashed} on ${(0,src/* toRepoPath */.xD)(options.workspace, filePath) ?? filePath}`);
                skippedRules.add(crashed);
            }
        }
    };
    for (const [index, file] of walk.files.entries()) {
        options.signal?.throwIfAborted();
        const asModule = await lintFile(file.text, file.absolute, 'module');
        let result = asModule;
        if (asModule && hasFatal(asModule) && /\.jsx?$/i.test(file.path)) {
            const asCommonjs = await lintFile(file.text, file.absolute, 'commonjs');
            // When both fail, the module parser's error is the one worth showing.
            result = asCommonjs && !hasFatal(asCommonjs) ? asCommonjs : asModule;
        }
        bytes += file.bytes;
        options.onProgress?.({ files: index + 1, bytes, current: file.path });
        if (!result) {
            continue;
        }
        if (hasFatal(result)) {
            const fatal = result.messages.find((message) => message.fatal);
            unparsed.push(`${file.path}:${fatal?.line ?? 1}: ${fatal?.message ?? 'parsing failed'}`);
            continue;
        }
        findings.push(...findingsOf(result, file.path, byId, linters.get(rules, 'module', new Set())));
    }
    if (crashes.length > 0) {
        warnings.push(`${crashes.length} ESLint rule crash(es); each file was linted again without the rule: ${crashes.slice(0, 10).join('; ')}${crashes.length > 10 ? '; …' : ''}`);
    }
    if (unparsed.length > 0) {
        warnings.push(`ESLint could not parse ${unparsed.length} file(s), which were not scanned: ${unparsed.slice(0, 10).join('; ')}${unparsed.length > 10 ? '; …' : ''}`);
    }
    options.logger.info(`ESLint: ${walk.files.length} file(s) linted, ${findings.length} finding(s); ${describeSkipped(walk.skipped)}.`);
    return {
        findings,
        warnings,
        stats: {
            files: walk.files.length,
            bytes,
            parseErrors: unparsed.length,
            ruleCrashes: crashes.length,
            skippedDirectories: walk.skipped.directories,
            skippedMinified: walk.skipped.minified,
            skippedLarge: walk.skipped.large,
            skippedExcluded: walk.skipped.excluded,
            skippedLinks: walk.skipped.links,
            skippedIgnored: walk.skipped.ignored
        }
    };
}
/** Rules skipped on one file before its crash is reported as an error of the engine. */
const MAX_CRASHED_RULES = 3;
/** One ESLint instance per source type and set of rules skipped after a crash, created when first needed. */
class LinterCache {
    workspace;
    linters = new Map();
    constructor(workspace) {
        this.workspace = workspace;
    }
    get(rules, sourceType, skipped) {
        const key = `${sourceType}|${[...skipped].sort().join(',')}`;
        let linter = this.linters.get(key);
        if (!linter) {
            linter = new api.ESLint({
                cwd: external_node_path_default().resolve(this.workspace),
                overrideConfigFile: true,
                overrideConfig: eslintConfig(rules.filter((rule) => !skipped.has(rule.id)), sourceType),
                ignore: false,
                cache: false
            });
            this.linters.set(key, linter);
        }
        return linter;
    }
}
/**
 * Returns the rule that threw, from the message ESLint adds to an exception from a rule
 * ("Occurred while linting FILE:LINE" then `Rule: "ID"`), or undefined for other errors.
 */
function crashedRule(error) {
    // Duck-typed, because an error from another realm (as under jest) fails `instanceof Error`.
    const message = typeof error?.message === 'string' ? error.message : '';
    return /\nRule: "([^"]+)"/.exec(message)?.[1];
}
function hasFatal(result) {
    return result.fatalErrorCount > 0 || result.messages.some((message) => message.fatal);
}
/** Turns one file's messages, and the ones its `eslint-disable` comments suppressed, into findings. */
function findingsOf(result, repoPath, byId, linter) {
    const meta = linter.getRulesMetaForResults([result]);
    const findings = [];
    const add = (message, suppression) => {
        const rule = message.ruleId ? byId.get(message.ruleId) : undefined;
        if (!rule) {
            return;
        }
        const finding = findingOf(message, rule, repoPath, meta[rule.id]);
        if (suppression) {
            finding.suppression = suppression;
        }
        findings.push(finding);
    };
    result.messages.forEach((message) => add(message));
    for (const message of result.suppressedMessages) {
        const justification = message.suppressions.map((entry) => entry.justification).find((text) => text.trim() !== '');
        add(message, justification ? { kind: 'inline', justification, source: `${repoPath}:${message.line}` } : { kind: 'inline', source: `${repoPath}:${message.line}` });
    }
    return findings;
}
function findingOf(message, rule, repoPath, meta) {
    const finding = {
        tools: [ESLINT_TOOL_NAME],
        engine: `ESLint ${api.ESLint.version}`,
        category: 'sast',
        rule: { id: rule.id, name: rule.id, helpUri: meta?.docs?.url ?? coreRuleUri(rule.id) },
        severity: rule.severity,
        message: message.message,
        location: {
            path: repoPath,
            startLine: message.line,
            endLine: message.endLine ?? message.line,
            startColumn: message.column,
            ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {})
        },
        cwes: [],
        vulnerabilityIds: [],
        fingerprint: '',
        controls: []
    };
    if (meta?.docs?.description) {
        finding.rule.description = meta.docs.description;
    }
    return enrichTaxonomy(finding);
}
function coreRuleUri(ruleId) {
    return ruleId.includes('/') ? undefined : `https://eslint.org/docs/latest/rules/${ruleId}`;
}
function describeSkipped(skipped) {
    return `skipped ${skipped.directories} folder(s) (node_modules, dist, …), ${skipped.minified} minified file(s), ${skipped.large} file(s) over 1 MiB, ${skipped.excluded} excluded file(s), ${skipped.links} symbolic link(s), ${skipped.ignored} left out by .gitignore`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/sast/src/report-paths.ts



/**
 * Maps a path as a report wrote it to a repository-relative path, or undefined.
 *
 * Backslashes count as separators, as Bandit on Windows writes them. A relative path is taken
 * from the workspace root. An absolute path inside the workspace is made relative. An absolute
 * path from another machine (an ESLint report written in `/Users/me/app`) is matched by its
 * longest tail that names a file in the workspace, so `/Users/me/app/routes/a.js` becomes
 * `routes/a.js` when that file exists; only the existence of workspace files is checked.
 */
function locateReportPath(workspace, reported) {
    const normalized = reported.replace(/\\/g, '/');
    const root = external_node_path_default().resolve(workspace);
    const isAbsolute = normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized);
    if (!isAbsolute) {
        return (0,src/* toRepoPath */.xD)(root, normalized);
    }
    const inside = (0,src/* toRepoPath */.xD)(root, normalized);
    if (inside !== undefined && !/^[A-Za-z]:\//.test(normalized)) {
        return inside;
    }
    const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.' && !/^[A-Za-z]:$/.test(segment));
    if (segments.includes('..')) {
        return undefined;
    }
    for (let start = 0; start < segments.length; start += 1) {
        const candidate = segments.slice(start).join('/');
        if (isFile(external_node_path_default().join(root, candidate))) {
            return (0,src/* toRepoPath */.xD)(root, candidate);
        }
    }
    return undefined;
}
function isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/sast/src/report-context.ts



/** Warnings listed per report; the rest are counted. */
const MAX_WARNINGS = 50;
/** What an adapter needs while reading one report: where paths resolve, and where warnings go. */
class ReportContext {
    workspace;
    label;
    file;
    warnings = [];
    unlisted = 0;
    constructor(workspace, 
    /** The report as named in messages. */
    label, 
    /** The report's path, kept on each finding as `sourceFile`. */
    file) {
        this.workspace = workspace;
        this.label = label;
        this.file = file;
    }
    warn(place, message) {
        if (this.warnings.length < MAX_WARNINGS) {
            this.warnings.push(`${this.label}: ${place}: ${message}`);
        }
        else {
            this.unlisted += 1;
        }
    }
    finishWarnings() {
        return this.unlisted > 0 ? [...this.warnings, `${this.label}: ${this.unlisted} more warnings like these were not listed`] : this.warnings;
    }
    /**
     * Builds a location from a reported path and region, or warns and returns undefined when the
     * path is missing or lies outside the workspace.
     */
    location(place, reportedPath, region) {
        if (typeof reportedPath !== 'string' || reportedPath.trim() === '') {
            this.warn(place, 'has no file path; the finding is kept without a location');
            return undefined;
        }
        const repoPath = locateReportPath(this.workspace, reportedPath);
        if (repoPath === undefined) {
            this.warn(place, `path ${JSON.stringify(reportedPath).slice(0, 300)} is outside the workspace and matches no file in it; the location was dropped`);
            return undefined;
        }
        return { path: repoPath, ...region };
    }
    /** Completes a finding with the fields every adapter sets the same way, then adds CWE and OWASP. */
    finish(partial, toolOwasp) {
        const finding = { ...partial, category: 'sast', fingerprint: '', controls: [], sourceFile: this.file };
        if (finding.location === undefined) {
            delete finding.location;
        }
        return enrichTaxonomy(finding, toolOwasp);
    }
}
/** Region fields from 1-based numbers (or numeric strings); zero, negative or missing values are left out. */
function regionOf(startLine, startColumn, endLine, endColumn) {
    const region = {};
    const start = positive(startLine);
    const end = positive(endLine);
    if (start !== undefined) {
        region.startLine = start;
        region.endLine = end !== undefined && end >= start ? end : start;
    }
    const column = positive(startColumn);
    const endCol = positive(endColumn);
    if (column !== undefined) {
        region.startColumn = column;
    }
    if (endCol !== undefined) {
        region.endColumn = endCol;
    }
    return region;
}
/** Severity from a tool's own word by core's TOOL_RANKS table, or `fallback`. */
function severityFromWord(word, fallback) {
    const key = typeof word === 'string' ? word.trim().toLowerCase() : '';
    return Object.hasOwn(src/* TOOL_RANKS */.TW, key) ? src/* TOOL_RANKS */.TW[key] : fallback;
}
const CWE_IN_TEXT = /\bcwe[-_: ]*0*(\d{1,6})\b/gi;
/** Extracts `CWE-n` ids from strings such as `CWE-89: Improper Neutralization…`, in order, without repeats. */
function cwesFromText(values) {
    const found = new Set();
    for (const value of values) {
        if (typeof value === 'string') {
            for (const match of value.matchAll(CWE_IN_TEXT)) {
                found.add(`CWE-${Number(match[1])}`);
            }
        }
        else if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
            found.add(`CWE-${value}`);
        }
    }
    return [...found];
}
function stringsOf(value) {
    if (typeof value === 'string') {
        return [value];
    }
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringOr(value, fallback) {
    return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}
function optionalString(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
function positive(value) {
    const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}
function typeName(value) {
    if (value === null) {
        return 'null';
    }
    return Array.isArray(value) ? 'array' : typeof value;
}

;// CONCATENATED MODULE: ./packages/sast/src/bandit-report.ts


const BANDIT_TOOL_NAME = 'Bandit';
/**
 * Reads the JSON of `bandit -f json`: `results[]` with `filename`, `line_number`,
 * `line_range`, `col_offset` (0-based, from Bandit 1.7.3), `test_id`, `issue_severity` and
 * `issue_cwe` (from Bandit 1.7.3; older reports get the CWE from the test id). Entries of
 * `errors[]` (files Bandit could not parse) become warnings.
 */
function readBanditJson(log, context) {
    if (!Array.isArray(log.results)) {
        throw new src/* ReportError */.$g(context.label, `"results" must be an array, got ${typeName(log.results)}`);
    }
    for (const [index, error] of (Array.isArray(log.errors) ? log.errors : []).entries()) {
        const detail = isObject(error) ? `${stringOr(error.filename, '?')}: ${stringOr(error.reason, 'error')}` : String(error);
        context.warn(`errors[${index}]`, `Bandit could not scan ${detail.slice(0, 300)}`);
    }
    return log.results.map((result, index) => {
        const place = `results[${index}]`;
        if (!isObject(result)) {
            throw new src/* ReportError */.$g(context.label, `${place} must be an object, got ${typeName(result)}`);
        }
        const testId = stringOr(result.test_id, 'unknown-rule');
        const lineRange = Array.isArray(result.line_range) ? result.line_range.filter((line) => typeof line === 'number') : [];
        const endLine = lineRange.length > 0 ? Math.max(...lineRange) : undefined;
        const column = typeof result.col_offset === 'number' ? result.col_offset + 1 : undefined;
        const endColumn = typeof result.end_col_offset === 'number' ? result.end_col_offset + 1 : undefined;
        const issueCwe = isObject(result.issue_cwe) ? result.issue_cwe.id : undefined;
        const helpUri = optionalString(result.more_info);
        const finding = context.finish({
            tools: [BANDIT_TOOL_NAME],
            rule: helpUri ? { id: testId, name: stringOr(result.test_name, testId), helpUri } : { id: testId, name: stringOr(result.test_name, testId) },
            severity: severityFromWord(result.issue_severity, 'medium'),
            message: stringOr(result.issue_text, testId),
            location: context.location(place, result.filename, regionOf(result.line_number, column, endLine, endColumn)),
            cwes: cwesFromText([issueCwe]),
            vulnerabilityIds: []
        });
        finding.properties = { ...finding.properties, confidence: stringOr(result.issue_confidence, 'UNDEFINED').toLowerCase() };
        return finding;
    });
}

;// CONCATENATED MODULE: ./packages/sast/src/eslint-report.ts




/**
 * Severity of a rule in an ESLint report: the bundled engine's own choice for the rules it
 * knows, else by ESLint's level, which says how the project configured the rule rather than
 * how dangerous the problem is: 2 (error) medium, 1 (warn) low.
 */
function eslintSeverity(ruleId, level) {
    const known = BUNDLED_RULES.find((rule) => rule.id === ruleId);
    if (known) {
        return known.severity;
    }
    return level === 2 ? 'medium' : 'low';
}
/**
 * Reads the JSON of `eslint -f json`: an array of `{ filePath, messages[] }`. Messages without
 * a rule id are parse errors of that file; they become warnings, not findings. ESLint writes
 * absolute paths, matched to the workspace by their tail (see locateReportPath).
 */
function readEslintJson(log, context) {
    const findings = [];
    for (const [fileIndex, fileResult] of log.entries()) {
        if (!isObject(fileResult) || !Array.isArray(fileResult.messages)) {
            throw new src/* ReportError */.$g(context.label, `[${fileIndex}] must be an object with "filePath" and "messages", got ${typeName(fileResult)}`);
        }
        for (const [messageIndex, message] of fileResult.messages.entries()) {
            const place = `[${fileIndex}].messages[${messageIndex}]`;
            if (!isObject(message)) {
                throw new src/* ReportError */.$g(context.label, `${place} must be an object, got ${typeName(message)}`);
            }
            if (typeof message.ruleId !== 'string' || message.ruleId === '') {
                context.warn(place, `ESLint could not lint ${stringOr(fileResult.filePath, 'a file')}: ${stringOr(message.message, 'no message').slice(0, 300)}`);
                continue;
            }
            const ruleId = message.ruleId;
            findings.push(context.finish({
                tools: [ESLINT_TOOL_NAME],
                rule: { id: ruleId, name: ruleId },
                severity: eslintSeverity(ruleId, message.severity),
                message: stringOr(message.message, ruleId),
                location: context.location(place, fileResult.filePath, regionOf(message.line, message.column, message.endLine, message.endColumn)),
                cwes: [],
                vulnerabilityIds: []
            }));
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./packages/sast/src/sarif-extras.ts

/**
 * Reads the tags of each result's rule and of the result, such as `OWASP-A03:2021 - Injection`,
 * which core's reader leaves out. The lists follow `parseSarif`'s findings, so results of kind
 * `pass` and `notApplicable` are skipped as there.
 */
function sarifResultTags(log) {
    const tags = [];
    for (const run of Array.isArray(log.runs) ? log.runs : []) {
        if (!isObject(run)) {
            continue;
        }
        const rules = ruleLookup(run);
        for (const result of Array.isArray(run.results) ? run.results : []) {
            if (!isObject(result) || result.kind === 'pass' || result.kind === 'notApplicable') {
                continue;
            }
            const rule = rules(result);
            tags.push([...stringsOf(isObject(rule?.properties) ? rule.properties.tags : undefined), ...stringsOf(isObject(result.properties) ? result.properties.tags : undefined)]);
        }
    }
    return tags;
}
/** Finds a result's rule by `ruleIndex`/`rule.index` in the driver, else by id in the driver and extensions. */
function ruleLookup(run) {
    const tool = isObject(run.tool) ? run.tool : {};
    const components = [tool.driver, ...(Array.isArray(tool.extensions) ? tool.extensions : [])].filter(isObject);
    const driverRules = isObject(tool.driver) && Array.isArray(tool.driver.rules) ? tool.driver.rules : [];
    const byId = new Map();
    for (const component of components) {
        for (const rule of Array.isArray(component.rules) ? component.rules : []) {
            if (isObject(rule) && typeof rule.id === 'string' && !byId.has(rule.id)) {
                byId.set(rule.id, rule);
            }
        }
    }
    return (result) => {
        const reference = isObject(result.rule) ? result.rule : undefined;
        const index = typeof reference?.index === 'number' ? reference.index : typeof result.ruleIndex === 'number' ? result.ruleIndex : undefined;
        if (index !== undefined && reference?.toolComponent === undefined && isObject(driverRules[index])) {
            return driverRules[index];
        }
        const id = optionalString(result.ruleId) ?? optionalString(reference?.id);
        return id !== undefined ? byId.get(id) : undefined;
    };
}

;// CONCATENATED MODULE: ./packages/sast/src/semgrep-report.ts



const SEMGREP_TOOL_NAME = 'Semgrep';
/**
 * Reads the JSON of `semgrep scan --json`: `results[]` with `check_id`, `path`, `start`, `end`
 * and `extra` (message, severity, metadata with `cwe` and `owasp`, `is_ignored`). A result that
 * a `nosemgrep` comment ignored (`is_ignored: true`, present with `--disable-nosem`) is kept
 * as suppressed. Entries of `errors[]` become warnings.
 */
function readSemgrepJson(log, context) {
    const results = arrayAt(log, 'results', context);
    for (const [index, error] of (Array.isArray(log.errors) ? log.errors : []).entries()) {
        const message = isObject(error) ? stringOr(error.message, stringOr(error.type, 'error')) : String(error);
        context.warn(`errors[${index}]`, `Semgrep reported: ${message.slice(0, 300)}`);
    }
    return results.map((result, index) => {
        const place = `results[${index}]`;
        if (!isObject(result)) {
            throw new src/* ReportError */.$g(context.label, `${place} must be an object, got ${typeName(result)}`);
        }
        const extra = isObject(result.extra) ? result.extra : {};
        const metadata = isObject(extra.metadata) ? extra.metadata : {};
        const start = isObject(result.start) ? result.start : {};
        const end = isObject(result.end) ? result.end : {};
        const ruleId = stringOr(result.check_id, 'unknown-rule');
        const helpUri = optionalString(metadata.source) ?? optionalString(metadata.shortlink) ?? stringsOf(metadata.references)[0];
        const finding = context.finish({
            tools: [SEMGREP_TOOL_NAME],
            rule: helpUri ? { id: ruleId, name: ruleId, helpUri } : { id: ruleId, name: ruleId },
            severity: severityFromWord(extra.severity, 'medium'),
            message: stringOr(extra.message, ruleId).trim(),
            location: context.location(place, result.path, {
                ...regionOf(start.line, start.col, end.line, end.col),
                ...(typeof extra.lines === 'string' && extra.lines !== 'requires login' ? { snippet: extra.lines } : {})
            }),
            cwes: cwesFromText(stringsOf(metadata.cwe)),
            vulnerabilityIds: []
        }, owaspFromTags(stringsOf(metadata.owasp)));
        if (extra.is_ignored === true) {
            finding.suppression = { kind: 'inline', justification: 'nosemgrep comment' };
        }
        return finding;
    });
}
/**
 * Reads a Semgrep AppSec Platform findings export (`findings[]` from the findings API):
 * `rule_name`, `rule_message`, `location` and the rule's `cwe_names` and `owasp_names`.
 */
function readSemgrepPlatformJson(log, context) {
    return arrayAt(log, 'findings', context).map((entry, index) => {
        const place = `findings[${index}]`;
        if (!isObject(entry)) {
            throw new src/* ReportError */.$g(context.label, `${place} must be an object, got ${typeName(entry)}`);
        }
        const rule = isObject(entry.rule) ? entry.rule : {};
        const location = isObject(entry.location) ? entry.location : {};
        const ruleId = stringOr(entry.rule_name, stringOr(rule.name, 'unknown-rule'));
        const finding = context.finish({
            tools: [SEMGREP_TOOL_NAME],
            engine: 'Semgrep AppSec Platform',
            rule: { id: ruleId, name: ruleId },
            severity: severityFromWord(entry.severity, 'medium'),
            message: stringOr(entry.rule_message, stringOr(rule.message, ruleId)).trim(),
            location: context.location(place, location.file_path, regionOf(location.line, location.column, location.end_line, location.end_column)),
            cwes: cwesFromText(stringsOf(rule.cwe_names)),
            vulnerabilityIds: []
        }, owaspFromTags(stringsOf(rule.owasp_names)));
        return finding;
    });
}
/**
 * Reads a Semgrep Supply Chain vulnerabilities export (`vulns[]`): one finding per vulnerable
 * dependency, placed at the line of the manifest or lock file that declares it.
 */
function readSemgrepSupplyChainJson(log, context) {
    return arrayAt(log, 'vulns', context).map((entry, index) => {
        const place = `vulns[${index}]`;
        if (!isObject(entry)) {
            throw new src/* ReportError */.$g(context.label, `${place} must be an object, got ${typeName(entry)}`);
        }
        const advisory = isObject(entry.advisory) ? entry.advisory : {};
        const references = isObject(advisory.references) ? advisory.references : {};
        const dependency = isObject(entry.matchedDependency) ? entry.matchedDependency : {};
        const fileLocation = isObject(entry.dependencyFileLocation) ? entry.dependencyFileLocation : {};
        const ruleId = stringOr(advisory.ruleId, 'unknown-rule');
        const urls = stringsOf(references.urls);
        const ghsa = urls.flatMap((url) => /\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i.exec(url)?.[1] ?? []);
        const finding = context.finish({
            tools: [SEMGREP_TOOL_NAME],
            engine: 'Semgrep Supply Chain',
            rule: urls[0] ? { id: ruleId, name: stringOr(advisory.title, ruleId), helpUri: urls[0] } : { id: ruleId, name: stringOr(advisory.title, ruleId) },
            severity: severityFromWord(advisory.severity, 'medium'),
            message: stringOr(entry.title, stringOr(advisory.title, ruleId)),
            location: context.location(place, fileLocation.path, regionOf(fileLocation.startLine, undefined, fileLocation.endLine)),
            cwes: cwesFromText(stringsOf(references.cweIds)),
            vulnerabilityIds: [...new Set([...stringsOf(references.cveIds), ...ghsa])]
        }, owaspFromTags(stringsOf(references.owaspIds)));
        const packageRef = packageOf(dependency, advisory);
        if (packageRef) {
            finding.package = packageRef;
        }
        return finding;
    });
}
function packageOf(dependency, advisory) {
    const name = optionalString(dependency.name);
    if (!name) {
        return undefined;
    }
    const packageRef = { name };
    const version = optionalString(dependency.versionSpecifier);
    const ecosystem = optionalString(advisory.ecosystem);
    if (version) {
        packageRef.version = version;
    }
    if (ecosystem) {
        packageRef.ecosystem = ecosystem;
    }
    return packageRef;
}
function arrayAt(log, key, context) {
    const value = log[key];
    if (!Array.isArray(value)) {
        throw new src/* ReportError */.$g(context.label, `"${key}" must be an array, got ${typeName(value)}`);
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/sast/src/report-files.ts







/**
 * Tells the report formats apart by their shape: SARIF has `version` and `runs`; Semgrep's
 * CLI JSON has `results` (with `check_id`) and `errors`; Bandit's has `results` with
 * `test_id` and `metrics`; ESLint's is an array of file results; the Semgrep platform exports
 * have `findings` or `vulns`.
 */
function detectReportFormat(log) {
    if (Array.isArray(log)) {
        return 'eslint-json';
    }
    if (!isObject(log)) {
        return undefined;
    }
    if (log.runs !== undefined || (typeof log.version === 'string' && /^2\./.test(log.version) && log.results === undefined)) {
        return 'sarif';
    }
    if (Array.isArray(log.results)) {
        const first = log.results[0];
        if (log.metrics !== undefined || log.generated_at !== undefined || (isObject(first) && first.test_id !== undefined)) {
            return 'bandit-json';
        }
        return 'semgrep-json';
    }
    if (Array.isArray(log.findings)) {
        return 'semgrep-platform-json';
    }
    if (Array.isArray(log.vulns)) {
        return 'semgrep-supply-chain-json';
    }
    return undefined;
}
/** Reads a SAST report from disk; see parseSastReport. An unreadable or oversized file is a ReportError. */
async function readSastReport(file, options) {
    const text = await (0,src/* readReportText */.Kq)(file, options.displayName ?? file);
    return parseSastReport(text, file, options);
}
/**
 * Turns a report of any supported format into findings with CWE ids and OWASP categories.
 * SARIF goes through core's reader; the tool's own OWASP 2021 tag, where its rule or result
 * has one, wins over the category derived from the CWE.
 */
function parseSastReport(text, file, options) {
    const label = options.displayName ?? file;
    const log = parseJson(text, label);
    const format = detectReportFormat(log);
    const context = new ReportContext(options.workspace, label, file);
    switch (format) {
        case 'sarif':
            return { format, ...readSarifReport(text, log, file, options) };
        case 'semgrep-json':
            return { format, findings: readSemgrepJson(log, context), warnings: context.finishWarnings() };
        case 'semgrep-platform-json':
            return { format, findings: readSemgrepPlatformJson(log, context), warnings: context.finishWarnings() };
        case 'semgrep-supply-chain-json':
            return { format, findings: readSemgrepSupplyChainJson(log, context), warnings: context.finishWarnings() };
        case 'bandit-json':
            return { format, findings: readBanditJson(log, context), warnings: context.finishWarnings() };
        case 'eslint-json':
            return { format, findings: readEslintJson(log, context), warnings: context.finishWarnings() };
        default:
            throw new src/* ReportError */.$g(label, 'is not a known report format; expected SARIF 2.1.0, Semgrep JSON (`semgrep --json`), Bandit JSON (`bandit -f json`) or ESLint JSON (`eslint -f json`)');
    }
}
function readSarifReport(text, log, file, options) {
    const result = (0,src/* parseSarif */.r1)(text, file, options);
    const tags = sarifResultTags(log);
    const findings = result.findings.map((finding, index) => finding.category === 'sast' ? enrichTaxonomy(finding, owaspFromTags(tags[index] ?? [])) : finding);
    return { findings, warnings: result.warnings };
}
function parseJson(text, label) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') {
        throw new src/* ReportError */.$g(label, 'is empty; expected a JSON report');
    }
    return (0,src/* parseJsonText */.lk)(body, label);
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./schema/devsecops.schema.json
var devsecops_schema = __webpack_require__(35851);
;// CONCATENATED MODULE: ./packages/sast/src/settings.ts




const SAST_ENGINES = ['eslint', 'semgrep', 'bandit', 'codeql'];
const DEFAULT_SEMGREP_CONFIG = ['p/security-audit', 'p/owasp-top-ten'];
const DEFAULT_TIMEOUT_MINUTES = 30;
const settings_ajv = new ajv.Ajv({ allErrors: true, strict: true });
const validateSection = settings_ajv.compile(devsecops_schema.properties.sast);
/**
 * Validates the `sast` section and merges it with the scanner settings (action inputs or
 * command-line options), which take precedence. Throws a ConfigurationError naming the key or
 * input and the expected value.
 */
function resolveSastSettings(options) {
    const file = options.config.file ?? '.github/devsecops.yml';
    const raw = options.config.sections['sast'] ?? {};
    if (!validateSection(raw)) {
        const problems = (validateSection.errors ?? []).map((error) => `sast${error.instancePath.replace(/\//g, '.')} ${error.message}${error.params && 'allowedValues' in error.params ? ` (${error.params.allowedValues.join(', ')})` : ''}`);
        throw new src/* ConfigurationError */.j1(`${file}: invalid sast section: ${problems.join('; ')}`);
    }
    const section = raw;
    const settings = options.settings;
    const semgrepConfig = settings['semgrep-config'] !== undefined ? splitList(settings['semgrep-config']) : (section['semgrep-config'] ?? [...DEFAULT_SEMGREP_CONFIG]);
    semgrepConfig.forEach((entry) => checkSemgrepConfig(entry, options.workspace));
    return {
        engines: options.engines ? options.engines.map(checkEngine) : section.engines,
        exclude: section.exclude ?? [],
        semgrepConfig,
        codeqlSarif: settings['codeql-sarif'] ? external_node_path_default().resolve(options.workspace, settings['codeql-sarif']) : undefined,
        timeoutMs: parseTimeoutMinutes(settings['timeout-minutes'], section['timeout-minutes']) * 60_000,
        install: parseBoolean(settings['install'], 'install'),
        baselineCommit: settings['baseline-commit'] || undefined,
        base: settings['base'] || undefined
    };
}
function checkEngine(name) {
    if (!SAST_ENGINES.includes(name)) {
        throw new src/* ConfigurationError */.j1(`engines: "${name}" is not a SAST engine; expected one or more of ${SAST_ENGINES.join(', ')}`);
    }
    return name;
}
/**
 * Accepts registry configs (`p/…`, `r/…`, `s/…`), URLs and files inside the workspace. `auto`
 * is rejected because Semgrep requires metrics for it, and this suite runs with `--metrics=off`.
 */
function checkSemgrepConfig(entry, workspace) {
    if (entry === 'auto') {
        throw new src/* ConfigurationError */.j1('semgrep-config: "auto" needs Semgrep metrics, which this suite turns off; name packs such as p/security-audit instead');
    }
    if (/^[prs]\//.test(entry) || /^https:\/\//.test(entry)) {
        return;
    }
    if ((0,src/* toRepoPath */.xD)(workspace, entry) === undefined) {
        throw new src/* ConfigurationError */.j1(`semgrep-config: "${entry}" is neither a registry pack (p/NAME) nor a rule file inside the workspace ${workspace}`);
    }
}
function parseTimeoutMinutes(input, fromConfig) {
    if (input === undefined || input === '') {
        return fromConfig ?? DEFAULT_TIMEOUT_MINUTES;
    }
    const minutes = Number(input);
    if (!Number.isFinite(minutes) || minutes <= 0) {
        throw new src/* ConfigurationError */.j1(`timeout-minutes: "${input}" is not a positive number of minutes`);
    }
    return minutes;
}
function parseBoolean(value, name) {
    if (value === undefined || value === '' || value === 'false') {
        return false;
    }
    if (value === 'true') {
        return true;
    }
    throw new src/* ConfigurationError */.j1(`${name}: "${value}" is not a boolean; expected true or false`);
}
function splitList(value) {
    return value
        .split(/[\n,]+/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

;// CONCATENATED MODULE: ./packages/sast/src/codeql.ts



/**
 * Lists the SARIF files github/codeql-action/analyze wrote with `upload: false` and
 * `output: DIR`: one `<language>.sarif` per language in DIR, or the one file named.
 */
async function codeqlSarifFiles(location) {
    let info;
    try {
        info = await (0,promises_.stat)(location);
    }
    catch {
        throw new src/* ReportError */.$g(location, 'not found; expected the output folder (or a SARIF file) of github/codeql-action/analyze with upload: false');
    }
    if (info.isFile()) {
        return [location];
    }
    const names = (await (0,promises_.readdir)(location)).filter((name) => name.endsWith('.sarif')).sort();
    if (names.length === 0) {
        throw new src/* ReportError */.$g(location, 'contains no .sarif file; did github/codeql-action/analyze run with output set to this folder?');
    }
    return names.map((name) => external_node_path_default().join(location, name));
}

// EXTERNAL MODULE: ./packages/tools/src/index.ts + 9 modules
var tools_src = __webpack_require__(57129);
;// CONCATENATED MODULE: ./packages/sast/src/baseline.ts

/**
 * Returns the merge base of HEAD and the pull request's base, for Semgrep's
 * `--baseline-commit`, or undefined outside a pull request. When git cannot find it (a shallow
 * checkout without the base branch), it warns and Semgrep scans everything.
 */
async function resolveMergeBase(options) {
    const env = options.env ?? process.env;
    const onPullRequest = env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
    const base = options.base ?? (onPullRequest && env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined);
    if (!base) {
        return undefined;
    }
    let commit = '';
    let reason = '';
    try {
        const result = await (0,tools_src/* runTool */.qI)({ command: 'git', args: ['merge-base', 'HEAD', base], cwd: options.workspace, timeoutMs: 60_000, logger: options.logger });
        commit = result.exitCode === 0 ? result.stdout.trim() : '';
        reason = `git exited with ${result.exitCode}`;
    }
    catch (error) {
        reason = error instanceof Error ? error.message : String(error);
    }
    if (!/^[0-9a-f]{40,64}$/.test(commit)) {
        options.logger.warning(`No merge base of HEAD and ${base} (${reason}); Semgrep scans every file. Check out with fetch-depth: 0 to report only new findings.`);
        return undefined;
    }
    return commit;
}

;// CONCATENATED MODULE: ./packages/sast/src/tool-runners.ts




/** Folders Semgrep and Bandit are told to leave out, as the bundled engine does. */
const EXCLUDED_FOLDERS = ['node_modules', 'dist', '.git'];
/** Returns the tool on PATH, else installs it when allowed, else throws a ConfigurationError saying how to get it. */
async function locateTool(spec, options) {
    const onPath = await (0,tools_src/* findOnPath */.aY)(spec.executable, options.env ?? process.env);
    if (onPath) {
        options.logger.info(`${spec.name}: using ${onPath} from PATH.`);
        return onPath;
    }
    if (!options.install) {
        throw new src/* ConfigurationError */.j1(`${spec.name} is not on PATH; set install: true to install ${spec.name} ${spec.version} with pip, or install it in an earlier step`);
    }
    return (0,tools_src/* installPipTool */.be)(spec, { logger: options.logger, cacheDir: options.cacheDir });
}
/**
 * Builds Semgrep's arguments: JSON on stdout, metrics and the version check off, each rule set
 * as `--config`, the baseline commit on pull requests, and the folders the suite never scans
 * excluded. `nosemgrep` comments are honoured because `--disable-nosem` is not passed.
 */
function semgrepArguments(options) {
    const args = ['scan', '--json', '--metrics=off', '--disable-version-check', '--quiet'];
    for (const config of options.configs) {
        args.push('--config', config);
    }
    if (options.baselineCommit) {
        args.push('--baseline-commit', options.baselineCommit);
    }
    for (const folder of EXCLUDED_FOLDERS) {
        args.push('--exclude', folder);
    }
    args.push('--timeout', '30', '--timeout-threshold', '3');
    args.push(relativeTarget(options.workspace, options.target));
    return args;
}
/** Runs Semgrep on the target and reads its JSON; exit status 0 and 1 (findings) are success. */
async function runSemgrep(options) {
    const executable = await locateTool(tools_src/* TOOLS */.It.semgrep, options);
    const args = semgrepArguments(options);
    const result = (0,tools_src/* checkExitCode */.qR)('semgrep', await (0,tools_src/* runTool */.qI)({
        command: executable,
        args,
        cwd: options.workspace,
        env: { SEMGREP_SEND_METRICS: 'off', SEMGREP_ENABLE_VERSION_CHECK: '0' },
        timeoutMs: options.timeoutMs,
        logger: options.logger,
        allowedExitCodes: [0, 1]
    }), [0, 1]);
    const report = parseSastReport(result.stdout, 'semgrep output', { workspace: options.workspace });
    return { findings: report.findings, warnings: report.warnings, args };
}
/** Builds Bandit's arguments: recursive, JSON on stdout, quiet, the suite's excluded folders left out. */
function banditArguments(options) {
    const target = relativeTarget(options.workspace, options.target);
    return ['-r', '-f', 'json', '-q', '-x', EXCLUDED_FOLDERS.map((folder) => `${target === '.' ? '.' : target}/${folder}`).join(','), target];
}
/** Runs Bandit on the target and reads its JSON; exit status 1 means findings, not failure. */
async function runBandit(options) {
    const executable = await locateTool(tools_src/* TOOLS */.It.bandit, options);
    const args = banditArguments(options);
    const result = (0,tools_src/* checkExitCode */.qR)('bandit', await (0,tools_src/* runTool */.qI)({ command: executable, args, cwd: options.workspace, timeoutMs: options.timeoutMs, logger: options.logger, allowedExitCodes: [0, 1] }), [0, 1]);
    const report = parseSastReport(result.stdout, 'bandit output', { workspace: options.workspace });
    return { findings: report.findings, warnings: report.warnings, args };
}
function relativeTarget(workspace, target) {
    const relative = external_node_path_default().relative(external_node_path_default().resolve(workspace), external_node_path_default().resolve(workspace, target));
    return relative === '' ? '.' : relative.split((external_node_path_default()).sep).join('/');
}

;// CONCATENATED MODULE: ./packages/sast/src/scanner.ts









/**
 * Chooses the engines when none are named: eslint where JavaScript or TypeScript is found,
 * semgrep when it is on PATH or may be installed, and codeql when its SARIF is given.
 */
async function defaultEngines(options, settings, env = process.env) {
    const engines = [];
    const walk = await collectSourceFiles({ workspace: options.workspace, target: options.target, exclude: settings.exclude });
    if (walk.files.length > 0) {
        engines.push('eslint');
    }
    if (settings.install || (await (0,tools_src/* findOnPath */.aY)('semgrep', env))) {
        engines.push('semgrep');
    }
    if (settings.codeqlSarif) {
        engines.push('codeql');
    }
    return engines;
}
/** Runs the chosen SAST engines and reads the given reports; one failing engine or report never hides the others. */
async function scanSast(options) {
    const settings = resolveSastSettings(options);
    const engines = settings.engines ?? (await defaultEngines(options, settings));
    const findings = [];
    const errors = [];
    const warnings = [];
    const stats = {};
    const ran = [];
    const attempt = async (name, step) => {
        try {
            await step();
            ran.push(name);
        }
        catch (error) {
            errors.push({ file: name, message: error instanceof Error ? error.message : String(error) });
        }
    };
    for (const engine of engines) {
        await attempt(engine, async () => {
            switch (engine) {
                case 'eslint': {
                    const result = await runEslintEngine({ ...options, exclude: settings.exclude });
                    findings.push(...result.findings);
                    warnings.push(...result.warnings);
                    Object.assign(stats, result.stats);
                    break;
                }
                case 'semgrep': {
                    const baselineCommit = settings.baselineCommit ?? (await resolveMergeBase({ workspace: options.workspace, base: settings.base, logger: options.logger }));
                    const result = await runSemgrep({ ...options, configs: settings.semgrepConfig, baselineCommit, timeoutMs: settings.timeoutMs, install: settings.install });
                    findings.push(...result.findings);
                    warnings.push(...result.warnings);
                    stats.semgrepFindings = result.findings.length;
                    break;
                }
                case 'bandit': {
                    const result = await runBandit({ ...options, timeoutMs: settings.timeoutMs, install: settings.install });
                    findings.push(...result.findings);
                    warnings.push(...result.warnings);
                    stats.banditFindings = result.findings.length;
                    break;
                }
                case 'codeql': {
                    if (!settings.codeqlSarif) {
                        throw new Error('the codeql engine reads the SARIF of github/codeql-action; set codeql-sarif to its output folder');
                    }
                    for (const file of await codeqlSarifFiles(settings.codeqlSarif)) {
                        const report = await readSastReport(file, { workspace: options.workspace });
                        findings.push(...report.findings);
                        warnings.push(...report.warnings);
                    }
                    break;
                }
            }
        });
    }
    for (const file of options.reportFiles ?? []) {
        try {
            const report = await readSastReport(file, { workspace: options.workspace });
            findings.push(...report.findings);
            warnings.push(...report.warnings);
            options.logger.info(`${file}: ${report.format}, ${report.findings.length} finding(s).`);
        }
        catch (error) {
            errors.push({ file, message: error instanceof src/* ReportError */.$g ? error.detail : error instanceof Error ? error.message : String(error) });
        }
    }
    return { findings, errors, warnings, stats, engines: ran };
}
const sastScanner = {
    category: 'sast',
    engines: [...SAST_ENGINES],
    scan: scanSast
};

;// CONCATENATED MODULE: ./packages/sast/src/index.ts

















/***/ }),

/***/ 72318:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 72318;
module.exports = webpackEmptyAsyncContext;

/***/ }),

/***/ 25993:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 25993;
module.exports = webpackEmptyAsyncContext;

/***/ })

};
