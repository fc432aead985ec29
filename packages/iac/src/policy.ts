import type { Finding, Severity } from '@devsecops/core';

export type Platform = 'terraform' | 'kubernetes' | 'dockerfile' | 'github-actions';

export const PLATFORMS: readonly Platform[] = ['terraform', 'kubernetes', 'dockerfile', 'github-actions'];

/** Name of the built-in engine, as it appears in `tools` and in SARIF. */
export const BUILTIN_TOOL = 'devsecops-iac';

/**
 * The control sets a policy maps to. Each theme lists one control per framework: NIST CSF 2.0
 * subcategories, SOC 2 (2017 Trust Services Criteria) and CIS Controls v8 safeguards.
 */
export const CONTROL_THEMES = {
  'encryption-at-rest': ['NIST-CSF-2.0:PR.DS-01', 'SOC2:CC6.1', 'CIS-v8:3.11'],
  'encryption-in-transit': ['NIST-CSF-2.0:PR.DS-02', 'SOC2:CC6.7', 'CIS-v8:3.10'],
  'key-management': ['NIST-CSF-2.0:PR.DS-01', 'SOC2:CC6.1', 'CIS-v8:3.11'],
  'public-exposure': ['NIST-CSF-2.0:PR.AA-05', 'SOC2:CC6.1', 'CIS-v8:3.3'],
  'network-exposure': ['NIST-CSF-2.0:PR.IR-01', 'SOC2:CC6.6', 'CIS-v8:4.4'],
  'least-privilege': ['NIST-CSF-2.0:PR.AA-05', 'SOC2:CC6.3', 'CIS-v8:6.8'],
  logging: ['NIST-CSF-2.0:PR.PS-04', 'SOC2:CC7.2', 'CIS-v8:8.2'],
  backup: ['NIST-CSF-2.0:PR.DS-11', 'SOC2:A1.2', 'CIS-v8:11.2'],
  'secure-configuration': ['NIST-CSF-2.0:PR.PS-01', 'SOC2:CC7.1', 'CIS-v8:4.1'],
  'workload-isolation': ['NIST-CSF-2.0:PR.PS-01', 'SOC2:CC6.8', 'CIS-v8:4.1'],
  resilience: ['NIST-CSF-2.0:PR.IR-04', 'SOC2:A1.1', 'CIS-v8:4.1'],
  'software-integrity': ['NIST-CSF-2.0:ID.RA-09', 'SOC2:CC8.1', 'CIS-v8:2.5'],
  credentials: ['NIST-CSF-2.0:PR.AA-01', 'SOC2:CC6.1', 'CIS-v8:3.11'],
  'secure-development': ['NIST-CSF-2.0:PR.PS-06', 'SOC2:CC8.1', 'CIS-v8:16.1']
} as const satisfies Record<string, readonly string[]>;

export type ControlTheme = keyof typeof CONTROL_THEMES;

/** One place a policy flags, before it becomes a finding. */
export interface Violation {
  /** Repository-relative path. */
  path: string;
  line: number;
  column: number;
  endLine?: number;
  message: string;
}

export interface PolicyDefinition {
  /** Stable id: `DSO-<platform>-<provider>-<number>`, such as `DSO-TF-AWS-001`. */
  id: string;
  platform: Platform;
  /** Cloud provider for Terraform policies. */
  provider?: 'aws' | 'azure' | 'gcp';
  title: string;
  severity: Severity;
  cwes: string[];
  /** Summary of the check, one or two sentences. */
  description: string;
  remediation: string;
  themes: ControlTheme[];
}

/** Returns the policy's control ids in the `framework:id` form findings carry. */
export function policyControls(policy: PolicyDefinition): string[] {
  return [...new Set(policy.themes.flatMap((theme) => CONTROL_THEMES[theme]))];
}

/** Turns a violation of a built-in policy into a finding. */
export function toFinding(policy: PolicyDefinition, violation: Violation): Finding {
  return {
    tools: [BUILTIN_TOOL],
    engine: policy.platform,
    category: 'iac',
    rule: { id: policy.id, name: policy.title, description: policy.description },
    severity: policy.severity,
    message: violation.message,
    location: { path: violation.path, startLine: violation.line, startColumn: violation.column, endLine: violation.endLine ?? violation.line },
    cwes: [...policy.cwes],
    vulnerabilityIds: [],
    fingerprint: '',
    controls: policyControls(policy),
    properties: { remediation: policy.remediation }
  };
}
