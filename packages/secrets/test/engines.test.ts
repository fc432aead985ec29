import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defaultConfig, RecordingLogger } from '@devsecops/core';
import { scanSecrets, type ExternalEngine } from '@devsecops/secrets';

import { corpusPath } from '../../../test/corpus.js';

const STANDIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'standin-tool.mjs');

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'secrets-engines-'));
  mkdirSync(path.join(scratch, 'repo'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes a wrapper that runs the stand-in with `report`, and returns its path and the argument log. */
function standIn(report: string): { executable: string; log: string } {
  const log = path.join(scratch, 'args.jsonl');
  const executable = path.join(scratch, 'tool.sh');
  writeFileSync(executable, `#!/bin/sh\nexec "${process.execPath}" "${STANDIN}" "${report}" "${log}" "$@"\n`);
  chmodSync(executable, 0o755);
  return { executable, log };
}

async function runEngine(engine: ExternalEngine, report: string, settings: Record<string, string> = {}) {
  const tool = standIn(report);
  const masked: string[] = [];
  const resolved: string[] = [];
  const workspace = path.join(scratch, 'repo');
  const result = await scanSecrets(
    { workspace, target: workspace, config: defaultConfig(), logger: new RecordingLogger(), settings, engines: [engine], mask: (value) => masked.push(value) },
    {
      resolveTool: async (name) => {
        resolved.push(name);
        return tool.executable;
      }
    }
  );
  const argv = readFileSync(tool.log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
  return { result, argv, masked, resolved, workspace };
}

describe('external engines', () => {
  test('gitleaks files mode', async () => {
    const { result, argv, masked, resolved, workspace } = await runEngine('gitleaks', corpusPath('reports', 'gitleaks', 'securecodebox__test-report.json'));
    expect(resolved).toEqual(['gitleaks']);
    expect(argv).toHaveLength(1);
    const reportPath = argv[0]![5]!;
    expect(reportPath).toMatch(/devsecops-gitleaks-[^/]+\/report\.json$/);
    expect(argv[0]).toEqual(['dir', workspace, '--report-format', 'json', '--report-path', reportPath, '--exit-code', '0', '--no-banner', '--log-level', 'warn']);
    expect(result.engines).toEqual(['gitleaks']);
    expect(result.findings.map((finding) => `${finding.tools[0]} ${finding.rule.id} ${finding.location?.path}:${finding.location?.startLine}`)).toEqual([
      'gitleaks generic-api-key hooks/persistence-azure-monitor/hook/hook.test.js:51',
      'gitleaks PKCS8-PK demo-targets/unsafe-https/container/site.key:1',
      'gitleaks slack-access-token hooks/notification/README.md:164',
      'gitleaks generic-api-key scanners/zap-extended/scanner/scbzapv2/__main__.py:37'
    ]);
    expect(masked).toHaveLength(4);
  });

  test('gitleaks history mode passes the range', async () => {
    const { argv, workspace } = await runEngine('gitleaks', corpusPath('reports', 'gitleaks', 'no_findings.json'), { mode: 'history', base: 'abc123', head: 'def456' });
    expect(argv[0]!.slice(0, 3)).toEqual(['git', workspace, '--log-opts=abc123..def456']);
  });

  test('trufflehog reads JSON lines from stdout', async () => {
    const { result, argv, workspace } = await runEngine('trufflehog', corpusPath('reports', 'trufflehog', 'v2_many_vulns.json'));
    expect(argv).toEqual([['filesystem', workspace, '--json', '--no-update', '--no-verification']]);
    expect(result.findings).toHaveLength(66);
    expect(result.errors).toEqual([]);
  });

  test('failing tool is an engine error', async () => {
    const workspace = path.join(scratch, 'repo');
    const result = await scanSecrets(
      { workspace, target: workspace, config: defaultConfig(), logger: new RecordingLogger(), settings: {}, engines: ['gitleaks'] },
      { resolveTool: async () => '/bin/false' }
    );
    expect(result.errors).toEqual([{ file: 'gitleaks', message: 'gitleaks failed with exit code 1: ' }]);
  });
});
