import type { HclBlock } from '../hcl.js';
import type { Violation } from '../policy.js';
import { childBlocks, type TerraformModule } from './module.js';
import { isFalse, isTrue, resourceName, stringList, violation, WORLD_CIDRS, type TerraformPolicy } from './policy-helpers.js';

const INTERNET_SOURCES = ['*', '0.0.0.0', '0.0.0.0/0', '::/0', 'internet', 'any'];

/** True when a port list such as `["22", "1000-2000"]` or `"*"` includes `port`; an empty list means every port. */
function coversPort(ranges: string[], port: number): boolean {
  if (ranges.length === 0) {
    return true;
  }
  return ranges.some((range) => {
    if (range === '*') {
      return true;
    }
    const [from, to] = range.split('-').map(Number);
    return from !== undefined && !Number.isNaN(from) && from <= port && port <= (to ?? from);
  });
}

function nsgRules(module: TerraformModule): Array<{ owner: ReturnType<TerraformModule['ofType']>[number]; rule: HclBlock }> {
  return [
    ...module.ofType('azurerm_network_security_group').flatMap((owner) => childBlocks(owner.block, 'security_rule').map((rule) => ({ owner, rule }))),
    ...module.ofType('azurerm_network_security_rule').map((owner) => ({ owner, rule: owner.block }))
  ];
}

export const AZURE_POLICIES: TerraformPolicy[] = [
  {
    id: 'DSO-TF-AZ-001',
    platform: 'terraform',
    provider: 'azure',
    title: 'Storage account accepts plain HTTP',
    severity: 'medium',
    cwes: ['CWE-319'],
    description: 'An azurerm_storage_account sets `enable_https_traffic_only` (provider 3) or `https_traffic_only_enabled` (provider 4) to false.',
    remediation: 'Remove the setting or set it to true, so the account accepts HTTPS only.',
    themes: ['encryption-in-transit'],
    check(module) {
      return module.ofType('azurerm_storage_account').flatMap((account) => {
        const attribute = account.block.attributes.get('enable_https_traffic_only') ?? account.block.attributes.get('https_traffic_only_enabled');
        return attribute && isFalse(module.resolve(attribute.value)) ? [violation(account, attribute, `${resourceName(account)} accepts plain HTTP.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-AZ-002',
    platform: 'terraform',
    provider: 'azure',
    title: 'Storage account allows TLS before 1.2',
    severity: 'medium',
    cwes: ['CWE-326'],
    description: 'An azurerm_storage_account sets `min_tls_version` to TLS1_0 or TLS1_1.',
    remediation: 'Set `min_tls_version = "TLS1_2"`.',
    themes: ['encryption-in-transit'],
    check(module) {
      return module.ofType('azurerm_storage_account').flatMap((account) => {
        const attribute = account.block.attributes.get('min_tls_version');
        const value = module.resolve(attribute?.value);
        return attribute && (value === 'TLS1_0' || value === 'TLS1_1') ? [violation(account, attribute, `${resourceName(account)} accepts ${value}.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-AZ-003',
    platform: 'terraform',
    provider: 'azure',
    title: 'Network security group allows SSH or RDP from the internet',
    severity: 'high',
    cwes: ['CWE-284'],
    description: 'An inbound Allow rule of a network security group has the source `*`, `Internet`, `Any` or 0.0.0.0/0 and a destination port range that includes 22 or 3389.',
    remediation: 'Restrict `source_address_prefix` to known ranges, or use Azure Bastion or just-in-time VM access.',
    themes: ['network-exposure'],
    check(module) {
      const violations: Violation[] = [];
      for (const { owner, rule } of nsgRules(module)) {
        const direction = String(module.value(rule, 'direction')).toLowerCase();
        const access = String(module.value(rule, 'access')).toLowerCase();
        const sources = [...stringList(module.value(rule, 'source_address_prefix')), ...stringList(module.value(rule, 'source_address_prefixes'))].map((source) => source.toLowerCase());
        const ports = [...stringList(module.value(rule, 'destination_port_range')), ...stringList(module.value(rule, 'destination_port_ranges'))];
        if (direction !== 'inbound' || access !== 'allow' || !sources.some((source) => INTERNET_SOURCES.includes(source)) || ports.length === 0) {
          continue;
        }
        const open = [22, 3389].filter((port) => coversPort(ports, port));
        if (open.length > 0) {
          const place = rule.attributes.get('destination_port_range') ?? rule.attributes.get('destination_port_ranges') ?? rule;
          violations.push(violation(owner, place, `${resourceName(owner)} allows port ${open.join(' and ')} from the internet.`));
        }
      }
      return violations;
    }
  },
  {
    id: 'DSO-TF-AZ-004',
    platform: 'terraform',
    provider: 'azure',
    title: 'SQL firewall rule allows every address',
    severity: 'high',
    cwes: ['CWE-284'],
    description: 'An azurerm_sql_firewall_rule or azurerm_mssql_firewall_rule spans 0.0.0.0 to 255.255.255.255.',
    remediation: 'Allow only the addresses of the clients, or use private endpoints.',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('azurerm_sql_firewall_rule', 'azurerm_mssql_firewall_rule', 'azurerm_postgresql_firewall_rule', 'azurerm_mysql_firewall_rule').flatMap((rule) => {
        const start = module.value(rule.block, 'start_ip_address');
        const end = module.value(rule.block, 'end_ip_address');
        return start === '0.0.0.0' && end === '255.255.255.255' ? [violation(rule, rule.block.attributes.get('end_ip_address')!, `${resourceName(rule)} allows every IPv4 address.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-AZ-005',
    platform: 'terraform',
    provider: 'azure',
    title: 'Key vault without purge protection',
    severity: 'medium',
    cwes: ['CWE-693'],
    description: 'An azurerm_key_vault does not set `purge_protection_enabled = true`, so deleted keys and secrets can be purged before the retention period ends.',
    remediation: 'Set `purge_protection_enabled = true`.',
    themes: ['backup'],
    check(module) {
      return module.ofType('azurerm_key_vault').flatMap((vault) => {
        const attribute = vault.block.attributes.get('purge_protection_enabled');
        return isTrue(module.resolve(attribute?.value)) ? [] : [violation(vault, attribute ?? vault.block, `${resourceName(vault)} has no purge protection.`)];
      });
    }
  },
  {
    id: 'DSO-TF-AZ-006',
    platform: 'terraform',
    provider: 'azure',
    title: 'AKS cluster without Kubernetes RBAC',
    severity: 'high',
    cwes: ['CWE-285'],
    description: 'An azurerm_kubernetes_cluster sets `role_based_access_control_enabled = false`, or a `role_based_access_control` block with `enabled = false`.',
    remediation: 'Enable Kubernetes RBAC, and preferably Azure AD integration.',
    themes: ['least-privilege'],
    check(module) {
      return module.ofType('azurerm_kubernetes_cluster').flatMap((cluster) => {
        const flat = cluster.block.attributes.get('role_based_access_control_enabled');
        const nested = childBlocks(cluster.block, 'role_based_access_control')[0]?.attributes.get('enabled');
        const attribute = flat ?? nested;
        return attribute && isFalse(module.resolve(attribute.value)) ? [violation(cluster, attribute, `${resourceName(cluster)} has Kubernetes RBAC turned off.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-AZ-007',
    platform: 'terraform',
    provider: 'azure',
    title: 'App Service accepts plain HTTP',
    severity: 'medium',
    cwes: ['CWE-319'],
    description: 'An azurerm_app_service, azurerm_linux_web_app or azurerm_windows_web_app does not set `https_only = true`.',
    remediation: 'Set `https_only = true`.',
    themes: ['encryption-in-transit'],
    check(module) {
      return module.ofType('azurerm_app_service', 'azurerm_linux_web_app', 'azurerm_windows_web_app').flatMap((app) => {
        const attribute = app.block.attributes.get('https_only');
        return isTrue(module.resolve(attribute?.value)) ? [] : [violation(app, attribute ?? app.block, `${resourceName(app)} accepts plain HTTP.`)];
      });
    }
  }
];

export const GCP_POLICIES: TerraformPolicy[] = [
  {
    id: 'DSO-TF-GCP-001',
    platform: 'terraform',
    provider: 'gcp',
    title: 'Storage bucket without uniform bucket-level access',
    severity: 'medium',
    cwes: ['CWE-732'],
    description: 'A google_storage_bucket does not set `uniform_bucket_level_access = true`, so object ACLs can grant access that bucket IAM does not show.',
    remediation: 'Set `uniform_bucket_level_access = true` and grant access with IAM.',
    themes: ['least-privilege'],
    check(module) {
      return module.ofType('google_storage_bucket').flatMap((bucket) => {
        const attribute = bucket.block.attributes.get('uniform_bucket_level_access');
        return isTrue(module.resolve(attribute?.value)) ? [] : [violation(bucket, attribute ?? bucket.block, `${resourceName(bucket)} allows object ACLs.`)];
      });
    }
  },
  {
    id: 'DSO-TF-GCP-002',
    platform: 'terraform',
    provider: 'gcp',
    title: 'Firewall allows SSH or RDP from the internet',
    severity: 'high',
    cwes: ['CWE-284'],
    description: 'An ingress google_compute_firewall has 0.0.0.0/0 or ::/0 in source_ranges and an allow block that includes port 22 or 3389, or every port.',
    remediation: 'Restrict `source_ranges` to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20).',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('google_compute_firewall').flatMap((firewall) => {
        const direction = module.value(firewall.block, 'direction');
        const sources = firewall.block.attributes.get('source_ranges');
        if ((typeof direction === 'string' && direction !== 'INGRESS') || !stringList(module.resolve(sources?.value)).some((range) => WORLD_CIDRS.includes(range))) {
          return [];
        }
        const open = childBlocks(firewall.block, 'allow').some((allow) => [22, 3389].some((port) => coversPort(stringList(module.value(allow, 'ports')), port)));
        return open ? [violation(firewall, sources!, `${resourceName(firewall)} allows SSH or RDP from the internet.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-GCP-003',
    platform: 'terraform',
    provider: 'gcp',
    title: 'Cloud SQL instance does not require TLS',
    severity: 'medium',
    cwes: ['CWE-319'],
    description: 'A google_sql_database_instance has no `settings { ip_configuration { ... } }` that sets `require_ssl = true` or an `ssl_mode` that requires encryption.',
    remediation: 'Set `ssl_mode = "ENCRYPTED_ONLY"` (or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`) in ip_configuration.',
    themes: ['encryption-in-transit'],
    check(module) {
      return module.ofType('google_sql_database_instance').flatMap((instance) => {
        const settings = childBlocks(instance.block, 'settings')[0];
        const ip = settings ? childBlocks(settings, 'ip_configuration')[0] : undefined;
        const requireSsl = ip?.attributes.get('require_ssl');
        const mode = ip ? module.value(ip, 'ssl_mode') : undefined;
        if (isTrue(module.resolve(requireSsl?.value)) || mode === 'ENCRYPTED_ONLY' || mode === 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED') {
          return [];
        }
        return [violation(instance, requireSsl ?? ip ?? settings ?? instance.block, `${resourceName(instance)} accepts unencrypted connections.`)];
      });
    }
  },
  {
    id: 'DSO-TF-GCP-004',
    platform: 'terraform',
    provider: 'gcp',
    title: 'Cloud SQL instance authorizes every address',
    severity: 'high',
    cwes: ['CWE-284'],
    description: 'An authorized_networks entry of a google_sql_database_instance has the value 0.0.0.0/0.',
    remediation: 'Authorize only client ranges, or use private IP and the Cloud SQL Auth Proxy.',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('google_sql_database_instance').flatMap((instance) =>
        childBlocks(instance.block, 'settings')
          .flatMap((settings) => childBlocks(settings, 'ip_configuration'))
          .flatMap((ip) => childBlocks(ip, 'authorized_networks'))
          .flatMap((network) => {
            const value = network.attributes.get('value');
            return value && WORLD_CIDRS.includes(String(module.resolve(value.value))) ? [violation(instance, value, `${resourceName(instance)} accepts connections from any address.`)] : [];
          })
      );
    }
  },
  {
    id: 'DSO-TF-GCP-005',
    platform: 'terraform',
    provider: 'gcp',
    title: 'GKE cluster with legacy ABAC',
    severity: 'high',
    cwes: ['CWE-285'],
    description: 'A google_container_cluster sets `enable_legacy_abac = true`, which grants broad static permissions outside Kubernetes RBAC.',
    remediation: 'Remove `enable_legacy_abac` or set it to false, and grant access with RBAC.',
    themes: ['least-privilege'],
    check(module) {
      return module.ofType('google_container_cluster').flatMap((cluster) => {
        const attribute = cluster.block.attributes.get('enable_legacy_abac');
        return attribute && isTrue(module.resolve(attribute.value)) ? [violation(cluster, attribute, `${resourceName(cluster)} enables legacy ABAC.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-GCP-006',
    platform: 'terraform',
    provider: 'gcp',
    title: 'Compute instance with a public IP address',
    severity: 'medium',
    cwes: ['CWE-284'],
    description: 'A network_interface of a google_compute_instance has an access_config block, which gives the instance an external IP address.',
    remediation: 'Remove access_config and reach the instance through Cloud NAT, a load balancer or Identity-Aware Proxy.',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('google_compute_instance').flatMap((instance) =>
        childBlocks(instance.block, 'network_interface')
          .flatMap((network) => childBlocks(network, 'access_config'))
          .slice(0, 1)
          .map((config) => violation(instance, config, `${resourceName(instance)} has an external IP address.`))
      );
    }
  }
];
