// Runs jest in ESM mode (the @actions toolkit ships ESM only) and ends with one plain
// "N passed, N failed" line, so any CI can read the result. Arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'devsecops-jest-'));
const resultsFile = path.join(resultsDir, 'results.json');

const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2)
  ],
  { cwd: root, stdio: 'inherit' }
);

let summary = 'tests: no results were written';
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  summary = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
  if (results.numTotalTests === 0) {
    summary += ' (no test ran)';
  }
} catch (error) {
  summary = `tests: could not read the jest results: ${error.message}`;
}
rmSync(resultsDir, { recursive: true, force: true });
console.log(summary);
process.exit(jest.status ?? 1);
