import { ConfigurationError, evaluatePolicy, parseFailOn, type Finding, type Severity } from '@devsecops/core';

function finding(severity: Severity, suppressed = false): Finding {
  return {
    tools: ['semgrep'],
    category: 'sast',
    rule: { id: `rule-${severity}` },
    severity,
    message: `${severity} problem`,
    location: { path: 'src/app.ts', startLine: 1 },
    cwes: [],
    vulnerabilityIds: [],
    fingerprint: `fp-${severity}-${suppressed}`,
    controls: [],
    ...(suppressed ? { suppression: { kind: 'config' as const, justification: 'accepted' } } : {})
  };
}

describe('evaluatePolicy', () => {
  const mixed = [finding('critical'), finding('high'), finding('high'), finding('medium'), finding('info')];

  const cases: Array<[string, Severity | 'none', Finding[], 'new' | 'all', boolean, string]> = [
    ['fails on high', 'high', mixed, 'new', true, '3 new findings at or above high (1 critical, 2 high)'],
    ['fails on critical', 'critical', mixed, 'new', true, '1 new finding at or above critical (1 critical)'],
    ['counts every level', 'info', mixed, 'all', true, '5 findings at or above info (1 critical, 2 high, 1 medium, 1 info)'],
    ['passes below threshold', 'high', [finding('medium'), finding('low')], 'new', false, 'No new findings at or above high'],
    ['passes with no findings', 'low', [], 'all', false, 'No findings at or above low'],
    ['ignores suppressed findings', 'high', [finding('critical', true), finding('low')], 'new', false, 'No new findings at or above high'],
    [
      'counts only unsuppressed',
      'medium',
      [finding('critical', true), finding('medium'), finding('high', true)],
      'new',
      true,
      '1 new finding at or above medium (1 medium)'
    ],
    ['never fails on none', 'none', mixed, 'new', false, 'Findings do not fail the run because fail-on is none']
  ];

  it.each(cases)('%s', (_name, failOn, findings, scope, failed, reason) => {
    const result = evaluatePolicy({ failOn, findings, scope });

    expect(result.failOn).toBe(failOn);
    expect(result.failed).toBe(failed);
    expect(result.reason).toBe(reason);
  });
});

describe('parseFailOn', () => {
  it.each([
    ['high', 'high'],
    ['critical', 'critical'],
    ['info', 'info'],
    ['none', 'none'],
    [' Medium ', 'medium'],
    ['LOW', 'low']
  ])('accepts %j', (value, expected) => {
    expect(parseFailOn(value, 'fail-on')).toBe(expected);
  });

  it.each([
    ['hihg', 'fail-on', 'Invalid fail-on value "hihg": expected one of critical, high, medium, low, info, none.'],
    ['', 'fail-on', 'Invalid fail-on value "": expected one of critical, high, medium, low, info, none.'],
    ['error', '--fail-on', 'Invalid --fail-on value "error": expected one of critical, high, medium, low, info, none.']
  ])('rejects %j', (value, inputName, message) => {
    let thrown: unknown;
    try {
      parseFailOn(value, inputName);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).toBe(message);
  });
});
