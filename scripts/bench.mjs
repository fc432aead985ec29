// Compiles the benchmarks (and the GitHub API emulator they use) with tsc into .build/,
// then runs the one named on the command line: `node scripts/bench.mjs report`.
// The benchmarks run the committed bundles in dist/ as child processes.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs NAME [ARGS...], where bench/NAME.ts exists');
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, '.build', 'bench', `${name}.js`), ...process.argv.slice(3)], { cwd: root, stdio: 'inherit' });
