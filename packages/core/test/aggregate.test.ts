import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { aggregate, defaultConfig, silentLogger } from '@devsecops/core';

function writeSarif(dir: string, name: string, results: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ZAP' } }, results }] }));
  return file;
}

describe('aggregate', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'devsecops-aggregate-'));

  it('keeps a suppressed finding from hiding one with the same fingerprint', async () => {
    const file = writeSarif(dir, 'url.sarif', [
      { ruleId: 'sqli', level: 'error', message: { text: 'SQL injection' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'https://shop.test/item?id=1' } } }] },
      {
        ruleId: 'sqli',
        level: 'note',
        message: { text: 'SQL injection' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'https://shop.test/item?id=2' } } }],
        suppressions: [{ kind: 'external', justification: 'test endpoint' }]
      }
    ]);

    const report = await aggregate({ files: [file], workspace: dir, config: defaultConfig(), failOn: 'high', context: { serverUrl: 'https://github.com' }, logger: silentLogger });

    expect(report.findings).toHaveLength(2);
    expect(new Set(report.findings.map((finding) => finding.fingerprint)).size).toBe(2);
    expect(report.newFindings.map((finding) => finding.url)).toEqual(['https://shop.test/item?id=1']);
    expect(report.suppressedFindings.map((finding) => finding.url)).toEqual(['https://shop.test/item?id=2']);
    expect(report.policy.failed).toBe(true);
  });

  it('keeps findings apart that carry one partial fingerprint', async () => {
    const shared = { 'devsecops/v1': 'f'.repeat(32) };
    const file = writeSarif(dir, 'pf.sarif', [
      { ruleId: 'a', level: 'error', message: { text: 'critical one' }, partialFingerprints: shared, properties: { 'security-severity': '9.8' } },
      { ruleId: 'b', level: 'note', message: { text: 'suppressed one' }, partialFingerprints: shared, suppressions: [{ kind: 'inSource' }] }
    ]);

    const report = await aggregate({ files: [file], workspace: dir, config: defaultConfig(), failOn: 'high', context: { serverUrl: 'https://github.com' }, logger: silentLogger });

    expect(report.findings.map((finding) => [finding.rule.id, finding.fingerprint])).toEqual([
      ['a', 'f'.repeat(32)],
      ['b', `${'f'.repeat(32)}#2`]
    ]);
    expect(report.newCounts.critical).toBe(1);
    expect(report.policy.failed).toBe(true);
  });
});
