import * as core from '@actions/core';
import { isAtLeast, severityRank } from '@devsecops/core';

describe('severity order', () => {
  it.each([
    ['critical', 'high', true],
    ['high', 'high', true],
    ['medium', 'high', false],
    ['info', 'low', false]
  ] as const)('%s at least %s is %s', (severity, threshold, expected) => {
    expect(isAtLeast(severity, threshold)).toBe(expected);
  });

  it('ranks critical first', () => {
    expect(severityRank('critical')).toBe(0);
    expect(typeof core.getInput).toBe('function');
  });
});
