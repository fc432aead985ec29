import type { BinaryToolSpec, PipToolSpec } from './types.js';

/** Pinned versions and published sha256 digests of the external tools the scanners run. */
export const TOOLS: {
  gitleaks: BinaryToolSpec;
  trufflehog: BinaryToolSpec;
  trivy: BinaryToolSpec;
  grype: BinaryToolSpec;
  tfsec: BinaryToolSpec;
  kics: BinaryToolSpec;
  nuclei: BinaryToolSpec;
  checkov: PipToolSpec;
  semgrep: PipToolSpec;
  bandit: PipToolSpec;
} = {
  // TODO: filled in with the real digests in the next commit.
  gitleaks: { name: 'gitleaks', version: '', assets: [] },
  trufflehog: { name: 'trufflehog', version: '', assets: [] },
  trivy: { name: 'trivy', version: '', assets: [] },
  grype: { name: 'grype', version: '', assets: [] },
  tfsec: { name: 'tfsec', version: '', assets: [] },
  kics: { name: 'kics', version: '', assets: [] },
  nuclei: { name: 'nuclei', version: '', assets: [] },
  checkov: { name: 'checkov', version: '', requirements: '', executable: 'checkov' },
  semgrep: { name: 'semgrep', version: '', requirements: '', executable: 'semgrep' },
  bandit: { name: 'bandit', version: '', requirements: '', executable: 'bandit' }
};
