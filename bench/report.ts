/**
 * Benchmark of the report path, run as whole processes of the committed bundles:
 * 1. `devsecops report` over 100,000 findings in 10 SARIF files (json, text and markdown
 *    output): wall time and peak resident memory of the process.
 * 2. The report action on a pull request with 1,000 new findings against the local GitHub
 *    API emulator: how many API requests it makes, by kind.
 * Prints figures only; the targets are printed beside them for comparison. BENCH_KEEP=1
 * keeps the generated input for profiling.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { GitHubEmulator } from '../test/emulator/server.js';

const ROOT = process.cwd();
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const ACTION = path.join(ROOT, 'dist', 'report', 'index.js');

const TOOLS = ['CodeQL', 'Semgrep OSS', 'ESLint', 'Bandit', 'gitleaks', 'Trivy', 'Checkov', 'tfsec', 'KICS', 'Snyk Code'];
const CWES = [79, 89, 78, 22, 798, 327, 502, 611, 918, 352, 94, 601];
const LEVELS = ['error', 'warning', 'note'];
const SOURCE_FILES = 500;
const LINES_PER_FILE = 400;

/** A small deterministic generator (mulberry32), so every run reads the same input. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeWorkspace(dir: string): void {
  for (let file = 0; file < SOURCE_FILES; file++) {
    const lines: string[] = [];
    for (let line = 1; line <= LINES_PER_FILE; line++) {
      lines.push(`const value${line} = compute(input${line % 17}, ${line * file});`);
    }
    mkdirSync(path.join(dir, 'src', `module${file % 20}`), { recursive: true });
    writeFileSync(path.join(dir, sourcePath(file)), lines.join('\n'));
  }
}

function sourcePath(file: number): string {
  return `src/module${file % 20}/file${file}.ts`;
}

interface Location {
  file: number;
  line: number;
  cwe: number;
}

/**
 * Writes `perFile` results for each tool. The second tool repeats 30% of the first
 * tool's locations with the same CWE, so deduplication has real work to do.
 */
function writeSarifFiles(dir: string, perFile: number): string[] {
  const next = random(42);
  const shared: Location[] = [];
  const files: string[] = [];
  TOOLS.forEach((tool, toolIndex) => {
    const rules = Array.from({ length: 50 }, (_, index) => ({
      id: `${tool.toLowerCase().replace(/\W+/g, '-')}/rule-${index}`,
      shortDescription: { text: `Rule ${index} of ${tool}` },
      properties: { tags: [`external/cwe/cwe-${CWES[index % CWES.length]}`] }
    }));
    const results = [];
    for (let index = 0; index < perFile; index++) {
      let location: Location;
      if (toolIndex === 1 && index < shared.length * 0.3) {
        location = shared[index];
      } else {
        location = { file: Math.floor(next() * SOURCE_FILES), line: 1 + Math.floor(next() * LINES_PER_FILE), cwe: 0 };
      }
      const ruleIndex = location.cwe ? CWES.indexOf(location.cwe) : Math.floor(next() * rules.length);
      const cwe = CWES[ruleIndex % CWES.length];
      if (toolIndex === 0) {
        shared.push({ ...location, cwe });
      }
      results.push({
        ruleId: rules[ruleIndex].id,
        ruleIndex,
        level: LEVELS[Math.floor(next() * LEVELS.length)],
        message: { text: `Possible problem ${index} found by ${tool} in value${location.line}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: sourcePath(location.file) }, region: { startLine: location.line } } }]
      });
    }
    const file = path.join(dir, `tool${toolIndex}.sarif`);
    writeFileSync(file, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: tool, rules } }, results }] }));
    files.push(file);
  });
  return files;
}

interface RunResult {
  status: number | null;
  wallMs: number;
  /** User plus system CPU time of the process, less sensitive than wall time to other load. */
  cpuMs: number;
  peakRssMb: number;
  stderr: string;
}

/** Runs node on `script` with a preload that records the peak RSS when the process exits. */
function runNode(script: string, args: string[], env: NodeJS.ProcessEnv, scratch: string): Promise<RunResult> {
  const rssFile = path.join(scratch, `rss-${Date.now()}-${Math.random()}.txt`);
  const preload = path.join(scratch, 'peak-rss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });\n"
  );
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', preload, script, ...args], {
      env: { ...env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const [peakKb, cpuMicros] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
      resolve({ status, wallMs, cpuMs: cpuMicros / 1000, peakRssMb: peakKb / 1024, stderr });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function benchAggregation(scratch: string): Promise<void> {
  const workspace = path.join(scratch, 'workspace');
  writeWorkspace(workspace);
  const sarifDir = path.join(scratch, 'sarif');
  mkdirSync(sarifDir);
  const files = writeSarifFiles(sarifDir, 10_000);
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  console.log(`Input: ${TOOLS.length} SARIF files, ${TOOLS.length * 10_000} results, ${(bytes / 1e6).toFixed(1)} MB; ${SOURCE_FILES} source files`);
  console.log('');
  console.log('| format | wall time (median of 3) | CPU time (median of 3) | peak RSS (max of 3) | findings after dedupe | exit |');
  console.log('| --- | --- | --- | --- | --- | --- |');

  for (const format of ['json', 'text', 'markdown']) {
    const times: number[] = [];
    const cpu: number[] = [];
    const memory: number[] = [];
    let status: number | null = null;
    let findings = '';
    for (let round = 0; round < 3; round++) {
      const output = path.join(scratch, `report.${format}`);
      const result = await runNode(CLI, ['report', '--format', format, '--output', output, '--workspace', workspace, '--fail-on', 'none', sarifDir], process.env, scratch);
      if (result.status !== 0) {
        throw new Error(`devsecops report --format ${format} exited with ${result.status}: ${result.stderr.slice(0, 2000)}`);
      }
      times.push(result.wallMs);
      cpu.push(result.cpuMs);
      memory.push(result.peakRssMb);
      status = result.status;
      if (format === 'json') {
        findings = String(JSON.parse(readFileSync(output, 'utf8')).findings.length);
      }
    }
    console.log(`| ${format} | ${(median(times) / 1000).toFixed(2)} s | ${(median(cpu) / 1000).toFixed(2)} s | ${Math.max(...memory).toFixed(0)} MB | ${findings || 'same'} | ${status} |`);
  }
  console.log('Targets: under 3 s and under 1 GB per run on this 2-core machine.');
}

async function benchRequests(scratch: string): Promise<void> {
  const workspace = path.join(scratch, 'pr-workspace');
  const annotations = 1_000;
  const filesInPr = 20;
  const linesPerFile = annotations / filesInPr;
  const pullFiles = [];
  const results = [];
  for (let file = 0; file < filesInPr; file++) {
    const lines = Array.from({ length: linesPerFile }, (_, index) => `run(command${index}); // line ${index + 1}`);
    const name = `app/file${file}.js`;
    mkdirSync(path.join(workspace, 'app'), { recursive: true });
    writeFileSync(path.join(workspace, name), lines.join('\n') + '\n');
    pullFiles.push({ filename: name, status: 'added', patch: `@@ -0,0 +1,${linesPerFile} @@\n` + lines.map((line) => `+${line}`).join('\n') });
    for (let line = 1; line <= linesPerFile; line++) {
      results.push({
        ruleId: 'js/command-injection',
        level: 'error',
        message: { text: `Command built from user input at line ${line}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: name }, region: { startLine: line } } }]
      });
    }
  }
  const sarifDir = path.join(scratch, 'runner-temp', 'devsecops');
  mkdirSync(sarifDir, { recursive: true });
  writeFileSync(path.join(sarifDir, 'bench.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL' } }, results }] }));

  const emulator = await GitHubEmulator.start({ pullFiles: { 7: pullFiles } });
  try {
    const eventPath = path.join(scratch, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ pull_request: { number: 7, head: { sha: 'a'.repeat(40) }, base: { sha: 'b'.repeat(40) } }, repository: { name: 'octo-repo', owner: { login: 'octo-org' } } })
    );
    const outputFile = path.join(scratch, 'github-output');
    const summaryFile = path.join(scratch, 'step-summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env = {
      ...process.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: path.join(scratch, 'runner-temp'),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: emulator.url,
      GITHUB_WORKFLOW: 'bench',
      GITHUB_JOB: 'report',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      'INPUT_GITHUB-TOKEN': 'test-token',
      'INPUT_FAIL-ON': 'none',
      INPUT_COMMENT: 'auto'
    };
    const result = await runNode(ACTION, [], env, scratch);
    const annotationRequests = emulator.requests.filter((request) => {
      const output = (request.body as { output?: { annotations?: unknown[] } } | undefined)?.output;
      return request.path.includes('/check-runs') && (output?.annotations?.length ?? 0) > 0;
    }).length;
    const others = emulator.requests.length - annotationRequests;
    const sent = emulator.checkRuns.reduce((sum, run) => sum + run.output.annotations.length, 0);
    console.log('');
    console.log(`Report action on a pull request with ${annotations} new findings (exit ${result.status}, ${(result.wallMs / 1000).toFixed(2)} s, ${result.peakRssMb.toFixed(0)} MB):`);
    console.log(`  annotations stored by the emulator: ${sent}`);
    console.log(`  requests carrying annotations: ${annotationRequests} (target ceil(${annotations}/50) = ${Math.ceil(annotations / 50)})`);
    console.log(`  other requests: ${others} (target at most 6)`);
    const byRoute = new Map<string, number>();
    for (const request of emulator.requests) {
      const key = `${request.method} ${request.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
      byRoute.set(key, (byRoute.get(key) ?? 0) + 1);
    }
    for (const [route, count] of byRoute) {
      console.log(`    ${count} x ${route}`);
    }
  } finally {
    await emulator.close();
  }
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'devsecops-bench-'));
try {
  console.log(`Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  await benchAggregation(scratch);
  await benchRequests(scratch);
} finally {
  if (process.env.BENCH_KEEP === '1') {
    console.log(`Input kept in ${scratch}`);
  } else {
    rmSync(scratch, { recursive: true, force: true });
  }
}
