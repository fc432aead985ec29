/**
 * Benchmark of the secrets scanner, run as whole processes of the committed CLI bundle
 * (`devsecops scan --only secrets`), with secretlint as the peer in the same run:
 * 1. Accuracy on the labelled corpus sets, per set: recall, precision and the misses.
 *    - CredSweeper: `tests/data/output.json` lists the expected (file, line, rule). Recall is
 *      given over the rule types the built-in rules cover and over all expected lines.
 *    - detect-secrets: its `file_with_secrets` / `private_key` / `each_secret.py` files must
 *      give findings and its `file_with_no_secrets` files none (file level).
 *    - gitleaks test data: every line with an AWS access key ID (`AKIA` and 16 characters) in
 *      `testdata/repos` and `testdata/archives` is a positive, as gitleaks' own tests expect.
 * 2. Speed and peak memory on one tree: bytes per second of each tool and the ratio. The tree
 *    is about 100 MB of this repository's node_modules packages copied to a scratch folder
 *    (nested node_modules folders left out, because secretlint never scans them), or the
 *    folder in BENCH_SECRETS_TREE. Ours is the median of 3 runs. secretlint runs in batches of
 *    files, because its time in one process grows with the square of the file count.
 * 3. History: time to scan 1,000 commits of a real repository, a git clone at
 *    BENCH_SECRETS_HISTORY_REPO (for example of expressjs/express); skipped when unset.
 * Prints figures only; the targets are printed beside them. No figure is asserted.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = process.cwd();
/** The CLI bundle to run: the committed one, or BENCH_SECRETS_CLI (a bundle built elsewhere with scripts/build.mjs). */
const CLI = process.env['BENCH_SECRETS_CLI'] ? path.resolve(process.env['BENCH_SECRETS_CLI']) : path.join(ROOT, 'dist', 'cli', 'index.js');
const SECRETLINT = path.join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const SCRATCH = path.join(os.tmpdir(), 'devsecops-bench-secrets');
/** The shared corpus beside the checkout, as in development and CI; the bench runs from the repository root. */
const SECRETS_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'secrets');
const TREE_TARGET_BYTES = 100 * 1024 * 1024;

/** CredSweeper rule names whose credential types the built-in rules cover. */
const COVERED_CREDSWEEPER_RULES = new Set([
  '1Password Account Token', 'Age Secret Key', 'Alibaba Access Key ID', 'Anthropic API Key', 'Atlassian PAT token', 'AWS Client ID',
  'Amazon Bedrock API Key', 'AWS MWS Key', 'AWS Multi', 'Azure Storage Account Key', 'Azure Secret Value', 'Bitbucket App Password',
  'Bitbucket Repository Access Token', 'Brevo API Key', 'Clojars Deploy Token', 'Databricks Access Token', 'Defined Networking API Key',
  'Digital Ocean Token', 'Discord Webhook', 'Docker Access Token', 'Doppler API Key', 'Dropbox OAuth2 API Access Token', 'Dynatrace API Token',
  'Figma Personal Access Token', 'Github App Installation Token', 'Github Classic Token', 'Github Fine-granted Token', 'Gitlab Prefix Token',
  'Google API Key', 'Google OAuth Secret', 'Google OAuth Access Token', 'Google OAuth Refresh Token', 'Grafana Access Policy Token',
  'Grafana Provisioned API Key', 'Grafana Service Account Token', 'Groq API Key', 'Hashicorp Terraform Token', 'Hashicorp Vault Token',
  'Heroku Credentials', 'Hugging Face User Access Token', 'Instagram Access Token', 'Jfrog Token', 'JSON Web Token', 'PEM Private Key',
  'Linear API Key', 'MailGun API Key', 'MailChimp API Key', 'Netlify Token', 'NewRelic Credentials', 'NPM Token', 'NuGet API key',
  'OpenAI Token', 'PayPal Braintree Access Token', 'Perplexity API Key', 'Stripe Credentials', 'PlanetScale Credentials', 'Postman Credentials',
  'PyPi API Token', 'RubyGems API Key', 'SendGrid API Key', 'Sentry Organization Auth Token', 'Sentry User Auth Token', 'Shopify Token',
  'Slack Token', 'Slack Webhook', 'SonarQube Credentials', 'Square Access Token', 'Square Credentials', 'Supabase Credentials',
  'Telegram Bot API Token', 'X App-Only Authentication Bearer Token', 'X AI API Key', 'URL Credentials', 'Twilio Credentials', 'Salesforce Credentials',
  'PostHog Credentials', 'Facebook Access Token', 'Tavily API Key', 'Together AI API Key', 'DeepSeek API Key'
]);

/**
 * CredSweeper samples on covered types that the built-in rules leave on purpose, with the
 * reason (checked against the provider's documented token format).
 */
const OUTSIDE_FORMAT = new Map<string, string>([
  ['credsweeper/tests/samples/docker:2', 'placeholder (EXAMPLE)'],
  ['credsweeper/tests/samples/huggingface:6', 'placeholder (example)'],
  ['credsweeper/tests/samples/mailgun:2', 'no prefix and no provider name nearby'],
  ['credsweeper/tests/samples/newrelic:2', 'NRBR- is not a documented New Relic key prefix'],
  ['credsweeper/tests/samples/newrelic:3', 'outside the documented format: NRII- takes 32 characters'],
  ['credsweeper/tests/samples/posthog:3', 'phr_ is not a documented PostHog prefix'],
  ['credsweeper/tests/samples/posthog:4', 'pha_ is not a documented PostHog prefix'],
  ['credsweeper/tests/samples/salesfoce:2', 'organisation IDs are identifiers, not credentials'],
  ['credsweeper/tests/samples/salesfoce:4', 'connected-app consumer key is an identifier, not a secret'],
  ['credsweeper/tests/samples/sendgrid_api_key:1', 'outside the documented format (SG., 22 and 43 characters)'],
  ['credsweeper/tests/samples/stripe_credentials:3', 'publishable key (pk_), public by design'],
  ['credsweeper/tests/samples/stripe_credentials:6', 'publishable key (pk_), public by design'],
  ['credsweeper/tests/samples/twilio_credentials_p:2', 'Account SID (AC) is an identifier, not a credential']
]);

interface Run {
  seconds: number;
  /** Peak resident set size of the process in MB. */
  peakMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a Node.js script with a preload that records its peak RSS when it exits. */
function runNode(script: string, args: string[], cwd: string, timeoutMs?: number): Run {
  mkdirSync(SCRATCH, { recursive: true });
  const preload = path.join(SCRATCH, 'peak-rss.mjs');
  const rssFile = path.join(SCRATCH, `rss-${process.pid}-${Date.now()}`);
  writeFileSync(preload, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', preload, script, ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: timeoutMs
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
  rmSync(rssFile, { force: true });
  return { seconds, peakMb: peakKb / 1024, status: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '', timedOut: child.error !== undefined && /ETIMEDOUT/.test(String(child.error)) };
}

interface JsonFinding {
  ruleId: string;
  path?: string;
  line?: number;
}

function scanCorpus(): JsonFinding[] {
  const output = path.join(SCRATCH, 'corpus.json');
  const run = runNode(CLI, ['scan', '--only', 'secrets', '--format', 'json', '--output', output, '--fail-on', 'none', '--workspace', SECRETS_CORPUS, SECRETS_CORPUS], ROOT);
  if (!existsSync(output)) {
    throw new Error(`devsecops scan failed (${run.status}): ${run.stderr}`);
  }
  return (JSON.parse(readFileSync(output, 'utf8')) as { findings: JsonFinding[] }).findings;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : (part / whole).toFixed(3);
}

function credSweeper(findings: JsonFinding[]): void {
  const expected = JSON.parse(readFileSync(path.join(SECRETS_CORPUS, 'credsweeper', 'tests', 'data', 'output.json'), 'utf8')) as Array<{ rule: string; line_data_list: Array<{ path: string; line_num: number }> }>;
  const found = new Set(findings.map((finding) => `${finding.path}:${finding.line}`));
  const labelled = new Set<string>();
  let covered = 0;
  let coveredHits = 0;
  let hits = 0;
  const misses: string[] = [];
  for (const item of expected) {
    const place = item.line_data_list[0]!;
    const key = `credsweeper/${place.path.replace(/^\.\//, '')}:${place.line_num}`;
    labelled.add(key);
    const hit = found.has(key);
    hits += hit ? 1 : 0;
    if (COVERED_CREDSWEEPER_RULES.has(item.rule)) {
      covered++;
      coveredHits += hit ? 1 : 0;
      if (!hit) {
        const reason = OUTSIDE_FORMAT.get(key);
        misses.push(`${item.rule} ${key}${reason === undefined ? '' : ` (left: ${reason})`}`);
      }
    }
  }
  const ours = findings.filter((finding) => finding.path?.startsWith('credsweeper/tests/samples/'));
  const truePositives = ours.filter((finding) => labelled.has(`${finding.path}:${finding.line}`)).length;
  console.log(`CredSweeper (tests/data/output.json): ${expected.length} expected, ${covered} of covered types`);
  console.log(`  recall on covered types ${ratio(coveredHits, covered)} (${coveredHits}/${covered}); recall on all ${ratio(hits, expected.length)} (${hits}/${expected.length})`);
  console.log(`  precision ${ratio(truePositives, ours.length)} (${truePositives} of ${ours.length} findings on an expected line)`);
  console.log(`  misses on covered types (${misses.length}):`);
  for (const miss of misses) {
    console.log(`    ${miss}`);
  }
}

function detectSecrets(findings: JsonFinding[]): void {
  const positives = ['test_data/files/file_with_secrets.py', 'test_data/files/tmp/file_with_secrets.py', 'test_data/files/private_key', 'test_data/each_secret.py'];
  const negatives = ['test_data/files/file_with_no_secrets.py', 'test_data/files/tmp/file_with_no_secrets.py'];
  const count = (file: string): number => findings.filter((finding) => finding.path === `detect-secrets/${file}`).length;
  const detected = positives.filter((file) => count(file) > 0);
  const inPositives = positives.reduce((sum, file) => sum + count(file), 0);
  const inNegatives = negatives.reduce((sum, file) => sum + count(file), 0);
  console.log(`detect-secrets (files with and without secrets): file recall ${ratio(detected.length, positives.length)} (${detected.length}/${positives.length}); findings in files with none: ${inNegatives} (target 0); precision ${ratio(inPositives, inPositives + inNegatives)}`);
  for (const file of positives.filter((candidate) => !detected.includes(candidate))) {
    console.log(`  miss: ${file}`);
  }
  for (const file of negatives.filter((candidate) => count(candidate) > 0)) {
    console.log(`  false positive file: ${file} (${count(file)})`);
  }
}

function gitleaksTestData(findings: JsonFinding[]): void {
  const folders = ['gitleaks/testdata/repos', 'gitleaks/testdata/archives'];
  const labelled = new Set<string>();
  const visit = (relative: string): void => {
    for (const entry of readdirSync(path.join(SECRETS_CORPUS, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        visit(child);
      } else if (entry.name !== '.gitleaksignore') {
        readFileSync(path.join(SECRETS_CORPUS, child), 'utf8').split('\n').forEach((line, index) => {
          if (/AKIA[A-Z0-9]{16}/.test(line)) {
            labelled.add(`${child}:${index + 1}`);
          }
        });
      }
    }
  };
  folders.forEach(visit);
  const ours = findings.filter((finding) => folders.some((folder) => finding.path?.startsWith(`${folder}/`)));
  const found = new Set(ours.map((finding) => `${finding.path}:${finding.line}`));
  const hits = [...labelled].filter((key) => found.has(key));
  const truePositives = ours.filter((finding) => labelled.has(`${finding.path}:${finding.line}`)).length;
  console.log(`gitleaks test data (lines with an AWS access key ID): recall ${ratio(hits.length, labelled.size)} (${hits.length}/${labelled.size}); precision ${ratio(truePositives, ours.length)} (${truePositives}/${ours.length})`);
  for (const key of [...labelled].filter((candidate) => !found.has(candidate))) {
    console.log(`  miss: ${key}`);
  }
}

/** Text files the speed tree keeps: what a secret scan of a JavaScript project reads. */
const TREE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md', '.map', '.yml', '.yaml', '.txt']);

/**
 * Copies the text files of packages from node_modules, in name order, until about 100 MB,
 * leaving out nested node_modules folders (secretlint never scans them) and files over 5 MB
 * (the built-in engine's default size limit), so both tools read exactly the same files.
 */
function prepareTree(): string {
  const configured = process.env['BENCH_SECRETS_TREE'];
  if (configured) {
    return configured;
  }
  const tree = path.join(SCRATCH, 'text-tree');
  if (existsSync(path.join(tree, '.complete'))) {
    return tree;
  }
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  let bytes = 0;
  const source = path.join(ROOT, 'node_modules');
  const copy = (from: string, to: string): void => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (bytes >= TREE_TARGET_BYTES) {
        return;
      }
      const child = path.join(from, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') {
        copy(child, path.join(to, entry.name));
      } else if (entry.isFile() && TREE_EXTENSIONS.has(path.extname(entry.name)) && statSync(child).size <= 5 * 1024 * 1024) {
        mkdirSync(to, { recursive: true });
        cpSync(child, path.join(to, entry.name));
        bytes += statSync(child).size;
      }
    }
  };
  for (const name of readdirSync(source).sort()) {
    if (!name.startsWith('.')) {
      copy(path.join(source, name), path.join(tree, 'packages', name));
    }
  }
  writeFileSync(path.join(tree, '.complete'), '');
  return tree;
}

/** Lists the tree's files, relative to it, in name order. */
function treeFiles(folder: string, prefix = ''): string[] {
  const files: string[] = [];
  const entries = readdirSync(path.join(folder, prefix), { withFileTypes: true });
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      files.push(...treeFiles(folder, relative));
    } else if (entry.isFile() && relative !== '.complete') {
      files.push(relative);
    }
  }
  return files;
}

/** Compares names by UTF-16 code units, the order the suite's walker uses. */
function compareNames(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Files per secretlint process in the batched run. */
const PEER_BATCH = 400;

interface PeerRun {
  seconds: number;
  peakMb: number;
  findings: number;
  failed: string[];
}

/** Runs secretlint on `files` (relative to `tree`) in processes of PEER_BATCH files, one after another. */
function secretlintBatched(tree: string, files: string[], rc: string): PeerRun {
  const total: PeerRun = { seconds: 0, peakMb: 0, findings: 0, failed: [] };
  for (let start = 0; start < files.length; start += PEER_BATCH) {
    const run = runSecretlint(tree, ['--no-glob', ...files.slice(start, start + PEER_BATCH)], rc);
    total.seconds += run.seconds;
    total.peakMb = Math.max(total.peakMb, run.peakMb);
    if (Number.isNaN(run.findings)) {
      total.failed.push(`files ${start + 1}-${Math.min(files.length, start + PEER_BATCH)}: ${run.stderr.slice(0, 200)}`);
    } else {
      total.findings += run.findings;
    }
  }
  return total;
}

/**
 * Runs secretlint with its JSON report written to a file: written to a pipe, its output is cut
 * when it exits.
 */
function runSecretlint(tree: string, inputs: string[], rc: string, timeoutMs?: number): Run & { findings: number } {
  const output = path.join(SCRATCH, 'secretlint.json');
  rmSync(output, { force: true });
  const run = runNode(SECRETLINT, [...inputs, '--secretlintrc', rc, '--format', 'json', '--output', output, '--no-color'], tree, timeoutMs);
  let findings = Number.NaN;
  try {
    findings = (JSON.parse(readFileSync(output, 'utf8')) as Array<{ messages: unknown[] }>).reduce((sum, file) => sum + file.messages.length, 0);
  } catch {
    // No report: the caller names the batch.
  }
  return { ...run, findings };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function speed(): void {
  const tree = prepareTree();
  const files = treeFiles(tree);
  // Reading every file once puts the tree in the page cache, so neither tool pays for the disk.
  let bytes = 0;
  for (const file of files) {
    bytes += readFileSync(path.join(tree, file)).length;
  }
  const megabytes = bytes / 1e6;
  console.log(`Speed tree: ${tree}, ${files.length} files, ${megabytes.toFixed(1)} MB`);

  const runs = [1, 2, 3].map(() => runNode(CLI, ['scan', '--only', 'secrets', '--format', 'json', '--output', path.join(SCRATCH, 'tree.json'), '--fail-on', 'none', '--workspace', tree, tree], ROOT));
  const ours = runs.find((run) => run.seconds === median(runs.map((candidate) => candidate.seconds)))!;
  const ourFindings = existsSync(path.join(SCRATCH, 'tree.json')) ? (JSON.parse(readFileSync(path.join(SCRATCH, 'tree.json'), 'utf8')) as { findings: unknown[] }).findings.length : Number.NaN;
  console.log(
    `  devsecops-secrets, median of 3 runs: ${ours.seconds.toFixed(2)} s (runs ${runs.map((run) => run.seconds.toFixed(2)).join(', ')}), ${(megabytes / ours.seconds).toFixed(1)} MB/s, peak RSS ${Math.max(...runs.map((run) => run.peakMb)).toFixed(0)} MB, ${ourFindings} findings (exit ${ours.status})`
  );

  const rc = path.join(SCRATCH, 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  // secretlint's time in one process grows with the square of the number of files, so it is
  // run as a user would on a large tree: in batches of files, one process after another.
  const peer = secretlintBatched(tree, files, rc);
  console.log(
    `  secretlint 11.7.1 (preset-recommend), ${Math.ceil(files.length / PEER_BATCH)} processes of up to ${PEER_BATCH} files: ${peer.seconds.toFixed(2)} s, ${(megabytes / peer.seconds).toFixed(1)} MB/s, peak RSS ${peer.peakMb.toFixed(0)} MB, ${peer.findings} findings`
  );
  for (const failure of peer.failed) {
    console.log(`    batch without JSON output: ${failure}`);
  }
  console.log(`  ratio: ${(peer.seconds / ours.seconds).toFixed(1)}x secretlint (targets: >= 10x, > 50 MB/s, < 300 MB)`);

  // One process over the first N files shows how its time grows with the file count. The whole
  // tree in one process runs only with BENCH_PEER_TIMEOUT_S set, and stops after that many seconds.
  const growth = [600, 2400].map((count) => {
    const run = runSecretlint(tree, ['--no-glob', ...files.slice(0, count)], rc);
    return `${count} files ${run.seconds.toFixed(2)} s`;
  });
  console.log(`  secretlint in one process: ${growth.join(', ')}`);
  const peerTimeout = Number(process.env['BENCH_PEER_TIMEOUT_S'] ?? 0) * 1000;
  if (peerTimeout > 0) {
    const single = runSecretlint(tree, ['**/*'], rc, peerTimeout);
    console.log(
      single.timedOut
        ? `  secretlint on the whole tree in one process: stopped after ${(peerTimeout / 1000).toFixed(0)} s (at most ${(megabytes / single.seconds).toFixed(1)} MB/s)`
        : `  secretlint on the whole tree in one process: ${single.seconds.toFixed(2)} s, ${(megabytes / single.seconds).toFixed(1)} MB/s, peak RSS ${single.peakMb.toFixed(0)} MB`
    );
  }
}

function history(): void {
  const repo = process.env['BENCH_SECRETS_HISTORY_REPO'];
  if (!repo || !existsSync(repo)) {
    console.log('History: skipped; set BENCH_SECRETS_HISTORY_REPO to a git clone with at least 1,000 commits.');
    return;
  }
  const git = (...args: string[]): string => spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const base = git('rev-list', '--first-parent', '--skip=1000', '--max-count=1', 'HEAD');
  const commits = git('rev-list', '--count', '--no-merges', `${base}..HEAD`);
  const output = path.join(SCRATCH, 'history.json');
  const run = runNode(CLI, ['scan', '--only', 'secrets', '--mode', 'history', '--base', base, '--head', 'HEAD', '--format', 'json', '--output', output, '--fail-on', 'none', '--workspace', repo, repo], ROOT);
  const findings = existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as { findings: unknown[] }).findings.length : Number.NaN;
  console.log(`History: ${repo}, ${base.slice(0, 12)}..HEAD = 1,000 first-parent commits, ${commits} non-merge commits with diffs: ${run.seconds.toFixed(2)} s, peak RSS ${run.peakMb.toFixed(0)} MB, ${findings} findings (exit ${run.status})`);
}

/** Parts to run, from BENCH_SECRETS_PARTS (comma separated: accuracy, speed, history); all by default. */
const parts = new Set((process.env['BENCH_SECRETS_PARTS'] ?? 'accuracy,speed,history').split(',').map((part) => part.trim()));
console.log(`Node.js ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x ${os.cpus().length}`);
if (parts.has('accuracy')) {
  const corpusFindings = scanCorpus();
  console.log(`Corpus scan: ${corpusFindings.length} findings`);
  credSweeper(corpusFindings);
  detectSecrets(corpusFindings);
  gitleaksTestData(corpusFindings);
}
if (parts.has('speed')) {
  speed();
}
if (parts.has('history')) {
  history();
}
