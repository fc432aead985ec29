import { renderText } from '@devsecops/core';

import { makeFinding, makeReport } from './render-report-factory.js';

function sampleReport() {
  return makeReport(
    [
      [makeFinding({ fingerprint: 'a', severity: 'medium', rule: { id: 'js/xss' }, message: 'Reflected input', location: { path: 'src/view.ts', startLine: 7 } }), 'new'],
      [makeFinding({ fingerprint: 'b', severity: 'critical', tools: ['codeql', 'semgrep'] }), 'new'],
      [makeFinding({ fingerprint: 'c', severity: 'low', rule: { id: 'ts/unused' }, message: 'Unused', location: { path: 'src/u.ts' } }), 'existing'],
      [makeFinding({ fingerprint: 'd', severity: 'info', tools: ['zap'], rule: { id: '10038' }, message: 'No CSP', location: undefined, url: 'https://app.test/' }), 'existing'],
      [makeFinding({ fingerprint: 'e', severity: 'high' }), 'suppressed']
    ],
    {
      fixed: ['old'],
      errors: [{ file: 'bad.sarif', message: 'Invalid JSON' }],
      expiredSuppressions: [{ rule: 'js/eval', path: 'src/legacy/**', reason: 'Old', expires: '2024-01-31', source: '.github/devsecops.yml:22' }],
      warnings: ['Result path ../x.ts is outside the workspace']
    }
  );
}

describe('renderText', () => {
  it('renders without colour', () => {
    expect(renderText(sampleReport(), { color: false })).toBe(
      [
        'Findings: 2 new (1 critical, 1 medium), 2 existing, 1 suppressed, 1 fixed, 1 error',
        'Inputs: 2 files, 1 could not be read',
        '',
        'New findings (2):',
        'CRITICAL src/db.ts:10 js/sql-injection User input reaches a SQL query [codeql, semgrep]',
        'MEDIUM src/view.ts:7 js/xss Reflected input [semgrep]',
        '',
        'Existing findings (2):',
        'LOW src/u.ts ts/unused Unused [semgrep]',
        'INFO https://app.test/ 10038 No CSP [zap]',
        '',
        'warning: suppression of js/eval on src/legacy/** declared in .github/devsecops.yml:22 expired on 2024-01-31',
        'warning: Result path ../x.ts is outside the workspace',
        'error: bad.sarif: Invalid JSON',
        '',
        'Policy failed: 1 new findings at or above high',
        ''
      ].join('\n')
    );
  });

  it('colours severities and the result', () => {
    const report = makeReport([[makeFinding({ fingerprint: 'a', severity: 'low' }), 'new']], { errors: [{ file: 'f', message: 'm' }] });

    expect(renderText(report, { color: true })).toBe(
      [
        'Findings: 1 new (1 low), 0 existing, 0 suppressed, 1 error',
        'Inputs: 2 files, 1 could not be read',
        '',
        'New findings (1):',
        '\u001b[34mLOW\u001b[0m src/db.ts:10 js/sql-injection User input reaches a SQL query [semgrep]',
        '',
        '\u001b[31merror\u001b[0m: f: m',
        '',
        'Policy \u001b[31mpassed on incomplete results (1 input failed)\u001b[0m: No new findings at or above high',
        ''
      ].join('\n')
    );
  });

  it.each([true, false])('strips escape sequences with color %s', (color) => {
    const report = makeReport(
      [
        [
          makeFinding({
            fingerprint: 'a',
            severity: 'low',
            rule: { id: 'r\u001b[2J' },
            message: 'ok\r\u001b[1A\u001b[2KPolicy passed\n::set-output name=a::b\u0007',
            location: { path: 'src/\u001b]0;title\u0007a.ts', startLine: 1 },
            tools: ['t\u009b1m']
          }),
          'new'
        ]
      ],
      { errors: [{ file: 'x\u001b[31m.sarif', message: 'bad\nerror: forged' }] }
    );
    const lines = renderText(report, { color }).split('\n');
    const findingLine = lines[4]?.replace(/\u001b\[[0-9;]*m/g, '');

    expect(findingLine).toBe('LOW src/a.ts:1 r ok Policy passed ::set-output name=a::b [t]');
    expect(lines.filter((line) => line.includes('error')).map((line) => line.replace(/\u001b\[[0-9;]*m/g, ''))).toEqual([
      'Findings: 1 new (1 low), 0 existing, 0 suppressed, 1 error',
      'error: x.sarif: bad error: forged'
    ]);
    expect(lines).toHaveLength(10);
  });

  it('shows 20 warnings and counts the rest', () => {
    const warnings = Array.from({ length: 23 }, (_, index) => `warning number ${index + 1}`);
    const lines = renderText(makeReport([], { warnings }), { color: false }).split('\n');

    expect(lines.filter((line) => line.startsWith('warning: warning number'))).toHaveLength(20);
    expect(lines).toContain('warning: … and 3 more warnings; --format json lists them all');
  });
});
