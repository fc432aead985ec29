import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defaultConfig, RecordingLogger, type ScannerOptions } from '@devsecops/core';
import { createSecretsScanner, Detector, gitleaksGlobalAllow, MatchBudget, parseGitleaksConfig, scanSecrets } from '@devsecops/secrets';

import { corpusPath } from '../../../test/corpus.js';
import { ALNUM, HEX, randomText } from './tokens.js';

const GITHUB_TOKEN = `ghp_${randomText(ALNUM, 36, 101)}`;
const STRIPE_KEY = `sk_live_${randomText(ALNUM, 24, 102)}`;
const SENTRY_TOKEN = `sntryu_${randomText(HEX, 64, 103)}`;

let workspace: string;

function write(relative: string, content: string | Buffer): void {
  const file = path.join(workspace, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspace, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' } }).trim();
}

function options(settings: Record<string, string | undefined> = {}, section?: Record<string, unknown>): ScannerOptions & { masked: string[] } {
  const masked: string[] = [];
  return {
    workspace,
    target: workspace,
    config: { ...defaultConfig(), sections: section ? { secrets: section } : {} },
    logger: new RecordingLogger(),
    settings,
    mask: (value) => masked.push(value),
    masked
  };
}

beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'secrets-modes-'));
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
});

describe('files mode', () => {
  test('honours gitignore and skips binary and large files', async () => {
    write('.gitignore', 'build/\n*.log\n!keep.log\n');
    write('src/config.ts', `export const token = "${GITHUB_TOKEN}";\n`);
    write('build/out.js', `const t = "${GITHUB_TOKEN}";\n`);
    write('debug.log', `${STRIPE_KEY}\n`);
    write('keep.log', `line\n${STRIPE_KEY}\n`);
    write('sub/.gitignore', 'secret.txt\n');
    write('sub/secret.txt', `${SENTRY_TOKEN}\n`);
    write('image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(GITHUB_TOKEN)]));
    write('big.txt', `${SENTRY_TOKEN}\n${'x'.repeat(2000)}`);

    const run = options({}, { 'max-file-size': 1000 });
    const result = await scanSecrets(run);
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.location?.startLine])).toEqual([
      ['stripe-secret-key', 'keep.log', 2],
      ['github-pat', 'src/config.ts', 1]
    ]);
    expect(result.stats).toEqual({ rules: 190, files: 4, bytes: 137, skippedBinary: 1, skippedLarge: 1, skippedIgnored: 3 });
    expect(result.warnings).toEqual(['1 file(s) over the 1000 byte limit were not scanned: big.txt. Raise secrets.max-file-size to scan them.']);
    expect(run.masked).toEqual([STRIPE_KEY, GITHUB_TOKEN]);
    expect(JSON.stringify(result)).not.toContain(GITHUB_TOKEN.slice(4));
  });

  test('gitleaksignore suppresses by fingerprint', async () => {
    write('a.env', `TOKEN=${GITHUB_TOKEN}\nKEY=${STRIPE_KEY}\n`);
    write('.gitleaksignore', '# reviewed\na.env:github-pat:1\n');
    const result = await scanSecrets(options());
    expect(result.findings.map((finding) => [finding.rule.id, finding.suppression?.source])).toEqual([
      ['github-pat', '.gitleaksignore:2'],
      ['stripe-secret-key', undefined]
    ]);
  });

  test('repository gitleaks config replaces or extends rules', async () => {
    write('a.env', `TOKEN=${GITHUB_TOKEN}\ncustom: ACME-${randomText(ALNUM, 20, 104)}\n`);
    const rule = "[[rules]]\nid = 'acme'\nregex = '''ACME-[A-Za-z0-9]{20}'''\nkeywords = ['acme-']\n";
    write('.gitleaks.toml', rule);
    expect((await scanSecrets(options())).findings.map((finding) => finding.rule.id)).toEqual(['acme']);
    write('.gitleaks.toml', `[extend]\nuseDefault = true\n${rule}`);
    expect((await scanSecrets(options())).findings.map((finding) => finding.rule.id)).toEqual(['github-pat', 'acme']);
  });
});

describe('git modes', () => {
  function commitFile(relative: string, content: string, message: string): string {
    write(relative, content);
    git('add', relative);
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  }

  test('history finds each secret with its commit', async () => {
    git('init', '-q', '-b', 'main');
    const first = commitFile('app.txt', 'one\n', 'first');
    const second = commitFile('app.txt', `one\ntwo ${GITHUB_TOKEN}\n`, 'add token');
    const third = commitFile('app.txt', 'one\n', 'remove token');
    const fourth = commitFile('conf/b.yml', `a: 1\nb: 2\nkey: ${STRIPE_KEY}\n`, 'add key');

    const full = await scanSecrets(options({ mode: 'history' }));
    expect(full.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.location?.startLine, finding.properties?.['commit']])).toEqual([
      ['stripe-secret-key', 'conf/b.yml', 3, fourth],
      ['github-pat', 'app.txt', 2, second]
    ]);
    expect(full.stats['commits']).toBe(3);

    const range = await scanSecrets(options({ mode: 'history', base: third }));
    expect(range.findings.map((finding) => finding.properties?.['commit'])).toEqual([fourth]);

    const pull = await scanSecrets(options({ mode: 'history' }), { event: { name: 'pull_request', payload: { pull_request: { base: { sha: first }, head: { sha: third } } } } });
    expect(pull.findings.map((finding) => finding.properties?.['commit'])).toEqual([second]);
  });

  test('history finds a secret added while resolving a merge, once', async () => {
    git('init', '-q', '-b', 'main');
    commitFile('app.txt', 'one\ntwo\nthree\n', 'start');
    git('checkout', '-q', '-b', 'topic');
    const topic = commitFile('app.txt', `one\ntwo ${STRIPE_KEY}\nthree\n`, 'topic key');
    git('checkout', '-q', 'main');
    commitFile('app.txt', 'one\ntwo changed\nthree\n', 'main change');
    // Both branches changed line 2, so the merge stops on a conflict that the next lines resolve.
    expect(() => git('merge', '-q', 'topic', '-m', 'merge', '--no-commit')).toThrow('Command failed');
    write('app.txt', `one\ntwo ${GITHUB_TOKEN}\nthree\n`);
    git('add', 'app.txt');
    git('commit', '-q', '-m', 'merge topic');
    const merge = git('rev-parse', 'HEAD');

    const result = await scanSecrets(options({ mode: 'history' }));
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.location?.startLine, finding.properties?.['commit']])).toEqual([
      ['github-pat', 'app.txt', 2, merge],
      ['stripe-secret-key', 'app.txt', 2, topic]
    ]);
  });

  test('history and staged scan files that gitattributes marks -diff', async () => {
    git('init', '-q', '-b', 'main');
    commitFile('.gitattributes', '* -diff\n', 'attributes');
    const added = commitFile('app.env', `TOKEN=${GITHUB_TOKEN}\n`, 'add token');
    write('b.env', `KEY=${STRIPE_KEY}\n`);
    git('add', 'b.env');

    const history = await scanSecrets(options({ mode: 'history' }));
    expect(history.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.properties?.['commit']])).toEqual([['github-pat', 'app.env', added]]);
    const staged = await scanSecrets(options({ mode: 'staged' }));
    expect(staged.findings.map((finding) => [finding.rule.id, finding.location?.path])).toEqual([['stripe-secret-key', 'b.env']]);
  });

  test('history reads lines split at line feeds only', async () => {
    git('init', '-q', '-b', 'main');
    commitFile('start.txt', 'start\n', 'start');
    write('mac.txt', `x = 1\rtoken: ${GITHUB_TOKEN}\r`);
    write('cr.txt', `harmless\rdiff --git a/x b/x\n${STRIPE_KEY}\n`);
    write('nul.txt', `${'a'.repeat(9000)}\n\u0000 ${SENTRY_TOKEN}\n`);
    git('add', '.');
    git('commit', '-q', '-m', 'tricky line ends');
    const result = await scanSecrets(options({ mode: 'history' }));
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.location?.startLine])).toEqual([
      ['stripe-secret-key', 'cr.txt', 2],
      ['github-pat', 'mac.txt', 1],
      ['sentry-user-token', 'nul.txt', 2]
    ]);
  });

  test('staged mode scans the index only', async () => {
    git('init', '-q', '-b', 'main');
    commitFile('a.txt', 'start\n', 'start');
    write('a.txt', `start\n${GITHUB_TOKEN}\n`);
    git('add', 'a.txt');
    write('b.txt', `${STRIPE_KEY}\n`);
    const result = await scanSecrets(options({ mode: 'staged' }));
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.location?.startLine])).toEqual([['github-pat', 'a.txt', 2]]);
  });

  test('unknown revision names the fix', async () => {
    git('init', '-q', '-b', 'main');
    commitFile('a.txt', 'start\n', 'start');
    const result = await scanSecrets(options({ mode: 'history', base: 'f'.repeat(40) }));
    expect(result.errors).toEqual([
      { file: 'builtin', message: `git log failed with exit code 128: fatal: Invalid revision range ${'f'.repeat(40)}..HEAD. In a shallow clone, check out with fetch-depth: 0.` }
    ]);
    const flag = await createSecretsScanner().scan(options({ mode: 'history', base: '--output=/tmp/x' }));
    expect(flag.errors.map((error) => error.file)).toEqual(['git history']);
    expect(flag.errors[0]!.message).toContain('Invalid git revision');
  });

  test('bad range keeps report files', async () => {
    git('init', '-q', '-b', 'main');
    commitFile('a.txt', 'start\n', 'start');
    const report = path.join(workspace, 'gitleaks.json');
    writeFileSync(report, JSON.stringify([{ RuleID: 'github-pat', File: 'a.txt', StartLine: 1, Secret: GITHUB_TOKEN, Match: GITHUB_TOKEN }]));
    const result = await scanSecrets({ ...options({ mode: 'history', base: 'deadbeef' }), engines: ['builtin'], reportFiles: [report] });
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path, finding.location?.startLine])).toEqual([['github-pat', 'a.txt', 1]]);
    expect(result.errors.map((error) => error.file)).toEqual(['builtin']);
  });
});

describe('hostile repository tree', () => {
  test('file whose name is not UTF-8 is named and the walk goes on', async () => {
    writeFileSync(Buffer.concat([Buffer.from(`${workspace}/a-`), Buffer.from([0xff]), Buffer.from('.txt')]), `${STRIPE_KEY}\n`);
    // A decoy spelt with U+FFFD, which the bad name decodes to, must not be read in its place.
    write('a-\ufffd.txt', 'harmless\n');
    write('b.txt', `${GITHUB_TOKEN}\n`);
    const result = await scanSecrets(options());
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path])).toEqual([['github-pat', 'b.txt']]);
    expect(result.errors).toEqual([{ file: 'a-\\xff.txt', message: 'not scanned: the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it' }]);
  });

  test('path to scan below a linked folder is not followed', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'secrets-outside-'));
    try {
      mkdirSync(path.join(outside, 'sub'));
      writeFileSync(path.join(outside, 'sub', 's.txt'), `${GITHUB_TOKEN}\n`);
      symlinkSync(outside, path.join(workspace, 'link'));
      for (const target of ['link/sub', 'link/sub/s.txt']) {
        const result = await scanSecrets({ ...options(), target: path.join(workspace, target) });
        expect(result.findings).toEqual([]);
        expect(result.errors.map((error) => error.file)).toEqual([target]);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('tracked file that gitignore excludes is scanned', async () => {
    git('init', '-q', '-b', 'main');
    write('.gitignore', '*.env\nbuild/\n');
    write('config.env', `TOKEN=${GITHUB_TOKEN}\n`);
    write('build/keep.txt', `KEY=${STRIPE_KEY}\n`);
    write('build/generated.txt', `${SENTRY_TOKEN}\n`);
    write('local.env', `${SENTRY_TOKEN}\n`);
    git('add', '.gitignore');
    git('add', '-f', 'config.env', 'build/keep.txt');
    const result = await scanSecrets(options());
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path])).toEqual([
      ['stripe-secret-key', 'build/keep.txt'],
      ['github-pat', 'config.env']
    ]);
    expect(result.stats['skippedIgnored']).toBe(3);
  });

  test('gitignore that links to a device is not read', async () => {
    write('sub/a.txt', `${GITHUB_TOKEN}\n`);
    symlinkSync('/dev/zero', path.join(workspace, 'sub', '.gitignore'));
    const result = await scanSecrets(options());
    expect(result.findings.map((finding) => [finding.rule.id, finding.location?.path])).toEqual([['github-pat', 'sub/a.txt']]);
    expect(result.errors).toEqual([]);
  });

  test('path to scan that is a symbolic link is not followed', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'secrets-outside-'));
    try {
      writeFileSync(path.join(outside, 'home-secret.txt'), `${GITHUB_TOKEN}\n`);
      symlinkSync(outside, path.join(workspace, 'src'));
      const result = await scanSecrets({ ...options(), target: path.join(workspace, 'src') });
      expect(result.findings).toEqual([]);
      expect(result.errors).toEqual([
        { file: 'src', message: 'not scanned: the path to scan is, or lies below, a symbolic link, which could point out of the workspace; name the real path instead' }
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('hostile repository config', () => {
  test('broken gitleaks config is an error and the built-in rules still run', async () => {
    write('.gitleaks.toml', '[[rules]]\nid = "x"\nregex = "a"\nkeywords = [""]\n');
    write('a.txt', `${GITHUB_TOKEN}\n`);
    const result = await scanSecrets(options());
    expect(result.findings.map((finding) => finding.rule.id)).toEqual(['github-pat']);
    expect(result.errors).toEqual([
      { file: '.gitleaks.toml', message: '.gitleaks.toml: rule "x" keywords contains an empty keyword; every keyword must contain a character other than a blank. The built-in rules ran without it.' }
    ]);
  });

  test('gitleaks config linking out of the workspace is not read', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'secrets-outside-'));
    try {
      writeFileSync(path.join(outside, 'rules.toml'), '[[rules]]\nid = "outside"\nregex = "start"\n');
      symlinkSync(path.join(outside, 'rules.toml'), path.join(workspace, '.gitleaks.toml'));
      write('a.txt', 'start\n');
      const result = await scanSecrets(options());
      expect(result.findings).toEqual([]);
      expect(result.errors.map((error) => [error.file, error.message.split(' is outside')[0]])).toEqual([['.gitleaks.toml', 'secrets.gitleaks-config: ".gitleaks.toml"']]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('TOML error names the line and column', () => {
    expect(() => parseGitleaksConfig('[[rules]]\nid = "x"\nregex = = "a"\n', '.gitleaks.toml')).toThrow('.gitleaks.toml: invalid TOML at line 3, column 9: invalid value');
  });

  test('regex compiling to a huge program is rejected', () => {
    const regex = Array.from({ length: 300 }, (_, index) => `[a-z]{${700 + index}}[0-9]`).join('|');
    expect(() => parseGitleaksConfig(`[[rules]]\nid = "big"\nregex = '''${regex}'''\n`, '.gitleaks.toml')).toThrow(
      '.gitleaks.toml: rule "big" regex compiles to 255451 instructions, more than the maximum of 10000; split it into simpler rules.'
    );
  });

  test('rule over its time budget stops and is named', () => {
    const config = parseGitleaksConfig("[[rules]]\nid = 'slow'\nregex = '''a(?:.*z)?'''\n", '.gitleaks.toml');
    const rule = config.rules[0]!;
    rule.budget = new MatchBudget(50);
    const detector = new Detector(config.rules);
    detector.scanText('a'.repeat(60_000), 'long.txt');
    expect([rule.budget.exhausted, rule.budget.exhaustedIn, rule.budget.exhaustedBy]).toEqual([true, 'long.txt', 'slow']);
    expect(detector.scanText('a z', 'next.txt')).toEqual([]);
  });
});

describe('corpus gitleaks config', () => {
  const file = corpusPath('secrets', 'gitleaks', 'config', 'gitleaks.toml');
  const config = parseGitleaksConfig(readFileSync(file, 'utf8'), 'gitleaks.toml');

  test('loads every rule', () => {
    expect(config.rules.length + config.pathOnlyRules.length).toBe(222);
    expect(config.pathOnlyRules).toEqual(['pkcs12-file']);
    expect(config.allowlists).toHaveLength(1);
  });

  test('runs a few of its rules', () => {
    const chosen = config.rules.filter((rule) => ['github-pat', 'stripe-access-token', 'sentry-user-token'].includes(rule.id));
    expect(chosen.map((rule) => rule.id).sort()).toEqual(['github-pat', 'sentry-user-token', 'stripe-access-token']);
    const detector = new Detector(chosen, gitleaksGlobalAllow(config));
    const text = `a = "${GITHUB_TOKEN}"\nb = "${STRIPE_KEY}"\nc = "${SENTRY_TOKEN}"\nd = "ghp_${'a'.repeat(36)}"\n`;
    expect(detector.scanText(text, 'src/app.py').map((match) => [match.rule.id, match.startLine])).toEqual([
      ['github-pat', 1],
      ['stripe-access-token', 2],
      ['sentry-user-token', 3]
    ]);
  });
});
