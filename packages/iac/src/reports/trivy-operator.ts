import { asArray, asObject, asString, FindingCollector, toolSeverity, type IacReport, type JsonObject } from './common.js';

/** Report kinds of the Trivy Operator that carry configuration checks. */
const AUDIT_KINDS = ['ConfigAuditReport', 'ClusterConfigAuditReport', 'RbacAssessmentReport', 'ClusterRbacAssessmentReport', 'InfraAssessmentReport', 'ClusterInfraAssessmentReport'];
const OPERATOR_KINDS = [...AUDIT_KINDS, 'VulnerabilityReport', 'ExposedSecretReport', 'ClusterComplianceReport', 'SbomReport', 'ClusterSbomReport', 'ClusterVulnerabilityReport'];

/** True for Trivy Operator custom resources: one report, a list, `kubectl get -o json` items, or a dict keyed by resource type. */
export function isTrivyOperatorReport(document: unknown): boolean {
  return reports(document) !== undefined;
}

function reports(document: unknown): JsonObject[] | undefined {
  const isReport = (value: unknown) => OPERATOR_KINDS.includes(asString(asObject(value)?.kind) ?? '');
  if (Array.isArray(document)) {
    return document.length > 0 && document.every(isReport) ? document.map((item) => item as JsonObject) : undefined;
  }
  const object = asObject(document);
  if (!object) {
    return undefined;
  }
  if (isReport(object)) {
    return [object];
  }
  if (Array.isArray(object.items) && object.items.every(isReport)) {
    return object.items as JsonObject[];
  }
  const keys = Object.keys(object);
  if (keys.length > 0 && keys.every((key) => key.endsWith('.aquasecurity.github.io'))) {
    return keys.flatMap((key) => asArray(object[key]).filter(isReport) as JsonObject[]);
  }
  return undefined;
}

/**
 * Reads the failed checks of Trivy Operator audit reports (config, RBAC and infra
 * assessments). They describe objects in a cluster, not files, so findings have no location
 * and name the object in the message. Vulnerability, secret, SBOM and compliance reports give
 * no IaC findings.
 */
export function readTrivyOperatorReport(document: unknown, label: string, workspace: string): IacReport {
  const collector = new FindingCollector(label, workspace);
  for (const report of reports(document) ?? []) {
    if (!AUDIT_KINDS.includes(asString(report.kind) ?? '')) {
      continue;
    }
    const labels = asObject(asObject(report.metadata)?.labels) ?? {};
    const object = [labels['trivy-operator.resource.namespace'], labels['trivy-operator.resource.kind'], labels['trivy-operator.resource.name']].filter((part): part is string => typeof part === 'string').join('/');
    for (const entry of asArray(asObject(report.report)?.checks)) {
      const check = asObject(entry) ?? {};
      if (check.success !== false) {
        continue;
      }
      const id = asString(check.checkID) ?? 'unknown-check';
      const messages = asArray(check.messages).filter((message): message is string => typeof message === 'string');
      collector.add({
        tool: 'Trivy Operator',
        equivalentsKey: 'trivy',
        ruleId: id,
        ruleName: asString(check.title),
        severity: toolSeverity(check.severity),
        message: `${messages[0] ?? asString(check.title) ?? id}${object ? ` (${object})` : ''}`
      });
    }
  }
  return collector.result('trivy-operator');
}
