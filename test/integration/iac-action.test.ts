import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { corpusPath, REPO_ROOT } from '../corpus.js';
import { parseOutputFile, runCli, runNode } from './run-action.js';

const IAC_BUNDLE = path.join(REPO_ROOT, 'dist', 'iac', 'index.js');

describe('iac on terragoat', () => {
  const workspace = corpusPath('real', 'terragoat');
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'iac-action-'));
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  test('action bundle writes SARIF and outputs', async () => {
    const runnerTemp = path.join(scratch, 'runner-temp');
    mkdirSync(runnerTemp, { recursive: true });
    const outputFile = path.join(scratch, 'output');
    writeFileSync(outputFile, '');
    writeFileSync(path.join(scratch, 'summary'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
      INPUT_PATH: '.',
      INPUT_FRAMEWORKS: 'terraform',
      INPUT_CONFIG: '.github/devsecops.yml',
      'INPUT_FAIL-ON': 'critical'
    };
    const run = await runNode([IAC_BUNDLE], env, workspace);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    // With frameworks: terraform the Dockerfile's two findings are left out of the 60.
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    expect(outputs.findings).toBe('58');
    expect([outputs.critical, outputs.high, outputs.medium, outputs.low, outputs.info, outputs.suppressed]).toEqual(['0', '20', '21', '17', '0', '0']);
    const sarifFile = path.join(runnerTemp, 'devsecops', 'iac.sarif');
    expect(outputs['sarif-file']).toBe(sarifFile);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    expect(sarif.runs.map((sarifRun) => sarifRun.tool.driver.name)).toEqual(['devsecops-iac']);
    expect(sarif.runs[0]!.results).toHaveLength(58);
    const rds = sarif.runs[0]!.results.find((result) => result.ruleId === 'DSO-TF-AWS-034')!;
    expect(rds.locations[0]!.physicalLocation.artifactLocation.uri).toBe('terraform/aws/db-app.tf');
    expect(rds.locations[0]!.physicalLocation.region.startLine).toBe(22);
  });

  test('devsecops scan --only iac JSON', async () => {
    const run = await runCli(['scan', '--only', 'iac', '--format', 'json', '--fail-on', 'high', '--no-progress', '.'], workspace);
    // Exit status 1: findings at or above --fail-on.
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; path: string; line: number; tools: string[] }>; counts: Record<string, number> };
    expect(report.counts.total).toBe(60);
    expect([report.counts.critical, report.counts.high, report.counts.medium, report.counts.low, report.counts.info]).toEqual([0, 20, 22, 17, 1]);
    const dockerfile = report.findings.filter((finding) => finding.path === 'terraform/aws/resources/Dockerfile').map((finding) => `${finding.ruleId}:${finding.line}`).sort();
    expect(dockerfile).toEqual(['DSO-DF-001:1', 'DSO-DF-002:1']);
  });
});
