/**
 * Benchmark of the IaC scanner:
 * 1. Accuracy of the built-in policies on the labelled KICS query tests in
 *    ../shared/corpus/kics/<platform>/<query>/test: every covered query's positive files must
 *    be flagged at the expected lines and its negative files must stay clean. Each test file
 *    is scanned alone, in process, before the findings core merges anything. Prints precision
 *    and recall per platform and every miss.
 * 2. `devsecops scan --only iac` (the committed CLI bundle, as a child process) on
 *    ../shared/corpus/real/terragoat: findings by severity and by policy, wall time, peak RSS.
 * 3. The same command on a generated tree of 5,000 Terraform, Kubernetes and Dockerfile
 *    files: files a second and peak RSS.
 * Run with `npm run bench:iac` after `node scripts/build.mjs dist cli`. KICS_DIR and
 * TERRAGOAT_DIR override the corpus folders.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = process.cwd();
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const KICS_DIR = process.env.KICS_DIR ?? path.join(CORPUS, 'kics');
const TERRAGOAT_DIR = process.env.TERRAGOAT_DIR ?? path.join(CORPUS, 'real', 'terragoat');
const GENERATED_FILES = 5000;

/**
 * Built-in policies that check what each KICS query checks. This mapping lives here, not in
 * the product, and decides which queries count as covered.
 */
const QUERY_POLICIES: Record<string, string[]> = {
  'dockerfile/add_instead_of_copy': ['DSO-DF-004'],
  'dockerfile/apt_get_install_lists_were_not_deleted': ['DSO-DF-008'],
  'dockerfile/apt_get_not_avoiding_additional_packages': ['DSO-DF-007'],
  'dockerfile/curl_or_wget_instead_of_add': ['DSO-DF-005'],
  'dockerfile/exposing_port_22': ['DSO-DF-012'],
  'dockerfile/image_version_using_latest': ['DSO-DF-003'],
  'dockerfile/last_user_is_root': ['DSO-DF-001'],
  'dockerfile/missing_user_instruction': ['DSO-DF-001'],
  'dockerfile/run_using_sudo': ['DSO-DF-011'],
  'dockerfile/shell_running_a_pipe_without_pipefail_flag': ['DSO-DF-013'],
  'k8s/container_is_privileged': ['DSO-K8S-001'],
  'k8s/containers_running_as_root': ['DSO-K8S-003'],
  'k8s/containers_with_sys_admin_capabilities': ['DSO-K8S-005'],
  'k8s/cpu_limits_not_set': ['DSO-K8S-010'],
  'k8s/liveness_probe_is_not_defined': ['DSO-K8S-013'],
  'k8s/no_drop_capabilities_for_containers': ['DSO-K8S-004'],
  'k8s/privilege_escalation_allowed': ['DSO-K8S-002'],
  'k8s/rbac_wildcard_in_rule': ['DSO-K8S-017'],
  'k8s/root_container_not_mounted_as_read_only': ['DSO-K8S-009'],
  'k8s/seccomp_profile_is_not_configured': ['DSO-K8S-006'],
  'k8s/shared_host_network_namespace': ['DSO-K8S-007'],
  'terraform/aws/default_security_groups_with_unrestricted_traffic': ['DSO-TF-AWS-024'],
  'terraform/aws/http_port_open': ['DSO-TF-AWS-022'],
  'terraform/aws/iam_policies_with_full_privileges': ['DSO-TF-AWS-025'],
  'terraform/aws/iam_role_with_full_privileges': ['DSO-TF-AWS-025'],
  'terraform/aws/remote_desktop_port_open_to_internet': ['DSO-TF-AWS-020'],
  'terraform/aws/s3_bucket_access_to_any_principal': ['DSO-TF-AWS-009'],
  'terraform/aws/s3_bucket_acl_allows_read_or_write_to_all_users': ['DSO-TF-AWS-002'],
  'terraform/aws/s3_bucket_allows_public_acl': ['DSO-TF-AWS-003'],
  'terraform/aws/s3_bucket_object_not_encrypted': ['DSO-TF-AWS-010'],
  'terraform/aws/s3_bucket_with_public_policy': ['DSO-TF-AWS-004'],
  'terraform/aws/s3_bucket_without_ignore_public_acl': ['DSO-TF-AWS-005'],
  'terraform/aws/s3_bucket_without_restriction_of_public_bucket': ['DSO-TF-AWS-006'],
  'terraform/aws/security_group_with_unrestricted_access_to_ssh': ['DSO-TF-AWS-019'],
  'terraform/aws/sqs_policy_allows_all_actions': ['DSO-TF-AWS-027']
};

interface IacApi {
  runBuiltinPolicies(options: unknown): { findings: Array<{ rule: { id: string }; location?: { path: string; startLine?: number } }>; notices: unknown[] };
  parseHcl(text: string): { blocks: Array<{ line: number; endLine: number }> };
}

/** Lets the compiled bench import the compiled packages by their `@devsecops/*` names. */
async function loadIac(): Promise<IacApi> {
  const packages = pathToFileURL(path.join(ROOT, '.build', 'packages')).href;
  const hook = `export async function resolve(specifier, context, next) {
    const match = /^@devsecops\\/([a-z-]+)$/.exec(specifier);
    return next(match ? '${packages}/' + match[1] + '/src/index.js' : specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  return (await import('../packages/iac/src/index.js')) as unknown as IacApi;
}

interface Expected {
  file: string;
  line: number;
}

interface Tally {
  queries: number;
  expected: number;
  found: number;
  reported: number;
  correct: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}

function expectedResults(testDir: string, positives: string[]): Expected[] {
  const raw = JSON.parse(readFileSync(path.join(testDir, 'positive_expected_result.json'), 'utf8')) as Array<Record<string, unknown>>;
  return raw.map((entry) => {
    const name = (entry.fileName ?? entry.filename ?? entry.file) as string | undefined;
    // Without a file name the expectation belongs to the only positive file.
    let file = positives.length === 1 ? positives[0]! : '';
    if (name) {
      file = path.basename(name);
    }
    return { file, line: Number(entry.line) };
  });
}

/** Top-level Terraform blocks by their first line: KICS points some findings at the resource header. */
function blockRanges(iac: IacApi, file: string): Map<number, number> {
  if (!file.endsWith('.tf')) {
    return new Map();
  }
  try {
    return new Map(iac.parseHcl(readFileSync(file, 'utf8')).blocks.map((block) => [block.line, block.endLine]));
  } catch {
    return new Map();
  }
}

function evaluateAccuracy(iac: IacApi): void {
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  const uncovered: string[] = [];
  let lenientMatches = 0;

  for (const platformDir of ['dockerfile', 'k8s', 'terraform/aws']) {
    const platform = platformDir.split('/')[0]!;
    for (const query of listFiles(path.join(KICS_DIR, platformDir))) {
      const key = `${platformDir}/${query}`;
      const policies = QUERY_POLICIES[key];
      if (!policies) {
        uncovered.push(key);
        continue;
      }
      const tally = tallies.get(platform) ?? { queries: 0, expected: 0, found: 0, reported: 0, correct: 0 };
      tallies.set(platform, tally);
      tally.queries += 1;

      const testDir = path.join(KICS_DIR, platformDir, query, 'test');
      const files = listFiles(testDir).filter((name) => /^(positive|negative)/.test(name) && !name.endsWith('.json'));
      const positives = files.filter((name) => name.startsWith('positive'));
      const expected = expectedResults(testDir, positives);
      tally.expected += expected.length;
      const matched = new Set<Expected>();

      for (const name of files) {
        const absolute = path.join(testDir, name);
        const result = iac.runBuiltinPolicies({ workspace: testDir, target: absolute, logger: { debug() {}, info() {}, warning() {}, error() {} } });
        const lines = [...new Set(result.findings.filter((finding) => policies.includes(finding.rule.id)).map((finding) => finding.location?.startLine ?? 0))].sort((a, b) => a - b);
        const wanted = expected.filter((entry) => entry.file === name);
        const blocks = blockRanges(iac, absolute);
        for (const line of lines) {
          tally.reported += 1;
          const exact = wanted.find((entry) => entry.line === line);
          const enclosing = exact ? undefined : wanted.find((entry) => blocks.has(entry.line) && entry.line <= line && line <= blocks.get(entry.line)!);
          const hit = exact ?? enclosing;
          if (hit) {
            tally.correct += 1;
            if (!matched.has(hit)) {
              matched.add(hit);
              lenientMatches += enclosing ? 1 : 0;
            }
          } else {
            misses.push(`false positive  ${key}/${name}:${line}`);
          }
        }
      }
      for (const entry of expected) {
        if (matched.has(entry)) {
          tally.found += 1;
        } else {
          misses.push(`not found       ${key}/${entry.file}:${entry.line}`);
        }
      }
    }
  }

  console.log('## Accuracy on the KICS query tests\n');
  console.log('| platform | queries covered | expected | found | recall | reported lines | correct | precision |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const total: Tally = { queries: 0, expected: 0, found: 0, reported: 0, correct: 0 };
  for (const [platform, tally] of tallies) {
    printTally(platform, tally);
    for (const key of Object.keys(total) as Array<keyof Tally>) {
      total[key] += tally[key];
    }
  }
  printTally('all', total);
  console.log(`\nQueries covered: ${total.queries} of ${total.queries + uncovered.length} (targets: at least 30, recall >= 0.9, precision >= 0.95).`);
  console.log(`Not covered: ${uncovered.join(', ') || 'none'}.`);
  console.log(`Found inside the resource block KICS points at (not on its header line): ${lenientMatches}.`);
  console.log(`\nMisses (${misses.length}):`);
  for (const miss of misses) {
    console.log(`  ${miss}`);
  }
}

function printTally(label: string, tally: Tally): void {
  const recall = tally.expected === 0 ? 1 : tally.found / tally.expected;
  const precision = tally.reported === 0 ? 1 : tally.correct / tally.reported;
  console.log(`| ${label} | ${tally.queries} | ${tally.expected} | ${tally.found} | ${recall.toFixed(3)} | ${tally.reported} | ${tally.correct} | ${precision.toFixed(3)} |`);
}

interface Run {
  wallMs: number;
  peakKb: number;
  exitCode: number | null;
  stdout: string;
}

/** Runs the CLI bundle with a preload that records the peak RSS at exit. */
function runCli(args: string[], cwd: string, scratch: string): Promise<Run> {
  const rssFile = path.join(scratch, `rss-${Date.now()}.txt`);
  const preload = path.join(scratch, 'peak-rss.cjs');
  writeFileSync(preload, "process.on('exit', () => { require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n");
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', preload, CLI, ...args], { cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ wallMs, peakKb: Number(readFileSync(rssFile, 'utf8')), exitCode, stdout });
    });
  });
}

async function benchTerragoat(scratch: string): Promise<void> {
  console.log('\n## devsecops scan --only iac on terragoat\n');
  if (!existsSync(TERRAGOAT_DIR)) {
    console.log(`Skipped: ${TERRAGOAT_DIR} does not exist.`);
    return;
  }
  const runs: Run[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await runCli(['scan', '--only', 'iac', '--format', 'json', '--fail-on', 'none', '--no-progress', '.'], TERRAGOAT_DIR, scratch));
  }
  const report = JSON.parse(runs[0]!.stdout) as { findings: Array<{ ruleId: string; severity: string; state: string }>; counts: Record<string, number> };
  const byPolicy = new Map<string, number>();
  for (const finding of report.findings.filter((item) => item.state !== 'suppressed')) {
    byPolicy.set(finding.ruleId, (byPolicy.get(finding.ruleId) ?? 0) + 1);
  }
  const wall = runs.map((run) => run.wallMs).sort((a, b) => a - b)[1]!;
  console.log(`Findings: ${report.counts.total} (critical ${report.counts.critical}, high ${report.counts.high}, medium ${report.counts.medium}, low ${report.counts.low}, info ${report.counts.info}).`);
  console.log(`Wall time, median of 3: ${wall.toFixed(0)} ms (target: under 1 s). Peak RSS, max of 3: ${(Math.max(...runs.map((run) => run.peakKb)) / 1024).toFixed(1)} MiB.`);
  console.log('\n| policy | findings |\n| --- | --- |');
  for (const [policy, count] of [...byPolicy.entries()].sort()) {
    console.log(`| ${policy} | ${count} |`);
  }
}

const TERRAFORM_SAMPLE = (i: number) => `variable "acl_${i}" {
  default = "public-read"
}

resource "aws_s3_bucket" "bucket_${i}" {
  bucket = "bench-${i}"
  acl    = var.acl_${i}
}

resource "aws_security_group" "group_${i}" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const KUBERNETES_SAMPLE = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:latest
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
`;

const DOCKERFILE_SAMPLE = (i: number) => `FROM node:latest
RUN apt-get update && apt-get install -y curl
ADD app-${i}.js /app/
EXPOSE 22
CMD ["node", "/app/app-${i}.js"]
`;

async function benchScale(scratch: string): Promise<void> {
  console.log(`\n## devsecops scan --only iac on ${GENERATED_FILES} generated files\n`);
  const tree = path.join(scratch, 'tree');
  for (let i = 0; i < GENERATED_FILES; i++) {
    const dir = path.join(tree, `module${i % 250}`);
    mkdirSync(dir, { recursive: true });
    const kind = i % 3;
    if (kind === 0) {
      writeFileSync(path.join(dir, `main${i}.tf`), TERRAFORM_SAMPLE(i));
    } else if (kind === 1) {
      writeFileSync(path.join(dir, `deploy${i}.yaml`), KUBERNETES_SAMPLE(i));
    } else {
      writeFileSync(path.join(dir, `app${i}.dockerfile`), DOCKERFILE_SAMPLE(i));
    }
  }
  const run = await runCli(['scan', '--only', 'iac', '--format', 'json', '--fail-on', 'none', '--no-progress', '.'], tree, scratch);
  const report = JSON.parse(run.stdout) as { counts: Record<string, number> };
  console.log(`Files: ${GENERATED_FILES}; findings: ${report.counts.total}; wall time: ${(run.wallMs / 1000).toFixed(2)} s; ${(GENERATED_FILES / (run.wallMs / 1000)).toFixed(0)} files/s; peak RSS: ${(run.peakKb / 1024).toFixed(1)} MiB.`);
}

/** Times the built-in engine alone on terragoat, in this process, without Node start-up and bundle loading. */
function benchInProcess(iac: IacApi): void {
  if (!existsSync(TERRAGOAT_DIR)) {
    return;
  }
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    findings = iac.runBuiltinPolicies({ workspace: TERRAGOAT_DIR, target: TERRAGOAT_DIR, logger: { debug() {}, info() {}, warning() {}, error() {} } }).findings.length;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`\nBuilt-in engine alone on terragoat, in process: ${findings} findings, median of 5 runs ${times[2]!.toFixed(1)} ms.`);
}

async function main(): Promise<void> {
  const iac = await loadIac();
  evaluateAccuracy(iac);
  benchInProcess(iac);
  if (!existsSync(CLI)) {
    console.log(`\n${CLI} is missing; build it with \`node scripts/build.mjs dist cli\` for the end-to-end figures.`);
    return;
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-iac-'));
  try {
    await benchTerragoat(scratch);
    await benchScale(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\nMachine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, Node.js ${process.version}.`);
}

await main();
