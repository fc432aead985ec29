import { ALL_POLICIES } from './catalog.js';
import { policyControls, type Platform, type PolicyDefinition } from './policy.js';

const SECTIONS: Array<{ platform: Platform; title: string }> = [
  { platform: 'terraform', title: 'Terraform' },
  { platform: 'kubernetes', title: 'Kubernetes' },
  { platform: 'dockerfile', title: 'Dockerfile' },
  { platform: 'github-actions', title: 'GitHub Actions workflows and actions' }
];

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(policy: PolicyDefinition): string {
  const controls = policyControls(policy).map((control) => `\`${control}\``).join('<br>');
  return `| \`${policy.id}\` | ${policy.severity} | ${cell(policy.title)}: ${cell(policy.description)} | ${cell(policy.remediation)} | ${policy.cwes.join(', ')} | ${controls} |`;
}

/** Renders docs/iac-policies.md from the policy definitions. */
export function renderPolicyDoc(policies: readonly PolicyDefinition[] = ALL_POLICIES): string {
  const lines = [
    '# Built-in IaC policies',
    '',
    '<!-- Generated from packages/iac/src by scripts/rule-docs.mjs; edit the policy definitions instead. -->',
    '',
    `The iac action and \`devsecops scan --only iac\` run these ${policies.length} policies by default (engine \`builtin\`).`,
    'Each finding is reported at the attribute or block at fault, or at the block where a required setting is missing.',
    'Controls are NIST CSF 2.0 subcategories, SOC 2 Trust Services Criteria and CIS Controls v8 safeguards.',
    '',
    'Suppress a finding with `devsecops-ignore <policy-id>: <reason>` on its line or the line above, or with the',
    'comments of other tools: `checkov:skip=<id>:<reason>`, `tfsec:ignore:<id>`, `trivy:ignore:<id>`,',
    '`kics-scan ignore-line` and `kics-scan ignore-block`, where `<id>` is the policy id or an equivalent check id of that tool.',
    ''
  ];
  for (const section of SECTIONS) {
    const selected = policies.filter((policy) => policy.platform === section.platform);
    if (selected.length === 0) {
      continue;
    }
    lines.push(`## ${section.title}`, '', '| id | severity | what it checks | how to fix it | CWE | controls |', '| --- | --- | --- | --- | --- | --- |');
    lines.push(...selected.map(row), '');
  }
  return lines.join('\n');
}
