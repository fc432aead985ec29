/**
 * Benchmark of the bundled SAST engine (ESLint with security plugins):
 * 1. Precision: every candidate rule (BUNDLED_RULES, the ones left out of the default set
 *    included) runs in process on a deliberately vulnerable Node.js application and on clean,
 *    widely used library code: express and its direct dependencies from node_modules. Every
 *    finding on the clean code counts as false. Prints findings per rule on each side.
 *    The vulnerable application is DVNA (github.com/appsecco/dvna), checked out outside the
 *    repository; its path comes from DVNA_DIR. Without it, only the clean side runs.
 * 2. Speed: the bundled engine (`devsecops scan --only sast --engines eslint`, the CLI bundle
 *    as a child process) against the plain ESLint command line with a config file naming the
 *    same plugins and default rules, on the same tree of 1,000 JavaScript files copied from
 *    node_modules. Each runs three times, alternating; the medians and their ratio are printed.
 *    SAST_CLI overrides the bundle path (default dist/cli/index.js, built by
 *    `node scripts/build.mjs dist cli`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = process.cwd();
const CLI = process.env.SAST_CLI ?? path.join(ROOT, 'dist', 'cli', 'index.js');
const DVNA_DIR = process.env.DVNA_DIR;
const TREE_FILES = 1000;
const RUNS = 3;

interface RawFinding {
  rule: { id: string };
  location?: { path: string; startLine?: number };
}

interface SastApi {
  BUNDLED_RULES: ReadonlyArray<{ id: string; severity: string; enabled: boolean }>;
  DEFAULT_RULES: ReadonlyArray<{ id: string }>;
  runEslintEngine(options: unknown): Promise<{ findings: RawFinding[]; stats: Record<string, number> }>;
}

/** Lets the compiled bench import the compiled packages by their `@devsecops/*` names. */
async function loadSast(): Promise<SastApi> {
  const packages = pathToFileURL(path.join(ROOT, '.build', 'packages')).href;
  const hook = `export async function resolve(specifier, context, next) {
    const match = /^@devsecops\\/([a-z-]+)$/.exec(specifier);
    return next(match ? '${packages}/' + match[1] + '/src/index.js' : specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  return (await import('../packages/sast/src/index.js')) as unknown as SastApi;
}

const silent = { debug() {}, info() {}, warning() {}, error() {} };

function countByRule(findings: RawFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    counts.set(finding.rule.id, (counts.get(finding.rule.id) ?? 0) + 1);
  }
  return counts;
}

/** Express and the packages it depends on directly, as installed in node_modules. */
function cleanLibraries(): string[] {
  const expressDir = path.join(ROOT, 'node_modules', 'express');
  const manifest = JSON.parse(readFileSync(path.join(expressDir, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  const folders = [expressDir, ...Object.keys(manifest.dependencies).map((name) => path.join(ROOT, 'node_modules', name))];
  console.log(`clean code: express ${manifest.version} and its ${folders.length - 1} direct dependencies from node_modules`);
  return folders.filter((folder) => existsSync(folder));
}

async function precision(sast: SastApi): Promise<void> {
  const candidates = sast.BUNDLED_RULES.map((rule) => ({ ...rule, enabled: true }));

  const clean: RawFinding[] = [];
  let cleanFiles = 0;
  for (const folder of cleanLibraries()) {
    const result = await sast.runEslintEngine({ workspace: folder, target: folder, logger: silent, rules: candidates });
    clean.push(...result.findings.map((finding) => ({ ...finding, location: finding.location && { ...finding.location, path: `${path.basename(folder)}/${finding.location.path}` } })));
    cleanFiles += result.stats.files ?? 0;
  }

  let vulnerable: RawFinding[] = [];
  let vulnerableFiles = 0;
  if (DVNA_DIR && existsSync(DVNA_DIR)) {
    const result = await sast.runEslintEngine({ workspace: DVNA_DIR, target: DVNA_DIR, logger: silent, rules: candidates });
    vulnerable = result.findings;
    vulnerableFiles = result.stats.files ?? 0;
    console.log(`vulnerable app: ${DVNA_DIR}, ${vulnerableFiles} files linted (minified vendor files skipped: ${result.stats.skippedMinified})`);
  } else {
    console.log('vulnerable app: DVNA_DIR is not set (or does not exist), so only the clean side runs; check out github.com/appsecco/dvna outside the repository and set DVNA_DIR to it');
  }
  console.log(`clean code: ${cleanFiles} files linted`);

  const onVulnerable = countByRule(vulnerable);
  const onClean = countByRule(clean);
  const defaults = new Set(sast.DEFAULT_RULES.map((rule) => rule.id));
  console.log('');
  console.log('rule | default | DVNA findings | clean findings (all false) | share on DVNA');
  console.log('--- | --- | --- | --- | ---');
  for (const rule of sast.BUNDLED_RULES) {
    const hits = onVulnerable.get(rule.id) ?? 0;
    const falseHits = onClean.get(rule.id) ?? 0;
    if (hits + falseHits === 0) {
      continue;
    }
    const share = `${((100 * hits) / (hits + falseHits)).toFixed(0)}%`;
    console.log(`${rule.id} | ${defaults.has(rule.id) ? `yes, ${rule.severity}` : 'no'} | ${hits} | ${falseHits} | ${share}`);
  }
  const silentRules = sast.BUNDLED_RULES.filter((rule) => !onVulnerable.has(rule.id) && !onClean.has(rule.id)).length;
  console.log(`(${silentRules} rules found nothing on either side)`);
  if (process.env.BENCH_VERBOSE) {
    for (const finding of [...vulnerable.map((f) => ['DVNA', f] as const), ...clean.map((f) => ['clean', f] as const)]) {
      console.log(`${finding[0]} ${finding[1].rule.id} ${finding[1].location?.path}:${finding[1].location?.startLine}`);
    }
  }
}

/**
 * Copies the first TREE_FILES lintable JavaScript files of node_modules into a flat tree.
 * Files that `require` a variable are left out: @microsoft/eslint-plugin-sdl 1.1.0's
 * no-insecure-random throws on them, which stops the plain ESLint command line, while the
 * bundled engine lints such a file again without the rule, so timing them would compare
 * different work.
 */
function buildTree(tree: string): void {
  const sourceRoot = path.join(ROOT, 'node_modules');
  let copied = 0;
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (copied >= TREE_FILES) {
        return;
      }
      const file = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== '.bin' && !entry.name.startsWith('@devsecops')) {
        visit(file);
      } else if (entry.isFile() && /\.(js|cjs|mjs)$/.test(entry.name) && !/[.-]min\.js$/.test(entry.name)) {
        const text = readFileSync(file, 'utf8');
        const lintable = statSync(file).size <= 256 * 1024 && !text.split('\n').some((line) => line.length > 1000);
        if (lintable && !/\brequire\(\s*(?!(['"])[^'"]*\1\s*\))/.test(text)) {
          copyFileSync(file, path.join(tree, `${String(copied).padStart(4, '0')}-${entry.name}`));
          copied += 1;
        }
      }
    }
  };
  visit(sourceRoot);
}

function eslintConfigFile(defaults: ReadonlyArray<{ id: string }>): string {
  const rules = Object.fromEntries(defaults.map((rule) => [rule.id, 'warn']));
  return `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});
const plugins = {
  security: require('eslint-plugin-security'),
  '@microsoft/sdl': require('@microsoft/eslint-plugin-sdl'),
  'no-unsanitized': require('eslint-plugin-no-unsanitized')
};
const typescript = require('@typescript-eslint/parser');
export default [
  {
    files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    plugins,
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: ${JSON.stringify(rules)}
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: typescript, parserOptions: { ecmaFeatures: { jsx: true } } } }
];
`;
}

function timed(command: string, args: string[], cwd: string): { seconds: number; stdout: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${path.basename(args[0] ?? command)} exited with ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  return { seconds, stdout: result.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function speed(sast: SastApi): Promise<void> {
  if (!existsSync(CLI)) {
    console.log(`speed: ${CLI} is missing; build it with \`node scripts/build.mjs dist cli\` or set SAST_CLI`);
    return;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'sast-bench-'));
  try {
    const tree = path.join(work, 'tree');
    mkdirSync(tree);
    buildTree(tree);
    const config = path.join(work, 'eslint.config.mjs');
    writeFileSync(config, eslintConfigFile(sast.DEFAULT_RULES));
    const eslintBin = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

    const bundled: number[] = [];
    const plain: number[] = [];
    let bundledFindings = 0;
    let plainFindings = 0;
    for (let run = 0; run < RUNS; run++) {
      const ours = timed(process.execPath, [CLI, 'scan', '--only', 'sast', '--engines', 'eslint', '--format', 'json', '--fail-on', 'none', '--no-progress', tree], tree);
      bundled.push(ours.seconds);
      bundledFindings = (JSON.parse(ours.stdout) as { findings: unknown[] }).findings.length;
      const theirs = timed(process.execPath, [eslintBin, '--config', config, '--format', 'json', '--no-warn-ignored', '.'], tree);
      plain.push(theirs.seconds);
      plainFindings = (JSON.parse(theirs.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>).reduce((sum, file) => sum + file.messages.filter((message) => message.ruleId).length, 0);
    }
    const ratio = median(bundled) / median(plain);
    console.log('');
    console.log(`speed on ${TREE_FILES} files from node_modules, median of ${RUNS} runs (${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}):`);
    console.log(`  bundled engine (devsecops scan --only sast): ${median(bundled).toFixed(2)} s, ${bundledFindings} findings after deduplication`);
    console.log(`  plain ESLint command line, same plugins and rules: ${median(plain).toFixed(2)} s, ${plainFindings} messages`);
    console.log(`  ratio bundled / plain: ${ratio.toFixed(2)} (target: at most 1.2)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const sast = await loadSast();
await precision(sast);
await speed(sast);
