import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applySuppressions,
  parseConfig,
  parseInlineMarker,
  SourceCache,
  type Finding,
  type InlineMarker,
  type Suppression,
  type SuiteConfig
} from '@devsecops/core';

const WORKSPACE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'suppressions');
const NO_CONFIG: SuiteConfig = { rules: {}, suppressions: [], sections: {} };

function finding(ruleId: string, filePath?: string, startLine?: number, suppression?: Suppression): Finding {
  const result: Finding = {
    tools: ['semgrep'],
    category: 'sast',
    rule: { id: ruleId },
    severity: 'high',
    message: `${ruleId} matched`,
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: `fp-${ruleId}-${filePath ?? 'none'}-${startLine ?? 0}`,
    controls: []
  };
  if (filePath !== undefined) {
    result.location = startLine === undefined ? { path: filePath } : { path: filePath, startLine };
  }
  if (suppression !== undefined) {
    result.suppression = suppression;
  }
  return result;
}

function inline(justification: string, source: string): Suppression {
  return { kind: 'inline', justification, source };
}

describe('parseInlineMarker', () => {
  const cases: Array<[string, string, InlineMarker | undefined]> = [
    ['line comment', 'x = 1 // devsecops-ignore js/xss: escaped', { ruleIds: ['js/xss'], reason: 'escaped' }],
    ['several ids', '# devsecops-ignore a, b ,c: shared reason', { ruleIds: ['a', 'b', 'c'], reason: 'shared reason' }],
    ['HTML comment', '<!-- devsecops-ignore a: r -->', { ruleIds: ['a'], reason: 'r' }],
    ['block comment without reason', '/* devsecops-ignore a */', { ruleIds: ['a'] }],
    ['empty reason', '// devsecops-ignore a:   ', { ruleIds: ['a'] }],
    ['colon inside rule id', '-- devsecops-ignore javascript:S1234: r: more', { ruleIds: ['javascript:S1234'], reason: 'r: more' }],
    ['no rule id', '// devsecops-ignore: r', { ruleIds: [], reason: 'r' }],
    ['longer word', '// devsecops-ignored a: r', undefined],
    ['no marker', 'const a = 1;', undefined],
    ['marker past the inspected length', `${'x'.repeat(4000)}// devsecops-ignore a: r`, undefined],
    ['marker cut at the inspected length', `${'x'.repeat(3981)}// devsecops-ignore a: r`, { ruleIds: [] }]
  ];

  it.each(cases)('%s', (_name, line, expected) => {
    expect(parseInlineMarker(line)).toEqual(expected);
  });
});

describe('inline suppressions', () => {
  const cases: Array<[string, string, string, number, Suppression | undefined]> = [
    ['on the flagged line', 'js/sql-injection', 'src/app.js', 2, inline('id is validated as an integer upstream', 'src/app.js:2')],
    ['on the line above', 'js/xss', 'src/app.js', 4, inline('the template engine escapes this value', 'src/app.js:3')],
    ['two lines above', 'js/path-injection', 'src/app.js', 7, undefined],
    ['without a reason', 'js/code-injection', 'src/app.js', 8, undefined],
    ['first of several ids', 'js/sql-injection', 'src/app.js', 10, inline('this helper only runs in the build script', 'src/app.js:9')],
    ['second of several ids', 'js/xss', 'src/app.js', 10, inline('this helper only runs in the build script', 'src/app.js:9')],
    ['for another rule', 'js/command-line-injection', 'src/app.js', 12, undefined],
    ['rule id with a colon', 'javascript:S1234', 'src/app.js', 13, inline('kept for old clients', 'src/app.js:13')],
    ['without a rule id', 'js/request-forgery', 'src/app.js', 15, undefined],
    ['on the first line', 'js/xss', 'src/app.js', 1, undefined],
    ['hash comment', 'generic-password', 'scripts/setup.py', 2, inline('credential for the throwaway CI database', 'scripts/setup.py:2')],
    ['SQL comment', 'sql/grant-all', 'db/schema.sql', 2, inline('the role exists only in CI', 'db/schema.sql:2')],
    ['HTML comment', 'html/missing-sri', 'templates/page.html', 2, inline('the script is served from our own origin', 'templates/page.html:1')],
    ['INI comment', 'ini/plain-secret', 'config/app.ini', 2, inline('placeholder replaced at deploy time', 'config/app.ini:1')],
    ['in a missing file', 'js/xss', 'src/missing.js', 3, undefined]
  ];

  it.each(cases)('%s', (_name, ruleId, filePath, line, expected) => {
    const outcome = applySuppressions([finding(ruleId, filePath, line)], {
      config: NO_CONFIG,
      source: new SourceCache(WORKSPACE)
    });

    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]?.suppression).toEqual(expected);
    expect(outcome.suppressedCount).toBe(expected === undefined ? 0 : 1);
  });

  it('reads no file outside the workspace', async () => {
    const temporary = await mkdtemp(path.join(os.tmpdir(), 'devsecops-suppressions-'));
    try {
      await mkdir(path.join(temporary, 'workspace'));
      await writeFile(path.join(temporary, 'outside.js'), '// devsecops-ignore js/xss: read from outside\nrender(x);\n');

      const outcome = applySuppressions([finding('js/xss', '../outside.js', 2)], {
        config: NO_CONFIG,
        source: new SourceCache(path.join(temporary, 'workspace'))
      });

      expect(outcome.findings[0]?.suppression).toBeUndefined();
      expect(outcome.suppressedCount).toBe(0);
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  });

  it('warns once per incomplete comment', () => {
    const findings = [
      finding('js/code-injection', 'src/app.js', 8),
      finding('js/eval', 'src/app.js', 8),
      finding('js/request-forgery', 'src/app.js', 15)
    ];

    const outcome = applySuppressions(findings, { config: NO_CONFIG, source: new SourceCache(WORKSPACE) });

    expect(outcome.suppressedCount).toBe(0);
    expect(outcome.warnings).toEqual([
      'src/app.js:8: the devsecops-ignore comment has no reason, so it suppresses nothing. Write it as "devsecops-ignore <rule-id>: <reason>".',
      'src/app.js:14: the devsecops-ignore comment names no rule id, so it suppresses nothing. Write it as "devsecops-ignore <rule-id>: <reason>".'
    ]);
  });

  it('leaves findings without a line alone', () => {
    const findings = [finding('js/xss', 'src/app.js'), finding('dast/xss')];

    const outcome = applySuppressions(findings, { config: NO_CONFIG, source: new SourceCache(WORKSPACE) });

    expect(outcome.findings).toEqual(findings);
    expect(outcome.suppressedCount).toBe(0);
    expect(outcome.warnings).toEqual([]);
  });
});

describe('config suppressions', () => {
  const FILE = '.github/devsecops.yml';
  const config = parseConfig(
    [
      'suppressions:',
      '  - rule: "semgrep.javascript.*"',
      '    path: "test/**"',
      '    reason: Fixtures are not shipped',
      '  - rule: js/*',
      '    path: vendor/**',
      '    reason: Vendored code is reviewed upstream',
      '    expires: 2026-06-30',
      '  - rule: generic-api-key',
      '    reason: Rotated keys kept for the history scanner',
      '    expires: 2026-01-31',
      '  - rule: "*"',
      '    path: docs/**',
      '    reason: Documentation examples'
    ].join('\n'),
    FILE
  );
  const lastValidDay = new Date('2026-06-30T23:59:59Z');
  const dayAfter = new Date('2026-07-01T00:00:00Z');

  function suppress(findings: Finding[], now: Date, configFile?: string) {
    return applySuppressions(findings, { config, source: new SourceCache(WORKSPACE), now, configFile });
  }

  const cases: Array<[string, string, string | undefined, Suppression | undefined]> = [
    [
      'rule glob and path glob',
      'semgrep.javascript.lang.security.audit.xss',
      'test/fixtures/page.js',
      { kind: 'config', justification: 'Fixtures are not shipped', source: `${FILE}:2` }
    ],
    ['path glob miss', 'semgrep.javascript.lang.security.audit.xss', 'src/page.js', undefined],
    ['rule glob miss', 'semgrep.python.lang.security.audit.eval', 'test/conftest.py', undefined],
    [
      'entry on its expiry day',
      'js/sql-injection',
      'vendor/lib/db.js',
      { kind: 'config', justification: 'Vendored code is reviewed upstream', source: `${FILE}:5` }
    ],
    ['expired entry', 'generic-api-key', 'config/keys.env', undefined],
    [
      'star across a slash',
      'js/xss',
      'docs/examples/page.js',
      { kind: 'config', justification: 'Documentation examples', source: `${FILE}:12` }
    ],
    ['path glob without a location', 'dast/xss', undefined, undefined]
  ];

  it.each(cases)('%s', (_name, ruleId, filePath, expected) => {
    const outcome = suppress([finding(ruleId, filePath, filePath === undefined ? undefined : 1)], lastValidDay);

    expect(outcome.findings[0]?.suppression).toEqual(expected);
  });

  it('reports each expired entry once', () => {
    const findings = [finding('generic-api-key', 'a.env', 1), finding('generic-api-key', 'b.env', 1)];

    const outcome = suppress(findings, lastValidDay);

    expect(outcome.expired).toEqual([
      {
        rule: 'generic-api-key',
        reason: 'Rotated keys kept for the history scanner',
        expires: '2026-01-31',
        source: `${FILE}:9`
      }
    ]);
    expect(outcome.suppressedCount).toBe(0);
  });

  it('stops applying the day after expiry', () => {
    const outcome = suppress([finding('js/sql-injection', 'vendor/lib/db.js', 1)], dayAfter);

    expect(outcome.findings[0]?.suppression).toBeUndefined();
    expect(outcome.expired.map((entry) => [entry.rule, entry.path, entry.source])).toEqual([
      ['js/*', 'vendor/**', `${FILE}:5`],
      ['generic-api-key', undefined, `${FILE}:9`]
    ]);
  });

  it('reports expired entries that match nothing', () => {
    const outcome = suppress([], dayAfter);

    expect(outcome.findings).toEqual([]);
    expect(outcome.expired).toHaveLength(2);
  });

  it('names the config file given', () => {
    const outcome = suppress([finding('js/xss', 'docs/a.md', 1)], lastValidDay, 'ci/security.yml');

    expect(outcome.findings[0]?.suppression?.source).toBe('ci/security.yml:12');
    expect(outcome.expired[0]?.source).toBe('ci/security.yml:9');
  });

  it('keeps SARIF suppressions as they are', () => {
    const fromSarif: Suppression = { kind: 'sarif', justification: 'Reviewed in the tool', source: 'results.sarif' };
    const findings = [finding('js/xss', 'docs/a.md', 1, fromSarif), finding('js/xss', 'src/app.js', 4, fromSarif)];

    const outcome = suppress(findings, lastValidDay);

    expect(outcome.findings[0]?.suppression).toBe(fromSarif);
    expect(outcome.findings[1]?.suppression).toBe(fromSarif);
    expect(outcome.suppressedCount).toBe(2);
  });

  it('prefers an inline comment to a config entry', () => {
    const inlineConfig = parseConfig('suppressions:\n  - rule: js/xss\n    reason: Escaped everywhere\n', FILE);

    const outcome = applySuppressions([finding('js/xss', 'src/app.js', 4)], {
      config: inlineConfig,
      source: new SourceCache(WORKSPACE)
    });

    expect(outcome.findings[0]?.suppression).toEqual(inline('the template engine escapes this value', 'src/app.js:3'));
  });

  it('keeps order and leaves inputs unchanged', () => {
    const findings = [
      finding('semgrep.javascript.x', 'test/a.js', 1),
      finding('js/xss', 'src/page.js', 1),
      finding('js/xss', 'docs/b.js', 1)
    ];

    const outcome = suppress(findings, lastValidDay);

    expect(outcome.findings.map((item) => [item.location?.path, item.suppression?.source])).toEqual([
      ['test/a.js', `${FILE}:2`],
      ['src/page.js', undefined],
      ['docs/b.js', `${FILE}:12`]
    ]);
    expect(outcome.suppressedCount).toBe(2);
    expect(findings.map((item) => item.suppression)).toEqual([undefined, undefined, undefined]);
  });
});
