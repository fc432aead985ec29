import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyRuleSettings,
  ConfigurationError,
  loadConfig,
  parseConfig,
  type Finding,
  type Severity,
  type SuiteConfig
} from '@devsecops/core';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'config');
const FILE = '.github/devsecops.yml';

function parseError(text: string): string {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('parseConfig accepted the config');
}

async function loadError(options: { workspace: string; file?: string }): Promise<string> {
  try {
    await loadConfig(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the config');
}

function finding(ruleId: string, severity: Severity): Finding {
  return {
    tools: ['semgrep'],
    category: 'sast',
    rule: { id: ruleId },
    severity,
    message: `${ruleId} matched`,
    location: { path: 'src/app.js', startLine: 3 },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: `fp-${ruleId}`,
    controls: []
  };
}

describe('parseConfig accepts', () => {
  const cases: Array<[string, string, SuiteConfig]> = [
    ['empty text', '', { rules: {}, suppressions: [], sections: {}, file: FILE }],
    ['only comments', '# nothing yet\n', { rules: {}, suppressions: [], sections: {}, file: FILE }],
    ['fail-on none', 'fail-on: none\n', { failOn: 'none', rules: {}, suppressions: [], sections: {}, file: FILE }],
    [
      'filter-mode and version',
      'version: 1\nfilter-mode: file\n',
      { filterMode: 'file', rules: {}, suppressions: [], sections: {}, file: FILE }
    ],
    [
      'a quoted expiry and a trimmed reason',
      'suppressions:\n  - rule: "*"\n    reason: "  vendored code  "\n    expires: "2026-12-31"\n',
      {
        rules: {},
        suppressions: [{ rule: '*', reason: 'vendored code', expires: '2026-12-31', line: 2 }],
        sections: {},
        file: FILE
      }
    ],
    [
      'a leap day expiry',
      'suppressions:\n  - rule: a\n    reason: b\n    expires: 2028-02-29\n',
      { rules: {}, suppressions: [{ rule: 'a', reason: 'b', expires: '2028-02-29', line: 2 }], sections: {}, file: FILE }
    ],
    [
      'rule ids with slashes and colons',
      'rules:\n  js/sql-injection: { severity: low }\n  "javascript:S1234": { enabled: false }\n',
      {
        rules: { 'js/sql-injection': { severity: 'low' }, 'javascript:S1234': { enabled: false } },
        suppressions: [],
        sections: {},
        file: FILE
      }
    ],
    [
      'free-form category sections',
      'dast:\n  engines: [zap]\niac: {}\n',
      { rules: {}, suppressions: [], sections: { dast: { engines: ['zap'] }, iac: {} }, file: FILE }
    ]
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseConfig(text, FILE)).toEqual(expected);
  });
});

describe('parseConfig rejects', () => {
  const allowedTopLevel = 'version, fail-on, filter-mode, rules, suppressions, sast, dast, container, iac, secrets, compliance';
  const cases: Array<[string, string, string]> = [
    [
      'an unknown fail-on value',
      'fail-on: hihg\n',
      `${FILE}:1:10: fail-on: "hihg" is not one of critical, high, medium, low, info, none`
    ],
    ['a misspelt top-level key', 'fail_on: high\n', `${FILE}:1:1: fail_on: unknown key, expected one of ${allowedTopLevel}`],
    ['an unsupported version', 'version: 2\n', `${FILE}:1:10: version: expected 1, got 2`],
    [
      'an unknown filter-mode',
      'filter-mode: lines\n',
      `${FILE}:1:14: filter-mode: "lines" is not one of added, diff_context, file, nofilter`
    ],
    [
      'a suppression without reason',
      'fail-on: high\nsuppressions:\n  - rule: js/xss\n    path: src/**\n',
      `${FILE}:3:5: suppressions[0]: missing required key "reason"`
    ],
    [
      'a blank reason',
      'suppressions:\n  - rule: js/xss\n    reason: "   "\n',
      `${FILE}:3:13: suppressions[0].reason: must not be empty or blank`
    ],
    [
      'an empty rule',
      'suppressions:\n  - rule: ""\n    reason: r\n',
      `${FILE}:2:11: suppressions[0].rule: must not be empty`
    ],
    [
      'a day that does not exist',
      'suppressions:\n  - rule: a\n    reason: b\n    expires: 2027-02-30\n',
      `${FILE}:4:14: suppressions[0].expires: "2027-02-30" is not a valid date, expected YYYY-MM-DD`
    ],
    [
      'a date in another format',
      'suppressions:\n  - rule: a\n    reason: b\n    expires: 31/01/2027\n',
      `${FILE}:4:14: suppressions[0].expires: "31/01/2027" is not a valid date, expected YYYY-MM-DD`
    ],
    [
      'an unknown key in a suppression',
      'suppressions:\n  - rule: a\n    reason: b\n    paths: src/**\n',
      `${FILE}:4:5: suppressions[0].paths: unknown key, expected one of rule, path, reason, expires`
    ],
    [
      'an unknown rule severity',
      'rules:\n  js/sql-injection:\n    severity: severe\n',
      `${FILE}:3:15: rules["js/sql-injection"].severity: "severe" is not one of critical, high, medium, low, info`
    ],
    [
      'enabled given as a string',
      'rules:\n  generic-api-key:\n    enabled: "no"\n',
      `${FILE}:3:14: rules.generic-api-key.enabled: expected true or false, got the string "no"`
    ],
    [
      'suppressions given as a mapping',
      'suppressions:\n  rule: a\n',
      `${FILE}:2:3: suppressions: expected a sequence, got a mapping`
    ],
    ['a section that is not a mapping', 'sast: true\n', `${FILE}:1:7: sast: expected a mapping, got the boolean true`],
    ['a top-level sequence', '- fail-on: high\n', `${FILE}:1:1: expected a mapping, got a sequence`],
    [
      'a duplicate key',
      'fail-on: high\nfilter-mode: added\nfail-on: low\n',
      `${FILE}:3:1: fail-on: duplicate key, first defined on line 1`
    ],
    [
      'a duplicate rule id',
      'rules:\n  a: { enabled: false }\n  a: { severity: low }\n',
      `${FILE}:3:3: rules.a: duplicate key, first defined on line 2`
    ],
    [
      'a YAML syntax error',
      'fail-on: high\nfilter-mode: added: file\n',
      `${FILE}:2:14: Nested mappings are not allowed in compact mappings`
    ],
    ['an unclosed quote', 'fail-on: "high\n', `${FILE}:2:1: Missing closing "quote`],
    ['a custom tag', 'fail-on: !custom high\n', `${FILE}:1:10: Unresolved tag: !custom`],
    [
      'two YAML documents',
      'fail-on: high\n---\nfail-on: low\n',
      `${FILE}:2:1: a second YAML document starts here, but the config file must hold only one`
    ],
    [
      'several problems, in file order',
      [
        'suppressions:',
        '  - rule: a',
        '  - reason: b',
        'fail-on: hihg',
        'rules:',
        '  x:',
        '    severity: severe',
        '    enable: false'
      ].join('\n'),
      [
        `${FILE}:2:5: suppressions[0]: missing required key "reason"`,
        `${FILE}:3:5: suppressions[1]: missing required key "rule"`,
        `${FILE}:4:10: fail-on: "hihg" is not one of critical, high, medium, low, info, none`,
        `${FILE}:7:15: rules.x.severity: "severe" is not one of critical, high, medium, low, info`,
        `${FILE}:8:5: rules.x.enable: unknown key, expected one of severity, enabled`
      ].join('\n')
    ]
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseError(text)).toBe(expected);
  });
});

describe('loadConfig', () => {
  let temporary: string;

  beforeAll(async () => {
    temporary = await mkdtemp(path.join(os.tmpdir(), 'devsecops-config-'));
  });

  afterAll(async () => {
    await rm(temporary, { recursive: true, force: true });
  });

  it('reads the default file', async () => {
    const config = await loadConfig({ workspace: path.join(FIXTURES, 'full') });

    expect(config).toEqual({
      failOn: 'high',
      filterMode: 'diff_context',
      rules: { 'js/sql-injection': { severity: 'critical' }, 'generic-api-key': { enabled: false } },
      suppressions: [
        { rule: 'semgrep.javascript.*', path: 'test/**', reason: 'Fixtures are not shipped', expires: '2027-01-31', line: 11 },
        { rule: 'js/xss', reason: 'Output is escaped by the template engine', line: 15 }
      ],
      sections: { sast: { engines: ['semgrep'] }, compliance: { frameworks: ['nist-csf-2.0'] } },
      file: '.github/devsecops.yml'
    });
  });

  it('uses defaults when the default file is missing', async () => {
    const config = await loadConfig({ workspace: path.join(FIXTURES, 'custom') });

    expect(config).toEqual({ rules: {}, suppressions: [], sections: {} });
  });

  it('reads a file named explicitly', async () => {
    const config = await loadConfig({ workspace: path.join(FIXTURES, 'custom'), file: 'security.yml' });

    expect(config).toEqual({
      failOn: 'none',
      filterMode: 'nofilter',
      rules: {},
      suppressions: [],
      sections: {},
      file: 'security.yml'
    });
  });

  it('treats a blank file name as the default', async () => {
    const config = await loadConfig({ workspace: path.join(FIXTURES, 'full'), file: '  ' });

    expect(config.file).toBe('.github/devsecops.yml');
    expect(config.failOn).toBe('high');
  });

  it('rejects a missing file named explicitly', async () => {
    const workspace = path.join(FIXTURES, 'custom');

    expect(await loadError({ workspace, file: '.github/devsecops.yml' })).toBe(
      `Config file ".github/devsecops.yml" not found in the workspace ${workspace}.`
    );
  });

  it('reports every problem with the file name', async () => {
    expect(await loadError({ workspace: path.join(FIXTURES, 'invalid') })).toBe(
      [
        '.github/devsecops.yml:2:10: fail-on: "hihg" is not one of critical, high, medium, low, info, none',
        '.github/devsecops.yml:4:5: suppressions[0]: missing required key "reason"'
      ].join('\n')
    );
  });

  it('rejects a path outside the workspace', async () => {
    const workspace = path.join(FIXTURES, 'custom');

    expect(await loadError({ workspace, file: '../full/.github/devsecops.yml' })).toBe(
      `Config file "../full/.github/devsecops.yml" is outside the workspace ${workspace}. Give a path inside the repository.`
    );
  });

  it('rejects a link that points outside the workspace', async () => {
    const workspace = path.join(temporary, 'linked');
    await mkdir(path.join(workspace, '.github'), { recursive: true });
    await writeFile(path.join(temporary, 'outside.yml'), 'fail-on: low\n');
    await symlink(path.join(temporary, 'outside.yml'), path.join(workspace, '.github', 'devsecops.yml'));

    expect(await loadError({ workspace })).toBe(
      'Config file ".github/devsecops.yml" is a link to a path outside the workspace. Give a regular file inside the repository.'
    );
  });

  it('rejects a directory', async () => {
    const workspace = path.join(temporary, 'directory');
    await mkdir(path.join(workspace, '.github', 'devsecops.yml'), { recursive: true });

    expect(await loadError({ workspace })).toBe('Config file ".github/devsecops.yml" is not a regular file.');
  });
});

describe('applyRuleSettings', () => {
  const config = parseConfig(
    [
      'rules:',
      '  js/sql-injection:',
      '    severity: critical',
      '  generic-api-key:',
      '    enabled: false',
      '  js/xss:',
      '    enabled: true',
      '    severity: low'
    ].join('\n'),
    FILE
  );

  it('overrides severities and drops disabled rules', () => {
    const findings = [
      finding('js/sql-injection', 'high'),
      finding('generic-api-key', 'critical'),
      finding('js/xss', 'medium'),
      finding('js/path-injection', 'medium')
    ];

    const result = applyRuleSettings(findings, config);

    expect(result.map((item) => [item.rule.id, item.severity])).toEqual([
      ['js/sql-injection', 'critical'],
      ['js/xss', 'low'],
      ['js/path-injection', 'medium']
    ]);
  });

  it('leaves the input findings unchanged', () => {
    const findings = [finding('js/sql-injection', 'high')];

    applyRuleSettings(findings, config);

    expect(findings[0]?.severity).toBe('high');
  });

  it('ignores inherited object keys as rule ids', () => {
    const result = applyRuleSettings([finding('constructor', 'low'), finding('__proto__', 'info')], config);

    expect(result.map((item) => [item.rule.id, item.severity])).toEqual([
      ['constructor', 'low'],
      ['__proto__', 'info']
    ]);
  });
});
