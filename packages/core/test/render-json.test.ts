import { renderJson } from '@devsecops/core';

import { makeFinding, makeReport } from './render-report-factory.js';

describe('renderJson', () => {
  const report = makeReport(
    [
      [
        makeFinding({
          fingerprint: 'fp-1',
          severity: 'critical',
          rule: { id: 'js/sql-injection', name: 'SQL injection', helpUri: 'https://example.com/sqli' },
          location: { path: 'src/db.ts', startLine: 10, endLine: 12, startColumn: 5, endColumn: 9 },
          tools: ['codeql', 'semgrep'],
          cwes: ['CWE-89'],
          controls: ['SOC2:CC6.1']
        }),
        'new'
      ],
      [
        makeFinding({
          fingerprint: 'fp-2',
          category: 'container',
          severity: 'low',
          rule: { id: 'CVE-2024-0001' },
          message: 'Outdated </b>',
          location: undefined,
          tools: ['trivy'],
          vulnerabilityIds: ['CVE-2024-0001'],
          package: { name: 'openssl', version: '3.0.1', fixedVersion: '3.0.2' }
        }),
        'existing'
      ],
      [
        makeFinding({
          fingerprint: 'fp-3',
          severity: 'medium',
          category: 'dast',
          location: undefined,
          url: 'https://app.test/login',
          suppression: { kind: 'config', justification: 'Test host', source: '.github/devsecops.yml:3' }
        }),
        'suppressed'
      ]
    ],
    {
      fixed: ['fp-old'],
      errors: [{ file: 'bad.sarif', message: 'Invalid JSON' }],
      expiredSuppressions: [{ rule: 'js/eval', reason: 'Old', expires: '2024-01-31', source: '.github/devsecops.yml:22' }],
      warnings: ['w1']
    }
  );

  it('renders every key in a fixed order', () => {
    const parsed = JSON.parse(renderJson(report)) as Record<string, unknown>;

    expect(Object.keys(parsed)).toEqual(['findings', 'errors', 'counts', 'policy', 'fixed', 'expiredSuppressions', 'warnings']);
    expect(parsed['errors']).toEqual([{ file: 'bad.sarif', message: 'Invalid JSON' }]);
    expect(parsed['counts']).toEqual({ critical: 1, high: 0, medium: 0, low: 1, info: 0, total: 2, new: 1, existing: 1, suppressed: 1, fixed: 1, errors: 1 });
    expect(Object.keys(parsed['counts'] as object)).toEqual(['critical', 'high', 'medium', 'low', 'info', 'total', 'new', 'existing', 'suppressed', 'fixed', 'errors']);
    expect(parsed['policy']).toEqual({ failOn: 'high', failed: true, reason: '1 new findings at or above high' });
    expect(parsed['fixed']).toEqual(['fp-old']);
    expect(parsed['expiredSuppressions']).toEqual([{ rule: 'js/eval', path: null, reason: 'Old', expires: '2024-01-31', source: '.github/devsecops.yml:22' }]);
    expect(parsed['warnings']).toEqual(['w1']);
  });

  it('renders each finding with null for absent values', () => {
    const findings = (JSON.parse(renderJson(report)) as { findings: unknown[] }).findings;

    expect(findings).toEqual([
      {
        ruleId: 'js/sql-injection',
        ruleName: 'SQL injection',
        severity: 'critical',
        state: 'new',
        category: 'sast',
        path: 'src/db.ts',
        line: 10,
        endLine: 12,
        column: 5,
        endColumn: 9,
        message: 'User input reaches a SQL query',
        tools: ['codeql', 'semgrep'],
        fingerprint: 'fp-1',
        cwes: ['CWE-89'],
        vulnerabilityIds: [],
        package: null,
        url: null,
        suppression: null,
        helpUri: 'https://example.com/sqli',
        controls: ['SOC2:CC6.1']
      },
      {
        ruleId: 'CVE-2024-0001',
        ruleName: null,
        severity: 'low',
        state: 'existing',
        category: 'container',
        path: null,
        line: null,
        endLine: null,
        column: null,
        endColumn: null,
        message: 'Outdated </b>',
        tools: ['trivy'],
        fingerprint: 'fp-2',
        cwes: [],
        vulnerabilityIds: ['CVE-2024-0001'],
        package: { name: 'openssl', version: '3.0.1', ecosystem: null, fixedVersion: '3.0.2' },
        url: null,
        suppression: null,
        helpUri: null,
        controls: []
      },
      {
        ruleId: 'js/sql-injection',
        ruleName: null,
        severity: 'medium',
        state: 'suppressed',
        category: 'dast',
        path: null,
        line: null,
        endLine: null,
        column: null,
        endColumn: null,
        message: 'User input reaches a SQL query',
        tools: ['semgrep'],
        fingerprint: 'fp-3',
        cwes: [],
        vulnerabilityIds: [],
        package: null,
        url: 'https://app.test/login',
        suppression: { kind: 'config', justification: 'Test host', source: '.github/devsecops.yml:3' },
        helpUri: null,
        controls: []
      }
    ]);
  });

  it('orders finding keys and indents by two spaces', () => {
    const text = renderJson(report);
    const first = (JSON.parse(text) as { findings: object[] }).findings[0] as object;

    expect(Object.keys(first)).toEqual([
      'ruleId', 'ruleName', 'severity', 'state', 'category', 'path', 'line', 'endLine', 'column', 'endColumn', 'message',
      'tools', 'fingerprint', 'cwes', 'vulnerabilityIds', 'package', 'url', 'suppression', 'helpUri', 'controls'
    ]);
    expect(text.startsWith('{\n  "findings": [\n    {\n      "ruleId": "js/sql-injection",\n')).toBe(true);
    expect(text.endsWith('\n  "warnings": [\n    "w1"\n  ]\n}\n')).toBe(true);
  });

  it('falls back to the state lists when the map lacks a fingerprint', () => {
    const partial = { ...report, states: new Map() };
    const states = (JSON.parse(renderJson(partial)) as { findings: Array<{ state: string }> }).findings.map((finding) => finding.state);

    expect(states).toEqual(['new', 'existing', 'suppressed']);
  });
});
