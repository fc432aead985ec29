// Writes docs/iac-policies.md from the built-in IaC policy definitions, or with --check exits 1
// when the file is out of date. It compiles packages/iac with tsc into .build/iac-doc first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.build', 'iac-doc');
const target = path.join(root, 'docs', 'iac-policies.md');

mkdirSync(outDir, { recursive: true });
const tsconfig = path.join(outDir, 'tsconfig.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: path.join(root, 'tsconfig.json'),
    compilerOptions: { noEmit: false, outDir, rootDir: root, sourceMap: false, declaration: false },
    include: [path.join(root, 'packages', 'iac', 'src', 'policy-doc.ts')]
  })
);
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { cwd: root, stdio: 'inherit' });

// The compiled packages import each other as @devsecops/<name>; point those at the build.
const packages = pathToFileURL(path.join(outDir, 'packages')).href;
const hook = `export async function resolve(specifier, context, next) {
  const match = /^@devsecops\\/([a-z-]+)$/.exec(specifier);
  return next(match ? '${packages}/' + match[1] + '/src/index.js' : specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
// devsecops-ignore no-unsanitized/method: the module is this repository's own compiled policy-doc.js
const { renderPolicyDoc } = await import(pathToFileURL(path.join(outDir, 'packages', 'iac', 'src', 'policy-doc.js')).href);

const text = renderPolicyDoc();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error(`${path.relative(root, target)} is out of date; run node scripts/iac-policies-doc.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
