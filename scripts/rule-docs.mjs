// Writes the generated rule references, docs/iac-policies.md and docs/secret-rules.md, from the
// built-in definitions, or with --check exits 1 when one is out of date. It compiles the two
// renderers with tsc into .build/rule-docs first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.build', 'rule-docs');
const DOCS = [
  { source: 'packages/iac/src/policy-doc.ts', render: 'renderPolicyDoc', target: 'docs/iac-policies.md' },
  { source: 'packages/secrets/src/rule-doc.ts', render: 'renderSecretRulesDoc', target: 'docs/secret-rules.md' }
];

mkdirSync(outDir, { recursive: true });
const tsconfig = path.join(outDir, 'tsconfig.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: path.join(root, 'tsconfig.json'),
    compilerOptions: { noEmit: false, outDir, rootDir: root, sourceMap: false, declaration: false },
    include: DOCS.map((doc) => path.join(root, doc.source))
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

let stale = 0;
for (const doc of DOCS) {
  const compiled = path.join(outDir, doc.source.replace(/\.ts$/, '.js'));
  // devsecops-ignore no-unsanitized/method: the module is this repository's own compiled renderer
  const module = await import(pathToFileURL(compiled).href);
  const text = module[doc.render]();
  const target = path.join(root, doc.target);
  if (!process.argv.includes('--check')) {
    writeFileSync(target, text);
    console.log(`wrote ${doc.target}`);
  } else if (readFileSync(target, 'utf8') !== text) {
    console.error(`${doc.target} is out of date; run node scripts/rule-docs.mjs`);
    stale++;
  }
}
process.exit(stale === 0 ? 0 : 1);
