import { categoryForTool } from '../src/category.js';
import type { Category, Severity } from '../src/finding.js';
import { severityFromSarif, type SarifSeverityInput } from '../src/severity.js';

type Row = [description: string, input: Omit<SarifSeverityInput, 'toolName'> & { toolName?: string }, expected: Severity];

const rows: Row[] = [
  // SARIF level
  ['level error', { level: 'error' }, 'high'],
  ['level warning', { level: 'warning' }, 'medium'],
  ['level note', { level: 'note' }, 'low'],
  ['level none', { level: 'none' }, 'info'],
  ['no level, no rule default', {}, 'medium'],
  ['no level, rule default error', { ruleDefaultLevel: 'error' }, 'high'],
  ['no level, rule default note', { ruleDefaultLevel: 'note' }, 'low'],
  ['level wins over rule default', { level: 'note', ruleDefaultLevel: 'error' }, 'low'],
  ['unknown level falls back to rule default', { level: 'fatal', ruleDefaultLevel: 'note' }, 'low'],
  ['kind fail keeps the warning default', { kind: 'fail' }, 'medium'],
  ['kind informational defaults to none', { kind: 'informational', ruleDefaultLevel: 'error' }, 'info'],
  ['kind review defaults to none', { kind: 'review' }, 'info'],
  ['kind open defaults to none', { kind: 'open' }, 'info'],
  ['kind review with explicit level', { kind: 'review', level: 'error' }, 'high'],

  // security-severity bands
  ['security-severity 10.0', { securitySeverity: '10.0', level: 'note' }, 'critical'],
  ['security-severity 9.0', { securitySeverity: '9.0' }, 'critical'],
  ['security-severity 8.9', { securitySeverity: '8.9' }, 'high'],
  ['security-severity 7.0', { securitySeverity: 7 }, 'high'],
  ['security-severity 6.9', { securitySeverity: '6.9' }, 'medium'],
  ['security-severity 4.0', { securitySeverity: '4.0' }, 'medium'],
  ['security-severity 3.9', { securitySeverity: '3.9' }, 'low'],
  ['security-severity 0.1', { securitySeverity: '0.1' }, 'low'],
  ['security-severity 0', { securitySeverity: '0.0', level: 'error' }, 'info'],
  ['security-severity in result properties', { properties: { 'security-severity': '9.8' } }, 'critical'],
  ['security-severity in rule properties', { ruleProperties: { 'security-severity': '5.3' }, level: 'error' }, 'medium'],
  ['result security-severity before rule', { properties: { 'security-severity': '2.0' }, ruleProperties: { 'security-severity': '9.5' } }, 'low'],
  ['non-numeric security-severity ignored', { securitySeverity: 'high', level: 'note' }, 'low'],
  ['negative security-severity ignored', { securitySeverity: -1, level: 'note' }, 'low'],
  ['security-severity before tool rank', { securitySeverity: '3.0', properties: { severity: 'CRITICAL' } }, 'low'],

  // tool ranks
  ['Trivy CRITICAL', { toolName: 'Trivy', properties: { severity: 'CRITICAL' } }, 'critical'],
  ['Trivy HIGH', { toolName: 'Trivy', properties: { severity: 'HIGH' } }, 'high'],
  ['Grype Medium', { toolName: 'Grype', properties: { severity: 'Medium' } }, 'medium'],
  ['Trivy LOW', { toolName: 'Trivy', properties: { severity: 'LOW' } }, 'low'],
  ['Grype Negligible', { toolName: 'Grype', properties: { severity: 'Negligible' }, level: 'error' }, 'info'],
  ['Trivy UNKNOWN falls through to level', { toolName: 'Trivy', properties: { severity: 'UNKNOWN' }, level: 'note' }, 'low'],
  ['Semgrep ERROR', { toolName: 'semgrep', properties: { severity: 'ERROR' } }, 'high'],
  ['Semgrep WARNING', { toolName: 'semgrep', properties: { severity: 'WARNING' } }, 'medium'],
  ['Semgrep INFO', { toolName: 'semgrep', properties: { severity: 'INFO' }, level: 'error' }, 'info'],
  ['Bandit issue_severity HIGH', { properties: { issue_severity: 'HIGH' }, level: 'note' }, 'high'],
  ['Checkov severity LOW', { properties: { severity: 'LOW' }, level: 'error' }, 'low'],
  ['npm moderate', { properties: { severity: 'moderate' } }, 'medium'],
  ['CodeQL problem.severity error', { ruleProperties: { 'problem.severity': 'error' }, level: 'note' }, 'high'],
  ['CodeQL problem.severity warning', { ruleProperties: { 'problem.severity': 'warning' } }, 'medium'],
  ['CodeQL problem.severity recommendation', { ruleProperties: { 'problem.severity': 'recommendation' }, level: 'warning' }, 'low'],
  ['dependency-check cvssv3_baseSeverity', { properties: { cvssv3_baseSeverity: 'MEDIUM' }, level: 'error' }, 'medium'],
  ['result rank before rule rank', { properties: { severity: 'low' }, ruleProperties: { severity: 'critical' } }, 'low'],
  ['Trivy tag on the rule', { toolName: 'Trivy', ruleProperties: { tags: ['vulnerability', 'security', 'CRITICAL'] } }, 'critical'],
  ['severity tag ignored for other tools', { toolName: 'Other', ruleProperties: { tags: ['CRITICAL'] }, level: 'note' }, 'low'],
  ['prototype key is not a rank', { properties: { severity: 'constructor' }, level: 'note' }, 'low']
];

describe('severityFromSarif', () => {
  test.each(rows)('%s', (_description, input, expected) => {
    expect(severityFromSarif({ toolName: 'AnyTool', ...input })).toBe(expected);
  });
});

const categories: Array<[string, Category]> = [
  ['gitleaks', 'secrets'],
  ['Gitleaks', 'secrets'],
  ['trufflehog', 'secrets'],
  ['detect-secrets', 'secrets'],
  ['ggshield', 'secrets'],
  ['Trivy', 'container'],
  ['grype', 'container'],
  ['Dockle', 'container'],
  ['Anchore Grype', 'container'],
  ['Checkov', 'iac'],
  ['tfsec', 'iac'],
  ['KICS', 'iac'],
  ['Terrascan', 'iac'],
  ['hadolint', 'iac'],
  ['OWASP ZAP', 'dast'],
  ['nuclei', 'dast'],
  ['CodeQL', 'sast'],
  ['semgrep', 'sast'],
  ['Zapper', 'sast'],
  ['constructor', 'sast']
];

describe('categoryForTool', () => {
  test.each(categories)('%s', (toolName, expected) => {
    expect(categoryForTool(toolName)).toBe(expected);
  });
});
