import { asArray, asNumber, asObject, asString, FindingCollector, requireArray, toolSeverity, type IacReport, type JsonObject } from './common.js';

/** True for Trivy JSON: schema 2 (`Results`), a cluster report (`ClusterName`), the legacy bare list or `null`, or a k8s summary. */
export function isTrivyReport(document: unknown): boolean {
  if (document === null) {
    return true;
  }
  if (Array.isArray(document)) {
    const first = asObject(document[0]);
    return document.length === 0 || (first !== undefined && ('Target' in first || 'Vulnerabilities' in first));
  }
  const object = asObject(document);
  return object !== undefined && ('SchemaVersion' in object || 'Results' in object || 'ArtifactName' in object || 'ClusterName' in object || ('misconfigurations' in object && 'vulnerabilities' in object));
}

/**
 * Reads the misconfigurations of a Trivy JSON report. Results of other classes
 * (vulnerabilities, secrets, licenses) belong to the container and secrets scanners and give
 * nothing here; so a vulnerability-only report, and the legacy format (which predates
 * misconfiguration scanning), give zero findings. Only misconfigurations with status FAIL
 * (or no status) count. Cluster reports name Kubernetes objects, not files, so their findings
 * have no location and the object is in the message. The `--report summary` form lists check
 * ids without objects; it gives no findings and one warning.
 */
export function readTrivyReport(document: unknown, label: string, workspace: string, base: string = workspace): IacReport {
  const collector = new FindingCollector(label, workspace, base);
  const object = asObject(document);
  if (!object) {
    return collector.result('trivy');
  }
  if ('misconfigurations' in object && 'vulnerabilities' in object && !('Results' in object)) {
    const ids = asArray(object.misconfigurations);
    if (ids.length > 0) {
      collector.warnings.push(`${label}: a summary-only Trivy report lists ${ids.length} misconfiguration id(s) without files or objects; no findings were read from it`);
    }
    return collector.result('trivy');
  }
  for (const result of requireArray(object.Results, label, '"Results"')) {
    addResult(collector, asObject(result) ?? {}, undefined);
  }
  const resources = [...requireArray(object.Misconfigurations, label, '"Misconfigurations"'), ...requireArray(object.Resources, label, '"Resources"')];
  for (const entry of resources) {
    const resource = asObject(entry) ?? {};
    const name = [asString(resource.Namespace), asString(resource.Kind), asString(resource.Name)].filter(Boolean).join('/');
    for (const result of asArray(resource.Results)) {
      addResult(collector, asObject(result) ?? {}, name);
    }
  }
  return collector.result('trivy');
}

function addResult(collector: FindingCollector, result: JsonObject, clusterObject: string | undefined): void {
  const target = asString(result.Target);
  for (const entry of asArray(result.Misconfigurations)) {
    const misconfiguration = asObject(entry) ?? {};
    const status = asString(misconfiguration.Status);
    if (status !== undefined && status !== 'FAIL') {
      continue;
    }
    const cause = asObject(misconfiguration.CauseMetadata) ?? {};
    const id = asString(misconfiguration.AVDID) ?? asString(misconfiguration.ID) ?? 'unknown-check';
    const shortId = asString(misconfiguration.ID) ?? id;
    const equivalentsId = /^(KSV|DS)\d+$/.test(shortId) ? shortId : id.startsWith('AVD-') ? id : `AVD-${id}`;
    collector.add({
      tool: 'Trivy',
      equivalentsKey: 'trivy',
      ruleId: equivalentsId,
      ruleName: asString(misconfiguration.Title),
      helpUri: asString(misconfiguration.PrimaryURL),
      severity: toolSeverity(misconfiguration.Severity),
      message: `${asString(misconfiguration.Message) ?? asString(misconfiguration.Title) ?? id}${clusterObject ? ` (${clusterObject})` : ''}`,
      file: clusterObject === undefined ? target : undefined,
      startLine: asNumber(cause.StartLine),
      endLine: asNumber(cause.EndLine),
      properties: asString(cause.Resource) ? { resource: cause.Resource } : undefined
    });
  }
}
