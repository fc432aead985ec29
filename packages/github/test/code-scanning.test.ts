import { createHash } from 'node:crypto';

import { ConfigurationError, RecordingLogger, type SarifLog, type SarifResult, type SarifRun } from '@devsecops/core';

import { GitHubEmulator } from '../../../test/emulator/server.js';
import { createClient } from '../src/client.js';
import { resultSeverity, uploadSarif, type UploadSarifOptions } from '../src/code-scanning.js';

const SHA = 'a'.repeat(40);

function results(count: number, make: (index: number) => SarifResult): SarifResult[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

function run(name: string, runResults: SarifResult[], category?: string): SarifRun {
  return {
    tool: { driver: { name, rules: [{ id: 'scored', properties: { 'security-severity': '9.1' } }, { id: 'plain' }] } },
    results: runResults,
    ...(category ? { automationDetails: { id: category } } : {})
  };
}

type StoredRun = { results: SarifResult[]; automationDetails: { id: string } };

describe('resultSeverity', () => {
  const sample = run('t', []);
  test.each<[string, SarifResult, string]>([
    ['own severity', { properties: { severity: 'low', 'security-severity': '9.5' }, level: 'error' }, 'low'],
    ['result score', { properties: { 'security-severity': '7.0' } }, 'high'],
    ['rule score by index', { ruleIndex: 0, level: 'note' }, 'critical'],
    ['rule score by id', { ruleId: 'scored' }, 'critical'],
    ['score 4.0', { properties: { 'security-severity': '4.0' } }, 'medium'],
    ['score 0.5', { properties: { 'security-severity': '0.5' } }, 'low'],
    ['level error', { ruleId: 'plain', level: 'error' }, 'high'],
    ['level warning', { level: 'warning' }, 'medium'],
    ['level note', { level: 'note' }, 'low'],
    ['level none', { level: 'none' }, 'info'],
    ['no level', {}, 'medium']
  ])('%s', (_case, result, expected) => {
    expect(resultSeverity(result, sample)).toBe(expected);
  });
});

describe('uploadSarif', () => {
  let emulator: GitHubEmulator;
  let logger: RecordingLogger;

  beforeEach(async () => {
    emulator = await GitHubEmulator.start();
    logger = new RecordingLogger();
  });
  afterEach(async () => {
    await emulator.close();
  });

  function upload(sarif: SarifLog, overrides: Partial<UploadSarifOptions> = {}) {
    return uploadSarif({
      octokit: createClient({ token: 'test-token', baseUrl: emulator.url, logger, retryAfterBaseValue: 1, paceWrites: false }),
      owner: 'octo-org',
      repo: 'octo-repo',
      commitSha: SHA,
      ref: 'refs/pull/7/merge',
      sarif,
      logger,
      ...overrides
    });
  }

  test('30,000 results keep 25,000 most severe', async () => {
    // 5,000 critical, 10,000 high, 10,000 medium, 3,000 low, 2,000 info, interleaved.
    const severities = [
      ...Array<string>(5000).fill('critical'),
      ...Array<string>(10_000).fill('high'),
      ...Array<string>(10_000).fill('medium'),
      ...Array<string>(3000).fill('low'),
      ...Array<string>(2000).fill('info')
    ];
    const order = severities.map((severity, index) => ({ severity, key: (index * 7919) % severities.length }));
    order.sort((a, b) => a.key - b.key);
    const sarif: SarifLog = {
      version: '2.1.0',
      runs: [run('scanner', order.map(({ severity }, index) => ({ ruleId: 'plain', message: { text: `r${index}` }, properties: { severity } })))]
    };

    const result = await upload(sarif);

    expect(result.runs).toEqual([
      { id: result.ids[0], category: 'devsecops/scanner/', tool: 'scanner', results: 25_000, dropped: 5000 }
    ]);
    expect(emulator.sarifUploads).toHaveLength(1);
    const uploaded = (emulator.sarifUploads[0]!.sarif as { runs: StoredRun[] }).runs;
    expect(uploaded).toHaveLength(1);
    const counts: Record<string, number> = {};
    for (const kept of uploaded[0]!.results) {
      const severity = kept.properties!.severity as string;
      counts[severity] = (counts[severity] ?? 0) + 1;
    }
    expect(counts).toEqual({ critical: 5000, high: 10_000, medium: 10_000 });
    const messages = uploaded[0]!.results.map((kept) => Number(kept.message!.text!.slice(1)));
    expect(messages).toEqual([...messages].sort((a, b) => a - b));
    expect(logger.messages('warning')).toEqual([
      'Code scanning upload of scanner (devsecops/scanner/): dropped 5000 of 30000 results, lowest severities first ' +
        '(3000 low, 2000 info), to stay within 25000 results per run and 10000000 bytes gzipped; the SARIF file keeps all of them'
    ]);
    expect(sarif.runs![0]!.results).toHaveLength(30_000);
  });

  test('drops low severities to fit gzip size', async () => {
    // Hex digests compress poorly, so each result adds about 700 gzipped bytes.
    const noise = (index: number) =>
      Array.from({ length: 10 }, (_, part) => createHash('sha512').update(`${index}/${part}`).digest('hex')).join('');
    const sarif: SarifLog = {
      version: '2.1.0',
      runs: [
        run(
          'scanner',
          results(100, (index) => ({
            message: { text: noise(index) },
            level: index < 20 ? 'error' : 'note',
            properties: { n: index }
          })),
          'sast/'
        )
      ]
    };

    const result = await upload(sarif, { maxGzipBytes: 60_000 });

    const kept = (emulator.sarifUploads[0]!.sarif as { runs: StoredRun[] }).runs[0]!.results;
    expect(kept.length).toBe(result.runs[0]!.results);
    expect(kept.length).toBe(85);
    expect(kept.slice(0, 20).map((entry) => entry.properties!.n)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(result.runs[0]!.dropped).toBe(15);
    expect(logger.messages('warning')).toEqual([
      'Code scanning upload of scanner (sast/): dropped 15 of 100 results, lowest severities first (15 low), ' +
        'to stay within 25000 results per run and 60000 bytes gzipped; the SARIF file keeps all of them'
    ]);
  });

  test('one upload per run with distinct categories', async () => {
    const sarif: SarifLog = {
      version: '2.1.0',
      runs: [
        run('semgrep', [{ level: 'error', message: { text: 'a' } }], 'sast/'),
        run('semgrep', [{ level: 'error', message: { text: 'b' } }], 'sast/'),
        run('trivy', [{ level: 'warning', message: { text: 'c' } }])
      ]
    };

    const result = await upload(sarif);

    expect(result.ids).toHaveLength(3);
    expect(new Set(result.ids).size).toBe(3);
    expect(result.runs.map((uploaded) => uploaded.category)).toEqual(['sast/', 'sast-2/', 'devsecops/trivy/']);
    expect(emulator.sarifUploads.map((stored) => stored.category)).toEqual(['sast/', 'sast-2/', 'devsecops/trivy/']);
    expect(emulator.sarifUploads.map((stored) => stored.ref)).toEqual(['refs/pull/7/merge', 'refs/pull/7/merge', 'refs/pull/7/merge']);
    expect(emulator.sarifUploads.map((stored) => (stored.sarif as { runs: unknown[] }).runs.length)).toEqual([1, 1, 1]);
    expect(logger.messages('warning')).toEqual(['SARIF run of semgrep repeats category sast/; uploading it as sast-2/']);
  });

  test.each([
    ['short sha', { commitSha: 'abc123' }, 'Code scanning commit SHA "abc123" is invalid; expected 40 or 64 hexadecimal digits'],
    ['bare branch', { ref: 'main' }, 'Code scanning ref "main" is invalid; expected refs/heads/…, refs/tags/… or refs/pull/…']
  ])('rejects %s', async (_case, overrides, message) => {
    const attempt = upload({ version: '2.1.0', runs: [] }, overrides);

    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(upload({ version: '2.1.0', runs: [] }, overrides)).rejects.toThrow(message);
    expect(emulator.requests).toHaveLength(0);
  });
});
