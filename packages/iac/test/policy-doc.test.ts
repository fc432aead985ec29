import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../../../test/corpus.js';
import { ALL_POLICIES } from '../src/catalog.js';
import { PLATFORMS } from '../src/policy.js';
import { renderPolicyDoc } from '../src/policy-doc.js';

test('docs/iac-policies.md is up to date', () => {
  // Regenerate with: node scripts/rule-docs.mjs
  expect(readFileSync(path.join(REPO_ROOT, 'docs', 'iac-policies.md'), 'utf8')).toBe(renderPolicyDoc());
});

test('policy catalog is complete and consistent', () => {
  const ids = ALL_POLICIES.map((policy) => policy.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ALL_POLICIES).toHaveLength(88);
  expect(PLATFORMS.map((platform) => ALL_POLICIES.filter((policy) => policy.platform === platform).length)).toEqual([49, 20, 13, 6]);
  for (const policy of ALL_POLICIES) {
    expect(policy.id).toMatch(/^DSO-(TF-(AWS|AZ|GCP)|K8S|DF|GHA)-\d{3}$/);
    expect(policy.cwes.length).toBeGreaterThan(0);
    expect(policy.themes.length).toBeGreaterThan(0);
    expect(policy.remediation.length).toBeGreaterThan(10);
  }
});
