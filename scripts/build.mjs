// Builds one ncc bundle per action (dist/<action>/index.js) and one for the command line
// (dist/cli/index.js). The bundles are committed so a workflow can use the actions
// without installing anything; `npm run check-dist` verifies they match the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Usage: node scripts/build.mjs [OUT_DIR] [NAME...]; NAME limits the build to those bundles.
const outRoot = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');
const only = new Set(process.argv.slice(3));
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'actions', entry.name, 'src', 'index.ts')))
  .map((entry) => ({ name: entry.name, source: path.join('actions', entry.name, 'src', 'index.ts') }));
entries.push({ name: 'cli', source: path.join('packages', 'cli', 'src', 'index.ts') });

for (const entry of entries.filter((candidate) => only.size === 0 || only.has(candidate.name))) {
  const out = path.join(outRoot, entry.name);
  rmSync(out, { recursive: true, force: true });
  console.log(`building ${entry.source} -> ${path.relative(root, out) || out}`);
  execFileSync(
    process.execPath,
    [ncc, 'build', entry.source, '--out', out, '--license', 'licenses.txt', '--target', 'es2022', '--quiet'],
    { cwd: root, stdio: 'inherit' }
  );
}
