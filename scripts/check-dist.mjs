// Rebuilds every bundle into a temporary folder and compares it with the committed dist/.
// Exits 1 and lists the differing files when a source change was committed without its
// rebuilt bundle, so a pinned SHA always runs the code that was reviewed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'dist');
const fresh = mkdtempSync(path.join(os.tmpdir(), 'devsecops-dist-'));

function listFiles(dir, prefix = '') {
  let files = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return files;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    const relative = path.join(prefix, name);
    files = statSync(full).isDirectory() ? files.concat(listFiles(full, relative)) : files.concat(relative);
  }
  return files;
}

try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), fresh], { cwd: root, stdio: 'inherit' });
  const names = new Set([...listFiles(committed), ...listFiles(fresh)]);
  const differing = [];
  for (const name of [...names].sort()) {
    let a;
    let b;
    try {
      a = readFileSync(path.join(committed, name));
    } catch {
      differing.push(`${name} (missing from the committed dist/)`);
      continue;
    }
    try {
      b = readFileSync(path.join(fresh, name));
    } catch {
      differing.push(`${name} (committed, but no longer built)`);
      continue;
    }
    if (!a.equals(b)) {
      differing.push(name);
    }
  }
  if (differing.length > 0) {
    console.error(`dist/ differs from a fresh build in ${differing.length} file(s):`);
    for (const name of differing) {
      console.error(`  dist/${name}`);
    }
    console.error('Run `npm run build` and commit dist/.');
    process.exit(1);
  }
  console.log(`dist/ matches a fresh build (${names.size} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
