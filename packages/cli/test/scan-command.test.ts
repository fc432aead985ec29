import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';

import type { Finding, Scanner, ScannerOptions } from '@devsecops/core';

import { main } from '../src/main.js';
import { SCANNERS } from '../src/scanners.js';

const calls: ScannerOptions[] = [];

/** A scanner that reports one finding per `.bad` file it is pointed at. */
const fakeScanner: Scanner = {
  category: 'other',
  engines: ['fake'],
  async scan(options) {
    calls.push(options);
    const finding = (file: string, line: number): Finding => ({
      tools: ['fake'],
      category: 'other',
      rule: { id: 'fake/bad-file' },
      severity: 'high',
      message: `bad content in ${file}`,
      location: { path: file, startLine: line },
      cwes: [],
      vulnerabilityIds: [],
      fingerprint: '',
      controls: []
    });
    options.onProgress?.({ files: 2, bytes: 2048 });
    return { findings: [finding('src/a.bad', 1), finding('src/b.bad', 2)], errors: [], warnings: [], stats: { files: 2 }, engines: ['fake'] };
  }
};

async function runCli(argv: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const status = await main(argv, { stdout, stderr, cwd, env: {} });
  return { status, stdout: out, stderr: err };
}

describe('devsecops scan', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'devsecops-scan-'));
  mkdirSync(path.join(workspace, 'src'));
  writeFileSync(path.join(workspace, 'src', 'a.bad'), 'bad\n');
  writeFileSync(path.join(workspace, 'src', 'b.bad'), 'fine\nbad\n');

  beforeAll(() => {
    SCANNERS.fake = async () => fakeScanner;
  });
  afterAll(() => {
    delete SCANNERS.fake;
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('prints the JSON report of the scanner', async () => {
    const run = await runCli(['scan', '--only', 'fake', '--format', 'json', '--mode', 'history', '--setting', 'depth=5', 'src'], workspace);

    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((finding: { path: string; line: number; ruleId: string }) => [finding.path, finding.line, finding.ruleId])).toEqual([
      ['src/a.bad', 1, 'fake/bad-file'],
      ['src/b.bad', 2, 'fake/bad-file']
    ]);
    expect(report.counts.high).toBe(2);
    expect(calls).toHaveLength(1);
    expect(calls[0].target).toBe(path.join(workspace, 'src'));
    expect(calls[0].workspace).toBe(workspace);
    expect(calls[0].settings).toEqual({ mode: 'history', base: undefined, head: undefined, frameworks: undefined, depth: '5' });
    expect(calls[0].onProgress).toBeUndefined();
  });

  it('takes a PATH outside the current directory as the workspace', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'devsecops-cwd-'));

    const run = await runCli(['scan', '--only', 'fake', '--format', 'json', workspace], elsewhere);

    expect(run.status).toBe(1);
    expect(calls[0].workspace).toBe(workspace);
    expect(calls[0].target).toBe(workspace);
  });

  it('passes the policy with --fail-on critical', async () => {
    const run = await runCli(['scan', '--only', 'fake', '--fail-on', 'critical', '--no-color'], workspace);

    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Findings: 2 new (2 high), 0 existing, 0 suppressed');
  });

  it('draws a progress line with --progress', async () => {
    const run = await runCli(['scan', '--only', 'fake', '--progress', '--format', 'json'], workspace);

    expect(run.stderr).toBe('\r\u001b[2Kfake: 2 files, 0.0 MB\r\u001b[2K');
  });

  it.each([
    [['scan', '--only', 'nope'], 'devsecops: --only "nope" is not one of iac, sast, secrets, fake\n'],
    [['scan', '--only', 'fake', '--workspace', 'src', '..'], `devsecops: PATH ".." is outside the workspace ${path.join(workspace, 'src')}; pass a --workspace that contains it\n`],
    [['scan', '--only', 'fake', 'a', 'b'], 'devsecops: scan takes one PATH, got 2: a b\n'],
    [['scan', '--only', 'fake', '--setting', 'novalue'], 'devsecops: --setting "novalue" is not NAME=VALUE\n']
  ])('rejects %j', async (argv, message) => {
    const run = await runCli(argv, workspace);

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(message);
  });
});
