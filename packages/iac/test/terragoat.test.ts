import { classifyFindings, defaultConfig, silentLogger } from '@devsecops/core';

import { corpusPath } from '../../../test/corpus.js';
import { scanIac } from '../src/scanner.js';

/**
 * The whole terragoat repository (../shared/corpus/real/terragoat: 47 Terraform files for
 * AWS, Azure, GCP, Alibaba Cloud and Oracle Cloud, and one Dockerfile) through the scanner and
 * the findings core, as `devsecops scan --only iac` runs it. Counts were checked against the
 * files: for example 6 S3 buckets, of which only `logs` has an encryption configuration and
 * only `data_science` has access logging.
 */
test('terragoat counts per policy', async () => {
  const workspace = corpusPath('real', 'terragoat');
  const result = await scanIac({ workspace, target: workspace, config: defaultConfig(), logger: silentLogger, settings: {} });

  const byPolicy: Record<string, number> = {};
  for (const finding of result.findings) {
    byPolicy[finding.rule.id] = (byPolicy[finding.rule.id] ?? 0) + 1;
  }
  expect(byPolicy).toEqual({
    'DSO-DF-001': 1,
    'DSO-DF-002': 1,
    'DSO-TF-AWS-001': 5,
    'DSO-TF-AWS-007': 5,
    'DSO-TF-AWS-008': 3,
    'DSO-TF-AWS-010': 1,
    'DSO-TF-AWS-011': 1,
    'DSO-TF-AWS-012': 10,
    'DSO-TF-AWS-017': 1,
    'DSO-TF-AWS-019': 1,
    'DSO-TF-AWS-022': 1,
    'DSO-TF-AWS-026': 1,
    'DSO-TF-AWS-029': 1,
    'DSO-TF-AWS-030': 2,
    'DSO-TF-AWS-031': 10,
    'DSO-TF-AWS-032': 1,
    'DSO-TF-AWS-033': 1,
    'DSO-TF-AWS-034': 1,
    'DSO-TF-AWS-035': 2,
    'DSO-TF-AZ-003': 2,
    'DSO-TF-AZ-005': 1,
    'DSO-TF-AZ-006': 1,
    'DSO-TF-AZ-007': 1,
    'DSO-TF-GCP-001': 1,
    'DSO-TF-GCP-002': 1,
    'DSO-TF-GCP-003': 1,
    'DSO-TF-GCP-004': 1,
    'DSO-TF-GCP-005': 1,
    'DSO-TF-GCP-006': 1
  });
  expect(result.stats).toEqual({ files: 48, bytes: 96820, unparsable: 0, terraformFiles: 47, kubernetesFiles: 0, dockerfileFiles: 1, 'github-actionsFiles': 0, merged: 0 });
  expect(result.warnings).toEqual([]);

  const report = classifyFindings(result.findings, { workspace, config: defaultConfig(), failOn: 'high', context: { serverUrl: 'https://github.com' }, logger: silentLogger });
  expect(report.counts).toEqual({ critical: 0, high: 20, medium: 22, low: 17, info: 1 });
  expect(report.findings).toHaveLength(60);
  expect(report.policy.failed).toBe(true);

  const places = report.findings.filter((finding) => finding.rule.id.startsWith('DSO-TF-AZ') || finding.rule.id.startsWith('DSO-TF-GCP')).map((finding) => `${finding.rule.id} ${finding.location!.path}:${finding.location!.startLine}`).sort();
  expect(places).toEqual([
    'DSO-TF-AZ-003 terraform/azure/networking.tf:82',
    'DSO-TF-AZ-003 terraform/azure/networking.tf:94',
    'DSO-TF-AZ-005 terraform/azure/key_vault.tf:1',
    'DSO-TF-AZ-006 terraform/azure/aks.tf:23',
    'DSO-TF-AZ-007 terraform/azure/app_service.tf:27',
    'DSO-TF-GCP-001 terraform/gcp/gcs.tf:1',
    'DSO-TF-GCP-002 terraform/gcp/networks.tf:22',
    'DSO-TF-GCP-003 terraform/gcp/big_data.tf:8',
    'DSO-TF-GCP-004 terraform/gcp/big_data.tf:12',
    'DSO-TF-GCP-005 terraform/gcp/gke.tf:12',
    'DSO-TF-GCP-006 terraform/gcp/instances.tf:15'
  ]);
});
