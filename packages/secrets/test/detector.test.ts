import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

import { BUILTIN_COMPILED, BUILTIN_RULES, cannotMatchLineFeed, Detector, hasGitHubChecksum, hasSequenceRun, KeywordIndex, matchToFinding, redact, redactedExcerpt, renderSecretRulesDoc, resolveSettings, shannonEntropy, snippetSecrets } from '@devsecops/secrets';
import { defaultConfig, FINGERPRINT_KEY } from '@devsecops/core';

import { REPO_ROOT } from '../../../test/corpus.js';
import { ALNUM, BASE64, HEX, randomText, UPPER_DIGITS, URLSAFE } from './tokens.js';

const detector = new Detector(BUILTIN_COMPILED);

function ruleIds(text: string, path = 'src/app.ts'): string[] {
  return detector.scanText(text, path).map((match) => match.rule.id);
}

describe('built-in rules', () => {
  test('rule set covers at least 100 types', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(BUILTIN_RULES.map((rule) => rule.id)).size).toBe(BUILTIN_RULES.length);
  });

  test('every rule has title and keywords', () => {
    for (const rule of BUILTIN_RULES) {
      expect(rule.title).not.toBe('');
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const keyword of rule.keywords) {
        expect(keyword).toBe(keyword.toLowerCase());
      }
    }
  });

  // Each value is built from the provider's documented format with random content.
  const cases: Array<[string, string]> = [
    ['aws-access-key-id', `key = "AKIA${randomText(UPPER_DIGITS, 16, 1)}"`],
    ['aws-secret-access-key', `aws_secret_access_key = ${randomText(BASE64, 40, 2)}`],
    ['gcp-api-key', `const key = "AIza${randomText(URLSAFE, 35, 3)}";`],
    ['github-pat', `token: ghp_${randomText(ALNUM, 36, 4)}`],
    ['github-fine-grained-pat', `GH=github_pat_${randomText(ALNUM, 22, 5)}_${randomText(ALNUM, 59, 6)}`],
    ['github-app-installation-token', `x ghs_${randomText(ALNUM, 36, 7)}`],
    ['gitlab-pat', `GITLAB=glpat-${randomText(URLSAFE, 20, 8)}`],
    ['npm-access-token', `//registry.npmjs.org/:_authToken=npm_${randomText(ALNUM, 36, 9)}`],
    ['pypi-upload-token', `password = pypi-AgEIcHlwaS5vcmc${randomText(URLSAFE, 60, 10)}`],
    ['nuget-api-key', `apikey oy2${randomText('abcdefghijklmnopqrstuvwxyz0123456789', 43, 11)}`],
    ['rubygems-api-key', `rubygems_${randomText(HEX, 48, 12)}`],
    ['slack-bot-token', `xoxb-${randomText('0123456789', 12, 13)}-${randomText('0123456789', 13, 14)}-${randomText(ALNUM, 24, 15)}`],
    ['slack-webhook-url', `https://hooks.slack.com/services/T${randomText('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8, 16)}/B${randomText('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8, 17)}/${randomText(ALNUM, 24, 18)}`],
    ['sendgrid-api-key', `SG.${randomText(URLSAFE, 22, 19)}.${randomText(URLSAFE, 43, 20)}`],
    ['stripe-secret-key', `stripe.api_key = "sk_live_${randomText(ALNUM, 24, 21)}"`],
    ['square-oauth-secret', `sq0csp-${randomText(URLSAFE, 43, 22)}`],
    ['newrelic-user-api-key', `NRAK-${randomText('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 27, 23)}`],
    ['sentry-user-token', `sntryu_${randomText(HEX, 64, 24)}`],
    ['jwt', `auth = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx${randomText(URLSAFE, 20, 25)}.${randomText(URLSAFE, 43, 26)}"`],
    ['database-url-password', `DATABASE_URL=postgres://app:${randomText(ALNUM, 16, 27)}@db.internal:5432/app`],
    ['generic-secret-assignment', `client_secret = "${randomText(ALNUM, 32, 28)}"`],
    // Formats added for the CredSweeper misses (see bench/secrets.ts).
    ['square-oauth-secret', `log: "\u001b[94msq0csp-${randomText(URLSAFE, 43, 70)}\u001b[0m"`],
    ['gitlab-runner-token', `token = glrtr-${randomText(URLSAFE, 20, 71)}`],
    ['gitlab-workspace-token', `token = glwt-${randomText(URLSAFE, 20, 72)}`],
    ['gitlab-session-cookie', `Cookie: _gitlab_session=${randomText(HEX, 32, 73)}`],
    ['atlassian-api-token', `JIRA = ATATT3${randomText(URLSAFE, 170, 74)}\\=${randomText(HEX, 8, 75).toUpperCase()}`],
    ['atlassian-api-token', `JIRA = ATATT3${randomText(URLSAFE, 170, 76)}%3D${randomText(HEX, 8, 77).toUpperCase()}`],
    ['twilio-api-key', `sid SK${randomText(HEX, 32, 78).toUpperCase()}`],
    ['newrelic-license-key', `license_key: eu01x${randomText(HEX, 31, 79)}NRAL`],
    ['together-api-key-v1', `key: tgp_v1_${randomText(URLSAFE, 43, 80)}`],
    ['postman-collection-token', `PMAT-${randomText(UPPER_DIGITS, 26, 81)}`],
    ['twitter-bearer-token', `BEARER=${'A'.repeat(21)}M${randomText(`${ALNUM}%`, 94, 89)}`],
    // Rules whose keywords were narrowed to what every match holds.
    ['mailchimp-api-key', `MC_KEY=${randomText(HEX, 32, 86)}-us12`],
    ['database-url-password', `url = "jdbc:mysql://app:${randomText(ALNUM, 16, 87)}@db.internal:3306/app"`],
    ['database-url-password', `REDIS=REDISS://default:${randomText(ALNUM, 16, 88)}@cache:6380`],
    // Formats and decoders for CredSweeper's labelled samples.
    ['github-pat', `token: ${withGitHubChecksum('ghp_', randomText(ALNUM, 33, 120))}`],
    ['github-app-installation-jwt', `GH=ghs_20260601_eyJhbGciOiJSUzI1NiJ9.eyJ${randomText(URLSAFE, 120, 121)}.${randomText(URLSAFE, 86, 122)}`],
    ['azure-identifiable-key', `key = "${randomText(ALNUM, 52, 123)}JQQJ99BF${randomText(ALNUM, 24, 124)}"`],
    ['heroku-platform-token', `HEROKU=HRKU-${randomText(HEX, 8, 125)}-${randomText(HEX, 4, 126)}-${randomText(HEX, 4, 127)}-${randomText(HEX, 4, 128)}-${randomText(HEX, 12, 129)}`],
    ['deepseek-api-key', `\u001b[93msk-${randomText(HEX, 32, 130)}\u001b[0m`],
    ['aws-bedrock-short-term-api-key', `bedrock-api-key-${randomText(BASE64, 48, 131)}`],
    ['url-password', `require('dbconnection://ad%6Din:${randomText(ALNUM, 12, 132)}@db-host-local')`],
    ['url-password', `smtps://someone@mail.test:${randomText(ALNUM, 10, 133)}@smtp.mail.test:465`],
    ['generic-secret-assignment', `SUPER_SECRET_VALUE = '${randomText(HEX, 32, 134)}'`],
    ['posthog-personal-api-key', `phx_${randomText(ALNUM, 60, 135)}`]
  ];

  test.each(cases)('%s matches its documented format', (id, line) => {
    expect(ruleIds(line)).toEqual([id]);
  });

  test('private key block is one finding', () => {
    const body = Array.from({ length: 5 }, (_, index) => randomText(BASE64, 64, 40 + index)).join('\n');
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    const matches = detector.scanText(text, 'id_rsa');
    expect(matches.map((match) => [match.rule.id, match.startLine])).toEqual([['private-key', 1]]);
  });

  test.each([
    ['Java concatenation', (lines: string[]) => `String key = "-----BEGIN RSA PRIVATE KEY-----\\n"\n${lines.map((line) => `    + "${line}\\n"`).join('\n')}\n    + "-----END RSA PRIVATE KEY-----";\n`],
    ['escaped twice', (lines: string[]) => `k = "\\"-----BEGIN PRIVATE KEY-----\\\\n${lines.join('\\\\n')}\\\\n-----END PRIVATE KEY-----\\"";\n`]
  ])('private key in %s is one finding on its BEGIN line', (_name, build) => {
    const lines = Array.from({ length: 4 }, (_, index) => randomText(BASE64, 64, 100 + index));
    const matches = detector.scanText(build(lines), 'Keys.java');
    expect(matches.map((match) => [match.rule.id, match.startLine, match.secret.slice(0, 64)])).toEqual([['private-key', 1, lines[0]]]);
  });

  test('private key in a prefixed log', () => {
    const lines = Array.from({ length: 3 }, (_, index) => randomText(BASE64, 64, 140 + index));
    const plain = ['2026-04-26 12:36:01 cat key.pem', '-----BEGIN PRIVATE KEY-----', ...lines, '-----END PRIVATE KEY-----'].map((line) => `2026-04-26 12:36:01 ${line}`).join('\n');
    const buildKit = ['-----BEGIN PRIVATE KEY-----', ...lines, '-----END PRIVATE KEY-----'].map((line) => `#6 0.245 ${line}`).join('\\r\\n');
    expect(detector.scanText(plain, 'build.log').map((match) => [match.rule.id, match.startLine, match.secret])).toEqual([['private-key-in-log', 2, lines[0]]]);
    expect(detector.scanText(`{"log": "${buildKit}"}`, 'build.log.json').map((match) => [match.rule.id, match.startLine, match.secret])).toEqual([['private-key-in-log', 1, lines[0]]]);
  });

  test('private key whose first line is short after mixed escaped and raw breaks', () => {
    const text = `pk = "-----BEGIN EC PRIVATE KEY-----\\n${randomText(BASE64, 38, 150)}\\r\r\n${randomText(BASE64, 26, 151)}\\n-----END EC PRIVATE KEY-----";`;
    expect(ruleIds(text)).toEqual(['private-key']);
    expect(ruleIds(`pk = "-----BEGIN EC PRIVATE KEY-----\\n${randomText(BASE64, 20, 152)}\\n-----END EC PRIVATE KEY-----";`)).toEqual([]);
  });

  test('hostile inputs run in linear time', () => {
    // Headers split at escaped breaks took exponential time: 40 of them ran for minutes.
    const headers = `key = "-----BEGIN PRIVATE KEY-----\\n${'abc: x\\n'.repeat(2000)}!"`;
    expect(ruleIds(headers)).toEqual([]);
    // Two optional runs of blanks around an absent '=' took quadratic time.
    expect(ruleIds(`index-url${' '.repeat(200_000)}x`)).toEqual([]);
    // BEGIN markers inside header lines, and a run of dashes after a PGP header, took quadratic time.
    expect(ruleIds('Proc-Type: -----BEGIN RSA PRIVATE KEY-----\n'.repeat(20_000))).toEqual([]);
    expect(ruleIds(`-----BEGIN PGP PRIVATE KEY BLOCK-----\n${'-'.repeat(200_000)}`)).toEqual([]);
  });

  test('PGP private key block inside a comment is one finding', () => {
    const text = ['/*', ' *  -----BEGIN PGP PRIVATE KEY BLOCK-----', ' *  Version: GnuPG v1', '', ` *  ${randomText(BASE64, 64, 153)}`, ' *  -----END PGP PRIVATE KEY BLOCK-----', ' */'].join('\n');
    expect(detector.scanText(text, 'key.c').map((match) => [match.rule.id, match.startLine])).toEqual([['pgp-private-key', 2]]);
  });

  test('GitHub token checksum: base-62 CRC32 of the body in the last six characters', () => {
    const token = withGitHubChecksum('gho_', randomText(ALNUM, 30, 160));
    expect(hasGitHubChecksum(token)).toBe(true);
    expect(hasGitHubChecksum(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    // Other lengths than 36 are reported only when the checksum verifies.
    expect(ruleIds(`ghp_${randomText(ALNUM, 40, 161)}`)).toEqual([]);
    expect(ruleIds(`ghp_${randomText(ALNUM, 36, 162)}`)).toEqual(['github-pat']);
  });

  test('counting runs mark typed-in sample values', () => {
    expect([hasSequenceRun('x76543210y'), hasSequenceRun('abcdef'), hasSequenceRun('ABCDE1'), hasSequenceRun('12345a'), hasSequenceRun('9abcde')]).toEqual([true, true, false, false, false]);
    expect(ruleIds(`sbp_${randomText(HEX, 34, 163)}abcdef`)).toEqual([]);
    // A key block is judged by its header, not by runs in its body.
    expect(ruleIds(`-----BEGIN PRIVATE KEY-----\n12345678${randomText(BASE64, 56, 164)}\n-----END PRIVATE KEY-----`)).toEqual(['private-key']);
  });

  test('a digest assigned to a secret-looking name is not a secret', () => {
    expect(ruleIds(`"hashed_secret": "${randomText(HEX, 40, 165)}",`)).toEqual([]);
    expect(ruleIds(`token_sha256 = "${randomText(HEX, 64, 166)}"`)).toEqual([]);
    expect(ruleIds(`hex_secret = "${randomText(HEX, 40, 167)}"`)).toEqual(['generic-secret-assignment']);
  });

  const placeholders: Array<[string, string]> = [
    ['AWS documentation key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    ['x run', `token: ghp_${'x'.repeat(36)}`],
    ['template reference', 'client_secret = "${CLIENT_SECRET_VALUE}"'],
    ['environment lookup', 'api_key = "process.env.API_KEY_VALUE"'],
    ['low entropy value', 'secret_token = "aaaaaaaabbbbbbbb"'],
    ['GitHub token one character too long, without a valid checksum', `ghp_${randomText(ALNUM, 37, 82)}`],
    ['Twilio SID of mixed-case hex', `SK${randomText(HEX, 16, 83)}${randomText(HEX, 16, 84).toUpperCase()}`],
    ['word character before the prefix', `xsq0csp-${randomText(URLSAFE, 43, 85)}`],
    ['inline allow marker', `token = "ghp_${randomText(ALNUM, 36, 50)}" # gitleaks:allow`],
    // Lists and tables in code, as in this repository's own sources.
    ['regular expression in a rule table', "prefixed('sb_secret_', '[A-Za-z0-9_-]{31,}')"],
    ['type names in a list', "const KINDS = ['ExposedSecretReport', 'ClusterComplianceReport'];"],
    ['header names across lines', "  'Access-Control-Allow-Credentials',\n  'Access-Control-Expose-Headers',"],
    ['relative file paths in a list', "['test_data/files/file_with_secrets.py', 'test_data/files/tmp/file_with_secrets.py']"]
  ];

  test.each(placeholders)('%s is not reported', (_name, line) => {
    expect(ruleIds(line)).toEqual([]);
  });
});

/** Appends the six-character GitHub checksum of `body` to `prefix` and `body`. */
function withGitHubChecksum(prefix: string, body: string): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let value = crc32(body);
  let checksum = '';
  for (let index = 0; index < 6; index++) {
    checksum = digits[value % 62]! + checksum;
    value = Math.floor(value / 62);
  }
  return `${prefix}${body}${checksum}`;
}

describe('keyword index', () => {
  test('finds keywords without case', () => {
    const index = new KeywordIndex(['ghp_', 'akia', 'hers', 'she', 'he']);
    const found = index.search(Buffer.from('USHERS and AKIA'));
    expect([...found].map((id) => index.keywords[id]).sort()).toEqual(['akia', 'he', 'hers', 'she']);
  });

  test('records the start of each line holding a keyword once', () => {
    const index = new KeywordIndex(['ghp_', 'akia']);
    const lines = index.searchLines(Buffer.from('ghp_ ghp_\nnone\nxx AKIA ghp_\n'));
    expect([...lines].map(([id, starts]) => [index.keywords[id], starts])).toEqual([
      ['ghp_', [0, 15]],
      ['akia', [15]]
    ]);
  });

  const lineFeedCases: Array<[string, RegExp, boolean]> = [
    ['prefix and classes', /(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}/, true],
    ['ANSI colour lookbehind', /(?<=\x1b\[[0-9;]{1,8}m)sq0csp-/, true],
    ['negated class with \\s', /:\/\/[^\s:@]{1,64}@/, true],
    ['negated class without \\s', /"[^"]{8,}"/, false],
    ['\\s outside a class', /key\s*=\s*\w+/, false],
    ['\\s inside a class', /[\s\w]+/, false],
    ['character escape', /a\x0ab/, false],
    ['dot with the s flag', /a.b/s, false],
    ['dot without the s flag', /a.b/, true],
    ['end anchor', /abc$/, false]
  ];

  test.each(lineFeedCases)('%s: cannot match a line feed is %s', (_name, pattern, expected) => {
    expect(cannotMatchLineFeed(pattern)).toBe(expected);
  });

  test('line-window scan equals the whole-text scan', () => {
    const token = `ghp_${randomText(ALNUM, 36, 90)}`;
    const url = `postgres://app:${randomText(ALNUM, 16, 91)}@db:5432/app`;
    const text = `a\r\nconst t = "${token}";\r\n\n${'filler line\n'.repeat(3)}DB=${url}\nx = 1; y = "${token}"`;
    const ascii = detector.scanText(text, 'a.ts').map((match) => [match.rule.id, match.startLine, match.startColumn, match.endColumn]);
    expect(ascii).toEqual([
      ['github-pat', 2, 12, 52],
      ['database-url-password', 7, 19, 35],
      ['github-pat', 8, 13, 53]
    ]);
    // A non-ASCII character makes byte and string offsets differ: the whole text is scanned.
    const wide = detector.scanText(`é${text}`, 'a.ts').map((match) => [match.rule.id, match.startLine, match.startColumn, match.endColumn]);
    expect(wide).toEqual([
      ['github-pat', 2, 12, 52],
      ['database-url-password', 7, 19, 35],
      ['github-pat', 8, 13, 53]
    ]);
  });

  test('file without keywords is not decoded', () => {
    expect(detector.selectRules(Buffer.from('plain text with nothing to see\n'))).toEqual([]);
  });
});

describe('entropy and redaction', () => {
  test('entropy of known strings', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  test('redacted form keeps at most four characters', () => {
    expect(redact('ghp_0123456789abcdef')).toBe('ghp_…');
    expect(redact('abcdefgh')).toBe('ab…');
    expect(redact('abc')).toBe('…');
  });

  test('excerpt of a long line is cut around the redacted secret', () => {
    const line = `${'a'.repeat(100_000)}SECRETVALUE1${'b'.repeat(100_000)}`;
    expect(redactedExcerpt(line, 'SECRETVALUE1', [], 20)).toBe('aaaaaaaaaaSEC…bbbbbb');
    expect(redactedExcerpt('x = "SECRETVALUE1"; y = "OTHERVALUE22";', 'SECRETVALUE1', ['OTHERVALUE22'], 200)).toBe('x = "SEC…"; y = "OTH…";');
  });

  test('snippet secrets of a crowded file are the near ones', () => {
    const detector = new Detector(BUILTIN_COMPILED);
    const keys = Array.from({ length: 100 }, (_, index) => `AKIA${randomText(UPPER_DIGITS, 16, 400 + index)}`);
    const matches = detector.scanText(keys.join(' '.repeat(1000)), 'keys.txt');
    expect(matches).toHaveLength(100);
    const near = snippetSecrets(matches);
    expect(near(matches[50]!)).toEqual([keys[50]]);
    const few = snippetSecrets(matches.slice(0, 3));
    expect(few(matches[0]!)).toEqual(keys.slice(0, 3));
  });

  test('excerpt of a multi-line secret', () => {
    const body = [randomText(BASE64, 40, 310), randomText(BASE64, 64, 311)];
    const line = `key = "-----BEGIN PRIVATE KEY----- ${body[0]}`;
    expect(redactedExcerpt(line, body.join('\n'), [], 200)).toBe(`key = "-----BEGIN PRIVATE KEY----- ${body[0]!.slice(0, 4)}…`);
  });

  test('excerpt leaks no secret part', () => {
    const leaks: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      // The excerpt's secret comes last, after others separated by short fillers, so the window
      // starts inside one of them and redactions shorten the text before the secret.
      const secrets = Array.from({ length: 2 + (seed % 4) }, (_, index) => randomText(ALNUM, 6 + ((seed * 7 + index * 13) % 60), seed * 10 + index));
      const parts: string[] = [];
      for (let index = 0; index < 40; index++) {
        parts.push('-'.repeat((seed * index) % (seed % 2 === 0 ? 3 : 37)), secrets[1 + ((seed + index) % (secrets.length - 1))]!);
      }
      const line = `${parts.join('')}${secrets[0]!}`;
      const excerpt = redactedExcerpt(line, secrets[0]!, secrets, 10 + (seed % 150));
      for (const secret of secrets) {
        for (let start = 0; start + 5 <= secret.length; start++) {
          if (excerpt.includes(secret.slice(start, start + 5))) {
            leaks.push(`seed ${seed}: ${secret.slice(start, start + 5)}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  test('finding holds no secret and a secret-based fingerprint', () => {
    const secret = `ghp_${randomText(ALNUM, 36, 60)}`;
    const text = `const a = "${secret}";\nconst b = "${secret}";\n`;
    const matches = detector.scanText(text, 'src/a.ts');
    const findings = matches.map((match) => matchToFinding(match, { path: 'src/a.ts', fileSecrets: [secret] }));
    expect(findings.map((finding) => finding.location?.startLine)).toEqual([1, 2]);
    expect(JSON.stringify(findings)).not.toContain(secret.slice(4));
    expect(findings[0]!.location?.snippet).toBe('const a = "ghp_…";');
    expect(findings[0]!.message).toBe('GitHub personal access token (classic): ghp_…');
    expect(findings[0]!.cwes).toEqual(['CWE-798']);
    expect(findings[0]!.partialFingerprints?.[FINGERPRINT_KEY]).toBe(findings[1]!.partialFingerprints?.[FINGERPRINT_KEY]);
    expect(findings[0]!.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('rules from config', () => {
  test('catastrophic backtracking pattern finishes', () => {
    const settings = resolveSettings({
      config: { ...defaultConfig(), sections: { secrets: { rules: [{ id: 'redos', regex: '(a+)+$', keywords: ['aaaa'] }] } } },
      settings: {}
    });
    const custom = new Detector(settings.customRules);
    // A backtracking engine takes about 2^40 steps on this input; RE2 takes one pass.
    const text = `${'a'.repeat(40)}!\n${'a'.repeat(100_000)}!`;
    const matches = custom.scanText(text, 'redos.txt');
    expect(matches).toEqual([]);
    const hit = custom.scanText('xx aaaaab\naaaa', 'hit.txt');
    expect(hit.map((match) => [match.rule.id, match.secret, match.startLine])).toEqual([['redos', 'aaaa', 2]]);
  });

  test('invalid section names the key', () => {
    expect(() => resolveSettings({ config: { ...defaultConfig(), sections: { secrets: { mode: 'everything' } } }, settings: {} })).toThrow(
      '.github/devsecops.yml: invalid secrets section: secrets.mode must be equal to one of the allowed values (files, history, staged)'
    );
    expect(() => resolveSettings({ config: { ...defaultConfig(), sections: { secrets: { rules: [{ id: 'x', regex: '(' }] } } }, settings: {} })).toThrow(
      /secrets\.rules\[0\]\.regex is not a valid RE2 regular expression/
    );
  });
});

describe('rule reference', () => {
  test('docs/secret-rules.md is up to date', () => {
    // Regenerate with: node scripts/rule-docs.mjs
    const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'secret-rules.md'), 'utf8');
    expect(doc).toBe(renderSecretRulesDoc());
    expect(doc.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(BUILTIN_RULES.length);
    expect(doc).toContain('| `github-pat` | critical | GitHub personal access token (classic) | `ghp_` | a check of its own |');
  });
});
