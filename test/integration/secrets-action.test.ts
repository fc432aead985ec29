import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defaultConfig, RecordingLogger } from '@devsecops/core';
import { scanSecrets } from '@devsecops/secrets';

import { corpusPath, REPO_ROOT } from '../corpus.js';
import { parseOutputFile } from './run-action.js';

const SECRETS_BUNDLE = path.join(REPO_ROOT, 'dist', 'secrets', 'index.js');
const WORKSPACE = corpusPath('secrets');

/** Every file the action wrote under a folder, concatenated. */
function readTree(folder: string): string {
  let text = '';
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    text += entry.isDirectory() ? readTree(full) : readFileSync(full, 'utf8');
  }
  return text;
}

/** Undoes the escaping of workflow command data (`%25`, `%0D`, `%0A`) that @actions/core applies. */
function unescapeCommandData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

describe('secrets action on the corpus tree', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'secrets-action-'));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  test('no found secret appears in anything the action wrote', async () => {
    const runnerTemp = path.join(scratch, 'runner-temp');
    mkdirSync(runnerTemp, { recursive: true });
    const outputFile = path.join(scratch, 'output');
    const summaryFile = path.join(scratch, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: WORKSPACE,
      RUNNER_TEMP: runnerTemp,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_DEBUG: '1',
      INPUT_PATH: '.',
      INPUT_MODE: 'files',
      INPUT_CONFIG: '.github/devsecops.yml',
      'INPUT_FAIL-ON': 'none'
    };
    const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [SECRETS_BUNDLE], { env, cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ status: code, stdout: out, stderr: err }));
    });
    expect(stderr).toBe('');
    expect(status).toBe(0);

    // core.setSecret writes each value once in a `::add-mask::` workflow command. The runner
    // consumes that line and never shows it, and it is the only way to register a mask, so
    // exactly those lines are excluded from the search below and give the masked set.
    const stdoutLines = stdout.split('\n');
    const masked = new Set(stdoutLines.filter((line) => line.startsWith('::add-mask::')).map((line) => unescapeCommandData(line.slice('::add-mask::'.length))));
    const visibleStdout = stdoutLines.filter((line) => !line.startsWith('::add-mask::')).join('\n');

    // The same scan in process gives the secret values found, independently of the masks.
    const found: string[] = [];
    const direct = await scanSecrets({ workspace: WORKSPACE, target: WORKSPACE, config: defaultConfig(), logger: new RecordingLogger(), settings: {}, mask: (value) => found.push(value) });
    expect(found.length).toBeGreaterThan(100);
    expect([...masked].sort()).toEqual([...new Set(found)].sort());

    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    // The action deduplicates findings of several rules on one place; the in-process scan does not.
    expect(direct.findings).toHaveLength(548);
    expect(Number(outputs['findings']) + Number(outputs['suppressed'])).toBe(547);
    const produced = [visibleStdout, stderr, readFileSync(outputFile, 'utf8'), readFileSync(summaryFile, 'utf8'), readTree(runnerTemp)].join('\n');
    expect(produced).toContain('"partialFingerprints"');

    const leaked = found.filter((secret) => produced.includes(secret));
    expect(leaked).toEqual([]);
  });
});
