import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { GITHUB_LIMITS, renderCheckSummary, renderCheckTitle, renderComment, renderJobSummary } from '@devsecops/core';
import type { Finding, FindingState, Report } from '@devsecops/core';

import { makeFinding, makeReport } from './render-report-factory.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'render');
const MARKER = '<!-- devsecops-report:ci -->';

/** Compare with a golden file, or rewrite it when UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: string): void {
  const path = join(FIXTURES, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Build a small report with one finding of every kind the renderers treat differently. */
function smallReport(): Report {
  const entries: Array<[Finding, FindingState]> = [
    [
      makeFinding({
        fingerprint: 'f-critical',
        severity: 'critical',
        rule: { id: 'js/sql-injection', name: 'SQL injection', helpUri: 'https://example.com/rules/sql-injection' },
        message: 'Query built from user input',
        tools: ['codeql', 'semgrep'],
        location: { path: 'src/db/query.ts', startLine: 42 },
        properties: {
          codeFlows: [
            {
              threadFlows: [
                {
                  locations: [
                    { location: { physicalLocation: { artifactLocation: { uri: 'src/routes/user.ts' }, region: { startLine: 8 } } } },
                    { location: { physicalLocation: { artifactLocation: { uri: 'src/db/query.ts' }, region: { startLine: 42 } } } }
                  ]
                }
              ]
            }
          ]
        }
      }),
      'new'
    ],
    [
      makeFinding({
        fingerprint: 'f-hostile',
        severity: 'high',
        rule: { id: 'custom|rule', helpUri: 'javascript:alert(1)' },
        message: 'Bad </details> @someone <img src=x onerror=alert(1)> ](javascript:alert(1)) | #12\nsecond line',
        location: { path: 'src/a b.ts', startLine: 3 }
      }),
      'new'
    ],
    [
      makeFinding({
        fingerprint: 'f-dast',
        category: 'dast',
        severity: 'medium',
        tools: ['zap'],
        rule: { id: '10038', name: 'Content Security Policy header not set' },
        message: 'Content-Security-Policy header missing',
        location: undefined,
        url: 'https://staging.example.com/login'
      }),
      'new'
    ],
    [makeFinding({ fingerprint: 'f-existing', severity: 'low', rule: { id: 'ts/unused-var' }, message: 'Unused variable', location: { path: 'src/util.ts' } }), 'existing'],
    [
      makeFinding({
        fingerprint: 'f-package',
        category: 'container',
        severity: 'info',
        tools: ['trivy'],
        rule: { id: 'CVE-2024-0001' },
        message: 'Outdated package',
        location: undefined,
        package: { name: 'openssl', version: '3.0.1' },
        vulnerabilityIds: ['CVE-2024-0001']
      }),
      'existing'
    ],
    [
      makeFinding({
        fingerprint: 'f-suppressed',
        severity: 'medium',
        rule: { id: 'js/weak-hash' },
        message: 'MD5 used',
        location: { path: 'src/hash.ts', startLine: 5 },
        suppression: { kind: 'config', justification: 'Checksum only, not security', source: '.github/devsecops.yml:14' }
      }),
      'suppressed'
    ]
  ];

  return makeReport(entries, {
    fixed: ['f-old-1', 'f-old-2'],
    errors: [{ file: 'reports/broken.sarif', message: 'Unexpected token < in JSON at position 0' }],
    expiredSuppressions: [
      { rule: 'js/eval', path: 'src/legacy/**', reason: 'Legacy code, rewrite planned', expires: '2024-01-31', source: '.github/devsecops.yml:22' }
    ],
    warnings: ['Result path ../outside.ts is outside the workspace and was skipped']
  });
}

describe('markdown golden files', () => {
  it('renders the comment', () => {
    expectGolden('comment.md', renderComment(smallReport(), { limit: GITHUB_LIMITS.comment, reportFile: 'devsecops-report.json', marker: MARKER }));
  });

  it('renders the check summary', () => {
    expectGolden('check-summary.md', renderCheckSummary(smallReport(), { limit: GITHUB_LIMITS.checkSummary, reportFile: 'devsecops-report.json' }));
  });

  it('renders the job summary', () => {
    expectGolden('job-summary.md', renderJobSummary(smallReport(), { limit: GITHUB_LIMITS.jobSummaryBytes, reportFile: 'devsecops-report.json' }));
  });
});

/** `count` new high findings whose messages are 400 characters long, so the tables must be cut. */
function largeReport(count: number, state: FindingState = 'new'): Report {
  const entries: Array<[Finding, FindingState]> = [];
  for (let index = 0; index < count; index++) {
    const finding = makeFinding({
      fingerprint: `f-${index}`,
      message: `Finding ${index} `.padEnd(400, 'x'),
      location: { path: `src/module-${index}.ts`, startLine: index + 1 }
    });
    entries.push([finding, state]);
  }
  return makeReport(entries);
}

function countTableRows(markdown: string): number {
  return markdown.split('\n').filter((line) => line.startsWith('| 🟠 high |')).length;
}

describe('markdown size limits', () => {
  it('cuts the comment to 65,536 characters', () => {
    const comment = renderComment(largeReport(5_000), { limit: GITHUB_LIMITS.comment, reportFile: 'devsecops-report.json', marker: MARKER });

    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(countTableRows(comment)).toBe(115);
    expect(comment).toContain('\n\n… and 4885 more new findings not shown; the full report is in `devsecops-report.json`.\n');
    expect(comment.endsWith('Full report: `devsecops-report.json`.</sub>\n')).toBe(true);
  });

  it('fills the comment up to the last row that fits', () => {
    const comment = renderComment(largeReport(5_000), { limit: GITHUB_LIMITS.comment, reportFile: 'devsecops-report.json', marker: MARKER });
    const rows = comment.split('\n').filter((line) => line.startsWith('| 🟠 high |'));
    const notShown = Number(/… and (\d+) more new findings/.exec(comment)?.[1]);

    expect(rows.length + notShown).toBe(5_000);
    // The next row is at least as long as the last one shown, and one more would cross the limit.
    expect(comment.length + (rows.at(-1)?.length ?? 0) + 1).toBeGreaterThan(65_536);
  });

  it('cuts the check summary to 65,535 bytes', () => {
    const summary = renderCheckSummary(largeReport(5_000), { limit: GITHUB_LIMITS.checkSummary, reportFile: 'devsecops-report.json' });

    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(65_535);
    expect(countTableRows(summary)).toBe(114);
    expect(summary).toContain('\n\n… and 4886 more new findings not shown; the full report is in `devsecops-report.json`.\n');
  });

  it('cuts the job summary to 1 MiB in bytes', () => {
    const summary = renderJobSummary(largeReport(100_000), { limit: GITHUB_LIMITS.jobSummaryBytes, reportFile: 'devsecops-report.json' });

    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(1_048_576);
    expect(countTableRows(summary)).toBe(1_833);
    expect(summary).toContain('\n\n… and 98167 more new findings not shown; the full report is in `devsecops-report.json`.\n');
  });

  it('measures the job summary in bytes, not characters', () => {
    const report = largeReport(10);
    for (const finding of report.newFindings) {
      finding.message = 'é'.repeat(300);
    }
    const limit = 3_000;
    const summary = renderJobSummary(report, { limit });

    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(limit);
    expect(countTableRows(summary)).toBe(3);
    expect(summary).toContain('… and 7 more new findings not shown.\n');
  });

  it('counts astral characters as two units in the comment', () => {
    const report = largeReport(10);
    for (const finding of report.newFindings) {
      finding.message = '😀'.repeat(300);
    }
    const comment = renderComment(report, { limit: 3_000 });

    expect(comment.length).toBeLessThanOrEqual(3_000);
    expect(countTableRows(comment)).toBe(3);
    expect(comment).toContain('… and 7 more new findings not shown.\n');
  });

  it('caps rows with maxFindings', () => {
    const comment = renderComment(largeReport(5), { limit: GITHUB_LIMITS.comment, maxFindings: 2 });

    expect(countTableRows(comment)).toBe(2);
    expect(comment).toContain('\n\n… and 3 more new findings not shown.\n');
  });

  it('cuts existing findings inside their details block', () => {
    const comment = renderComment(largeReport(1_000, 'existing'), { limit: 20_000, reportFile: 'r.json' });

    expect(comment.length).toBeLessThanOrEqual(20_000);
    expect(countTableRows(comment)).toBe(34);
    expect(comment).toContain('<details>\n<summary>1000 existing findings</summary>\n');
    expect(comment).toContain('\n\n… and 966 more existing findings not shown; the full report is in `r.json`.\n\n</details>\n');
  });

  it('keeps errors when findings fill the limit', () => {
    const report = { ...largeReport(5_000), errors: [{ file: 'bad.sarif', message: 'Invalid JSON' }] };

    for (const markdown of [
      renderComment(report, { limit: GITHUB_LIMITS.comment }),
      renderCheckSummary(report, { limit: GITHUB_LIMITS.checkSummary }),
      renderJobSummary(report, { limit: GITHUB_LIMITS.jobSummaryBytes })
    ]) {
      expect(markdown).toContain('### ⚠️ Could not read\n\n| File | Reason |\n| --- | --- |\n| bad.sarif | Invalid JSON |\n');
    }
  });

  it('lists at most 50 errors', () => {
    const errors = Array.from({ length: 60 }, (_, index) => ({ file: `r${index}.sarif`, message: 'Invalid JSON' }));
    const comment = renderComment(makeReport([], { errors }), { limit: GITHUB_LIMITS.comment });

    expect(comment.split('\n').filter((line) => line.endsWith('| Invalid JSON |'))).toHaveLength(50);
    expect(comment).toContain('\n\n… and 10 more reports could not be read.\n');
  });

  it('heads a pass with failed inputs as incomplete', () => {
    const errors = [{ file: 'gitleaks.json', message: 'invalid JSON at line 4, column 15' }];

    expect(renderComment(makeReport([], { errors }), { limit: GITHUB_LIMITS.comment }).split('\n')[0]).toBe('## ⚠️ DevSecOps report: incomplete, 1 input failed');
    expect(renderComment(makeReport([]), { limit: GITHUB_LIMITS.comment }).split('\n')[0]).toBe('## ✅ DevSecOps report: passed');
  });

  it('rejects a limit below heading and footer', () => {
    expect(() => renderComment(makeReport([]), { limit: 50 })).toThrow('Markdown limit 50 is too small for the report heading and footer');
  });
});

describe('comment heading', () => {
  it('puts the marker on the first line', () => {
    const comment = renderComment(makeReport([]), { limit: GITHUB_LIMITS.comment, marker: MARKER });

    expect(comment.split('\n')[0]).toBe(MARKER);
  });

  it('leaves the marker out of the check summary', () => {
    const summary = renderCheckSummary(makeReport([]), { limit: GITHUB_LIMITS.checkSummary, marker: MARKER });

    expect(summary).not.toContain(MARKER);
  });

  it.each(['devsecops-report', '<!-- a -- b -->', '<!-- a\n-->', '<!---->x'])('rejects marker %j', (marker) => {
    expect(() => renderComment(makeReport([]), { limit: GITHUB_LIMITS.comment, marker })).toThrow(
      `Comment marker ${JSON.stringify(marker)} is not a single-line HTML comment`
    );
  });

  it('renders a passing report', () => {
    const report = makeReport([[makeFinding({ fingerprint: 'a', severity: 'low' }), 'new']]);
    const comment = renderComment(report, { limit: GITHUB_LIMITS.comment, title: 'Security <scan>' });

    expect(comment.split('\n').slice(0, 5)).toEqual([
      '## ✅ Security &lt;scan&gt;: passed',
      '',
      '**1 new** (1 low) · 0 existing · 0 suppressed',
      '',
      '**Policy:** No new findings at or above high'
    ]);
  });

  it('says when there are no new findings', () => {
    const comment = renderComment(makeReport([]), { limit: GITHUB_LIMITS.comment });

    expect(comment).toBe(
      '## ✅ DevSecOps report: passed\n\n**0 new** · 0 existing · 0 suppressed\n\n**Policy:** No new findings at or above high\n\n' +
        '### New findings\n\nNo new findings.\n\n<sub>Generated by devsecops-actions from 2 SARIF files at 0123456.</sub>\n'
    );
  });
});

describe('renderCheckTitle', () => {
  it.each([
    ['no findings', makeReport([]), 'No new findings, 0 existing, 0 suppressed'],
    [
      'new and existing',
      makeReport([
        [makeFinding({ fingerprint: 'a', severity: 'critical' }), 'new'],
        [makeFinding({ fingerprint: 'b', severity: 'high' }), 'new'],
        [makeFinding({ fingerprint: 'c', severity: 'high' }), 'new'],
        [makeFinding({ fingerprint: 'd', severity: 'low' }), 'existing'],
        [makeFinding({ fingerprint: 'e', severity: 'low' }), 'suppressed']
      ]),
      '3 new (1 critical, 2 high), 1 existing, 1 suppressed'
    ],
    [
      'fixed and errors',
      makeReport([], { fixed: ['x'], errors: [{ file: 'a', message: 'b' }, { file: 'c', message: 'd' }] }),
      'No new findings, 0 existing, 0 suppressed, 1 fixed, 2 reports not read'
    ]
  ])('%s', (_name, report, expected) => {
    expect(renderCheckTitle(report)).toBe(expected);
  });
});

describe('hostile finding text', () => {
  it('stays inside its table row', () => {
    const report = makeReport([
      [
        makeFinding({
          fingerprint: 'h',
          rule: { id: 'r|1', helpUri: 'https://example.com/r (1)' },
          message: '</details><!-- devsecops-report:ci --> @someone ::set-output name=a::b\n| x |',
          location: { path: 'src/<b>.ts', startLine: 1 },
          tools: ['a|b']
        }),
        'new'
      ]
    ]);
    const comment = renderComment(report, { limit: GITHUB_LIMITS.comment, marker: MARKER });
    const rows = comment.split('\n').filter((line) => line.startsWith('| 🟠 high |'));

    expect(rows).toEqual([
      '| 🟠 high | [r\\|1](https://example.com/r%20%281%29) | &lt;/details&gt;&lt;!-- devsecops-report:ci --&gt; @\u200bsomeone ::set-output name=a::b \\| x \\| | ' +
        '[src/&lt;b&gt;.ts:1](https://github.com/octo/app/blob/0123456789abcdef0123456789abcdef01234567/src/%3Cb%3E.ts#L1) | a\\|b |'
    ]);
    expect(comment.split(MARKER)).toHaveLength(2);
    expect(comment.match(/<\/details>/g)).toBeNull();
  });
});

describe('data flow shapes', () => {
  const expected = 'Source: [src/routes/user.ts:8](https://github.com/octo/app/blob/0123456789abcdef0123456789abcdef01234567/src/routes/user.ts#L8)';

  it.each([
    ['reader summary', { dataFlow: { stepCount: 3, source: { path: 'src/routes/user.ts', startLine: 8 }, sink: { path: 'src/db/query.ts', startLine: 42 } } }],
    ['resolved steps', { codeFlows: [[{ path: 'src/routes/user.ts', startLine: 8 }, { path: 'src/util.ts', startLine: 2 }, { path: 'src/db/query.ts', startLine: 42 }]] }]
  ])('renders source and sink from the %s', (_shape, properties) => {
    const finding = makeFinding({ fingerprint: 'f-flow', severity: 'high', location: { path: 'src/db/query.ts', startLine: 42 }, properties });
    const comment = renderComment(makeReport([[finding, 'new']], { context: smallReport().context }), { limit: GITHUB_LIMITS.comment });

    expect(comment).toContain(expected);
    expect(comment).toContain('→ sink: [src/db/query.ts:42]');
  });

  it('renders no flow for a single step', () => {
    const finding = makeFinding({ fingerprint: 'f-flow', severity: 'high', properties: { codeFlows: [[{ path: 'src/a.ts', startLine: 1 }]] } });
    const comment = renderComment(makeReport([[finding, 'new']], { context: smallReport().context }), { limit: GITHUB_LIMITS.comment });

    expect(comment).not.toContain('Source:');
  });
});
