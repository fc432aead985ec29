import type { HclBlock, HclPosition } from '../hcl.js';
import type { Violation } from '../policy.js';
import { childBlocks, type TerraformModule, type TerraformResource, type TerraformValue } from './module.js';
import {
  allowsAllActions,
  documentStatements,
  isFalse,
  isTrue,
  jsonStatements,
  resourceName,
  stringList,
  violation,
  WORLD_CIDRS,
  type PolicyStatement,
  type TerraformPolicy
} from './policy-helpers.js';

const S3_BUCKET = ['aws_s3_bucket'];
const S3_MODULE_SOURCE = /^terraform-aws-modules\/s3-bucket\/aws/;

/** Flags resources of `types` whose boolean `name` is not literally true; missing counts as false. */
function requireTrue(module: TerraformModule, types: string[], name: string, message: (resource: TerraformResource) => string, skip?: (resource: TerraformResource) => boolean): Violation[] {
  const violations: Violation[] = [];
  for (const resource of module.ofType(...types)) {
    if (skip?.(resource)) {
      continue;
    }
    const attribute = resource.block.attributes.get(name);
    const value = module.resolve(attribute?.value);
    if (!attribute || isFalse(value)) {
      violations.push(violation(resource, attribute ?? resource.block, message(resource)));
    }
  }
  return violations;
}

function s3Modules(module: TerraformModule): TerraformResource[] {
  return module.ofType('module').filter((resource) => {
    const source = module.value(resource.block, 'source');
    return typeof source === 'string' && S3_MODULE_SOURCE.test(source);
  });
}

function hasSeparateOrInline(module: TerraformModule, bucket: TerraformResource, inlineBlock: string, separateType: string): boolean {
  return childBlocks(bucket.block, inlineBlock).length > 0 || module.referencing(bucket, [separateType], 'bucket', 'bucket').length > 0;
}

/** Returns a port number, or NaN for a value that is not a literal number (such as a variable without default). */
function toPort(value: TerraformValue): number {
  if (typeof value === 'number') {
    return value;
  }
  return typeof value === 'string' ? Number(value) : Number.NaN;
}

/** Ingress rules open to 0.0.0.0/0 or ::/0, inline or as separate rule resources, with their port range. */
interface IngressRule {
  resource: TerraformResource;
  from: number;
  to: number;
  cidrs: string[];
  place: HclPosition;
}

function ingressRules(module: TerraformModule): IngressRule[] {
  const rules: IngressRule[] = [];
  const addRule = (resource: TerraformResource, rule: HclBlock) => {
    const cidrAttribute = rule.attributes.get('cidr_blocks') ?? rule.attributes.get('ipv6_cidr_blocks') ?? rule.attributes.get('cidr_ipv4') ?? rule.attributes.get('cidr_ipv6');
    const cidrs = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6'].flatMap((name) => stringList(module.value(rule, name)));
    const open = cidrs.filter((cidr) => WORLD_CIDRS.includes(cidr));
    if (open.length === 0) {
      return;
    }
    const protocol = String(module.value(rule, 'protocol') ?? module.value(rule, 'ip_protocol'));
    const allProtocols = protocol === '-1' || protocol === 'all';
    const fromValue = module.value(rule, 'from_port');
    const toValue = module.value(rule, 'to_port');
    const from = allProtocols ? 0 : toPort(fromValue);
    const to = allProtocols ? 65535 : toPort(toValue);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return;
    }
    // from_port = to_port = 0 with protocol -1 is every port; 0-0 with tcp is port 0 only.
    rules.push({ resource, from, to, cidrs: open, place: cidrAttribute ?? rule });
  };
  for (const resource of module.ofType('aws_security_group', 'aws_default_security_group')) {
    for (const rule of childBlocks(resource.block, 'ingress')) {
      addRule(resource, rule);
    }
  }
  for (const resource of module.ofType('aws_security_group_rule')) {
    if (module.value(resource.block, 'type') === 'ingress') {
      addRule(resource, resource.block);
    }
  }
  for (const resource of module.ofType('aws_vpc_security_group_ingress_rule')) {
    addRule(resource, resource.block);
  }
  return rules;
}

function openPortPolicy(id: string, title: string, ports: number[], label: string, severity: TerraformPolicy['severity']): TerraformPolicy {
  return {
    id,
    platform: 'terraform',
    provider: 'aws',
    title,
    severity,
    cwes: ['CWE-284'],
    description: `A security group rule allows ${label} (port ${ports.join(', ')}) from 0.0.0.0/0 or ::/0.`,
    remediation: `Allow ${label} only from known address ranges, or reach the hosts through a bastion, VPN or AWS Systems Manager Session Manager.`,
    themes: ['network-exposure'],
    check(module) {
      return ingressRules(module)
        .filter((rule) => !(rule.from === 0 && rule.to === 65535) && ports.some((port) => rule.from <= port && port <= rule.to))
        .map((rule) => violation(rule.resource, rule.place, `${resourceName(rule.resource)} allows ${label} from ${rule.cidrs.join(', ')} (ports ${rule.from}-${rule.to}).`));
    }
  };
}

const DATABASE_PORTS = [1433, 1521, 3306, 5432, 5439, 6379, 9042, 9200, 11211, 27017];

function policyStatements(module: TerraformModule, resource: TerraformResource): PolicyStatement[] {
  return [...jsonStatements(module, resource.block, 'policy'), ...jsonStatements(module, resource.block, 'assume_role_policy'), ...childBlocks(resource.block, 'inline_policy').flatMap((inline) => jsonStatements(module, inline, 'policy'))];
}

const IAM_POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];
const RESOURCE_POLICY_TYPES = ['aws_s3_bucket_policy', 'aws_s3_bucket', 'aws_sqs_queue_policy', 'aws_sqs_queue', 'aws_sns_topic_policy', 'aws_sns_topic'];

function allPolicyDocuments(module: TerraformModule): Array<{ resource: TerraformResource; statements: PolicyStatement[] }> {
  const documents = module.ofType(...IAM_POLICY_TYPES).map((resource) => ({ resource, statements: policyStatements(module, resource) }));
  return documents;
}

function publicAccessSetting(id: string, setting: string, effect: string): TerraformPolicy {
  return {
    id,
    platform: 'terraform',
    provider: 'aws',
    title: `S3 public access block without ${setting}`,
    severity: 'high',
    cwes: ['CWE-284'],
    description: `An S3 public access block, or the terraform-aws-modules S3 bucket module, leaves \`${setting}\` unset or false, so ${effect}.`,
    remediation: `Set \`${setting} = true\` on the aws_s3_bucket_public_access_block (or the module call) of the bucket.`,
    themes: ['public-exposure'],
    check(module) {
      return requireTrue(module, ['aws_s3_bucket_public_access_block'], setting, (resource) => `${resourceName(resource)} does not set ${setting} = true.`).concat(
        s3Modules(module).flatMap((resource) => {
          const attribute = resource.block.attributes.get(setting);
          return !attribute || isFalse(module.resolve(attribute.value)) ? [violation(resource, attribute ?? resource.block, `${resourceName(resource)} does not set ${setting} = true.`)] : [];
        })
      );
    }
  };
}

export const AWS_POLICIES: TerraformPolicy[] = [
  {
    id: 'DSO-TF-AWS-001',
    platform: 'terraform',
    provider: 'aws',
    title: 'S3 bucket without default encryption configuration',
    severity: 'medium',
    cwes: ['CWE-311'],
    description: 'An aws_s3_bucket has neither an inline server_side_encryption_configuration block nor an aws_s3_bucket_server_side_encryption_configuration resource pointing at it.',
    remediation: 'Add an aws_s3_bucket_server_side_encryption_configuration resource for the bucket with `sse_algorithm = "aws:kms"` and a customer managed key.',
    themes: ['encryption-at-rest'],
    check(module) {
      return module
        .ofType(...S3_BUCKET)
        .filter((bucket) => !hasSeparateOrInline(module, bucket, 'server_side_encryption_configuration', 'aws_s3_bucket_server_side_encryption_configuration'))
        .map((bucket) => violation(bucket, bucket.block, `${resourceName(bucket)} has no server-side encryption configuration.`));
    }
  },
  {
    id: 'DSO-TF-AWS-002',
    platform: 'terraform',
    provider: 'aws',
    title: 'S3 bucket ACL grants access to all users',
    severity: 'high',
    cwes: ['CWE-732'],
    description: 'An S3 bucket, aws_s3_bucket_acl or terraform-aws-modules S3 module call uses a canned ACL (public-read, public-read-write or authenticated-read) that lets anyone, or any AWS account, read or write.',
    remediation: 'Use `acl = "private"`, or better, set object ownership to BucketOwnerEnforced and grant access through bucket policies.',
    themes: ['public-exposure'],
    check(module) {
      return [...module.ofType('aws_s3_bucket', 'aws_s3_bucket_acl'), ...s3Modules(module)].flatMap((resource) => {
        const attribute = resource.block.attributes.get('acl');
        const value = module.resolve(attribute?.value);
        return attribute && typeof value === 'string' && ['public-read', 'public-read-write', 'authenticated-read'].includes(value)
          ? [violation(resource, attribute, `${resourceName(resource)} uses the canned ACL "${value}".`)]
          : [];
      });
    }
  },
  publicAccessSetting('DSO-TF-AWS-003', 'block_public_acls', 'new public ACLs on the bucket and its objects are accepted'),
  publicAccessSetting('DSO-TF-AWS-004', 'block_public_policy', 'a bucket policy that grants public access is accepted'),
  publicAccessSetting('DSO-TF-AWS-005', 'ignore_public_acls', 'existing public ACLs keep granting access'),
  publicAccessSetting('DSO-TF-AWS-006', 'restrict_public_buckets', 'a public bucket policy keeps granting cross-account and anonymous access'),
  {
    id: 'DSO-TF-AWS-007',
    platform: 'terraform',
    provider: 'aws',
    title: 'S3 bucket without access logging',
    severity: 'low',
    cwes: ['CWE-778'],
    description: 'An aws_s3_bucket has neither an inline logging block nor an aws_s3_bucket_logging resource pointing at it.',
    remediation: 'Add an aws_s3_bucket_logging resource that sends server access logs to a separate log bucket.',
    themes: ['logging'],
    check(module) {
      return module
        .ofType(...S3_BUCKET)
        .filter((bucket) => !hasSeparateOrInline(module, bucket, 'logging', 'aws_s3_bucket_logging'))
        .map((bucket) => violation(bucket, bucket.block, `${resourceName(bucket)} has no access logging.`));
    }
  },
  {
    id: 'DSO-TF-AWS-008',
    platform: 'terraform',
    provider: 'aws',
    title: 'S3 bucket without versioning',
    severity: 'medium',
    cwes: ['CWE-693'],
    description: 'An aws_s3_bucket has versioning disabled or unset, inline or through aws_s3_bucket_versioning, so overwritten or deleted objects cannot be recovered.',
    remediation: 'Add an aws_s3_bucket_versioning resource with `versioning_configuration { status = "Enabled" }`.',
    themes: ['backup'],
    check(module) {
      return module.ofType(...S3_BUCKET).flatMap((bucket) => {
        const inline = childBlocks(bucket.block, 'versioning')[0];
        if (inline) {
          const enabled = inline.attributes.get('enabled');
          return isTrue(module.resolve(enabled?.value)) ? [] : [violation(bucket, enabled ?? inline, `${resourceName(bucket)} does not enable versioning.`)];
        }
        const separate = module.referencing(bucket, ['aws_s3_bucket_versioning'], 'bucket', 'bucket');
        if (separate.length === 0) {
          return [violation(bucket, bucket.block, `${resourceName(bucket)} does not enable versioning.`)];
        }
        return separate.flatMap((resource) => {
          const configuration = childBlocks(resource.block, 'versioning_configuration')[0];
          const status = configuration?.attributes.get('status');
          return module.resolve(status?.value) === 'Enabled' ? [] : [violation(resource, status ?? configuration ?? resource.block, `${resourceName(resource)} does not set status = "Enabled".`)];
        });
      });
    }
  },
  {
    id: 'DSO-TF-AWS-009',
    platform: 'terraform',
    provider: 'aws',
    title: 'Resource policy allows any principal',
    severity: 'high',
    cwes: ['CWE-732'],
    description: 'An S3 bucket (resource or terraform-aws-modules S3 module), SQS queue or SNS topic policy has an Allow statement whose principal is "*", which grants access to anyone.',
    remediation: 'Name the accounts, roles or services that need access in `Principal`, or add a condition such as aws:SourceArn or aws:PrincipalOrgID.',
    themes: ['public-exposure'],
    check(module) {
      return [...module.ofType(...RESOURCE_POLICY_TYPES), ...s3Modules(module)].flatMap((resource) =>
        jsonStatements(module, resource.block, 'policy')
          .filter((statement) => statement.effect === 'Allow' && statement.principals.includes('*'))
          .slice(0, 1)
          .map((statement) => violation(resource, statement.place, `${resourceName(resource)} allows the principal "*".`))
      );
    }
  },
  {
    id: 'DSO-TF-AWS-010',
    platform: 'terraform',
    provider: 'aws',
    title: 'S3 object without server-side encryption',
    severity: 'low',
    cwes: ['CWE-311'],
    description: 'An aws_s3_object or aws_s3_bucket_object sets neither server_side_encryption nor kms_key_id.',
    remediation: 'Set `server_side_encryption = "aws:kms"` with `kms_key_id`, or rely on a bucket default encryption configuration with a customer managed key.',
    themes: ['encryption-at-rest'],
    check(module) {
      return module
        .ofType('aws_s3_object', 'aws_s3_bucket_object')
        .filter((resource) => !resource.block.attributes.has('server_side_encryption') && !resource.block.attributes.has('kms_key_id'))
        .map((resource) => violation(resource, resource.block, `${resourceName(resource)} is stored without server-side encryption settings.`));
    }
  },
  {
    id: 'DSO-TF-AWS-011',
    platform: 'terraform',
    provider: 'aws',
    title: 'EBS volume not encrypted',
    severity: 'high',
    cwes: ['CWE-311'],
    description: 'An aws_ebs_volume, or a root or EBS block device of an aws_instance, does not set `encrypted = true`.',
    remediation: 'Set `encrypted = true` (with `kms_key_id` for a customer managed key), or turn on EBS encryption by default for the account and region.',
    themes: ['encryption-at-rest'],
    check(module) {
      const violations = requireTrue(module, ['aws_ebs_volume'], 'encrypted', (resource) => `${resourceName(resource)} is not encrypted.`);
      for (const instance of module.ofType('aws_instance', 'aws_launch_configuration')) {
        for (const device of [...childBlocks(instance.block, 'root_block_device'), ...childBlocks(instance.block, 'ebs_block_device')]) {
          const encrypted = device.attributes.get('encrypted');
          if (!isTrue(module.resolve(encrypted?.value))) {
            violations.push(violation(instance, encrypted ?? device, `${resourceName(instance)} has a ${device.type.replace(/_/g, ' ')} that is not encrypted.`));
          }
        }
      }
      return violations;
    }
  },
  {
    id: 'DSO-TF-AWS-012',
    platform: 'terraform',
    provider: 'aws',
    title: 'RDS storage not encrypted',
    severity: 'high',
    cwes: ['CWE-311'],
    description: 'An aws_db_instance or aws_rds_cluster does not set `storage_encrypted = true`.',
    remediation: 'Set `storage_encrypted = true` and `kms_key_id`. Existing instances need a snapshot copy with encryption and a restore.',
    themes: ['encryption-at-rest'],
    check(module) {
      return requireTrue(module, ['aws_db_instance', 'aws_rds_cluster'], 'storage_encrypted', (resource) => `${resourceName(resource)} stores data unencrypted.`, (resource) => resource.block.attributes.has('replicate_source_db') || resource.block.attributes.has('snapshot_identifier'));
    }
  },
  {
    id: 'DSO-TF-AWS-013',
    platform: 'terraform',
    provider: 'aws',
    title: 'DynamoDB table without customer managed encryption',
    severity: 'low',
    cwes: ['CWE-311'],
    description: 'An aws_dynamodb_table has no `server_side_encryption { enabled = true }` block, so it is encrypted only with an AWS owned key that the account cannot audit or revoke.',
    remediation: 'Add `server_side_encryption { enabled = true, kms_key_arn = ... }`.',
    themes: ['key-management'],
    check(module) {
      return module.ofType('aws_dynamodb_table').flatMap((table) => {
        const sse = childBlocks(table.block, 'server_side_encryption')[0];
        const enabled = sse?.attributes.get('enabled');
        return isTrue(module.resolve(enabled?.value)) ? [] : [violation(table, enabled ?? sse ?? table.block, `${resourceName(table)} does not enable server-side encryption with a KMS key.`)];
      });
    }
  },
  {
    id: 'DSO-TF-AWS-014',
    platform: 'terraform',
    provider: 'aws',
    title: 'SNS topic not encrypted',
    severity: 'medium',
    cwes: ['CWE-311'],
    description: 'An aws_sns_topic sets no kms_master_key_id, so messages are stored unencrypted.',
    remediation: 'Set `kms_master_key_id` to a KMS key, such as `alias/aws/sns` or a customer managed key.',
    themes: ['encryption-at-rest'],
    check(module) {
      return module
        .ofType('aws_sns_topic')
        .filter((topic) => !topic.block.attributes.has('kms_master_key_id'))
        .map((topic) => violation(topic, topic.block, `${resourceName(topic)} has no kms_master_key_id.`));
    }
  },
  {
    id: 'DSO-TF-AWS-015',
    platform: 'terraform',
    provider: 'aws',
    title: 'SQS queue not encrypted',
    severity: 'medium',
    cwes: ['CWE-311'],
    description: 'An aws_sqs_queue sets neither kms_master_key_id nor sqs_managed_sse_enabled = true, or sets sqs_managed_sse_enabled = false.',
    remediation: 'Set `kms_master_key_id` to a KMS key, or `sqs_managed_sse_enabled = true`.',
    themes: ['encryption-at-rest'],
    check(module) {
      return module.ofType('aws_sqs_queue').flatMap((queue) => {
        const managed = queue.block.attributes.get('sqs_managed_sse_enabled');
        if (queue.block.attributes.has('kms_master_key_id') || isTrue(module.resolve(managed?.value))) {
          return [];
        }
        return [violation(queue, managed ?? queue.block, `${resourceName(queue)} is not encrypted.`)];
      });
    }
  },
  {
    id: 'DSO-TF-AWS-016',
    platform: 'terraform',
    provider: 'aws',
    title: 'EFS file system not encrypted',
    severity: 'high',
    cwes: ['CWE-311'],
    description: 'An aws_efs_file_system does not set `encrypted = true`.',
    remediation: 'Set `encrypted = true` and `kms_key_id`; an existing file system must be recreated and its data copied.',
    themes: ['encryption-at-rest'],
    check(module) {
      return requireTrue(module, ['aws_efs_file_system'], 'encrypted', (resource) => `${resourceName(resource)} is not encrypted.`);
    }
  },
  {
    id: 'DSO-TF-AWS-017',
    platform: 'terraform',
    provider: 'aws',
    title: 'Load balancer listener accepts plain HTTP',
    severity: 'medium',
    cwes: ['CWE-319'],
    description: 'An aws_lb_listener or aws_alb_listener uses protocol HTTP without redirecting to HTTPS, or a classic aws_elb listener uses lb_protocol http.',
    remediation: 'Listen with HTTPS and a current TLS policy, and turn port 80 into a `redirect` action to HTTPS.',
    themes: ['encryption-in-transit'],
    check(module) {
      const violations: Violation[] = [];
      for (const listener of module.ofType('aws_lb_listener', 'aws_alb_listener')) {
        const protocol = listener.block.attributes.get('protocol');
        const redirects = childBlocks(listener.block, 'default_action').some((action) => module.value(action, 'type') === 'redirect');
        if (protocol && module.resolve(protocol.value) === 'HTTP' && !redirects) {
          violations.push(violation(listener, protocol, `${resourceName(listener)} serves plain HTTP.`));
        }
      }
      for (const elb of module.ofType('aws_elb')) {
        for (const listener of childBlocks(elb.block, 'listener')) {
          const protocol = listener.attributes.get('lb_protocol');
          const value = module.resolve(protocol?.value);
          if (protocol && typeof value === 'string' && value.toLowerCase() === 'http') {
            violations.push(violation(elb, protocol, `${resourceName(elb)} has a listener on plain HTTP.`));
          }
        }
      }
      return violations;
    }
  },
  {
    id: 'DSO-TF-AWS-018',
    platform: 'terraform',
    provider: 'aws',
    title: 'CloudFront distribution allows plain HTTP',
    severity: 'medium',
    cwes: ['CWE-319'],
    description: 'A cache behavior of an aws_cloudfront_distribution sets `viewer_protocol_policy = "allow-all"`.',
    remediation: 'Set `viewer_protocol_policy` to `redirect-to-https` or `https-only`.',
    themes: ['encryption-in-transit'],
    check(module) {
      return module.ofType('aws_cloudfront_distribution').flatMap((distribution) =>
        [...childBlocks(distribution.block, 'default_cache_behavior'), ...childBlocks(distribution.block, 'ordered_cache_behavior')].flatMap((behavior) => {
          const policy = behavior.attributes.get('viewer_protocol_policy');
          return policy && module.resolve(policy.value) === 'allow-all' ? [violation(distribution, policy, `${resourceName(distribution)} lets viewers use plain HTTP.`)] : [];
        })
      );
    }
  },
  openPortPolicy('DSO-TF-AWS-019', 'Security group allows SSH from the internet', [22], 'SSH', 'high'),
  openPortPolicy('DSO-TF-AWS-020', 'Security group allows RDP from the internet', [3389], 'RDP', 'high'),
  openPortPolicy('DSO-TF-AWS-021', 'Security group allows database ports from the internet', DATABASE_PORTS, 'database access', 'high'),
  openPortPolicy('DSO-TF-AWS-022', 'Security group allows HTTP from the internet', [80], 'plain HTTP', 'medium'),
  {
    id: 'DSO-TF-AWS-023',
    platform: 'terraform',
    provider: 'aws',
    title: 'Security group allows all ports from the internet',
    severity: 'critical',
    cwes: ['CWE-284'],
    description: 'A security group rule allows every port (protocol -1, or ports 0 to 65535) from 0.0.0.0/0 or ::/0.',
    remediation: 'Allow only the ports the service needs, from the address ranges that need them.',
    themes: ['network-exposure'],
    check(module) {
      return ingressRules(module)
        .filter((rule) => rule.from === 0 && rule.to === 65535)
        .map((rule) => violation(rule.resource, rule.place, `${resourceName(rule.resource)} allows all ports from ${rule.cidrs.join(', ')}.`));
    }
  },
  {
    id: 'DSO-TF-AWS-024',
    platform: 'terraform',
    provider: 'aws',
    title: 'Default security group allows traffic',
    severity: 'medium',
    cwes: ['CWE-284'],
    description: 'The VPC default security group, which every resource without an explicit group joins, has ingress or egress rules open to 0.0.0.0/0 or ::/0.',
    remediation: 'Declare aws_default_security_group with no ingress and no egress blocks, and attach explicit security groups to resources.',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('aws_default_security_group').flatMap((group) =>
        [...childBlocks(group.block, 'ingress'), ...childBlocks(group.block, 'egress')].flatMap((rule) => {
          const cidrs = ['cidr_blocks', 'ipv6_cidr_blocks'].flatMap((name) => stringList(module.value(rule, name)));
          const place = rule.attributes.get('cidr_blocks') ?? rule.attributes.get('ipv6_cidr_blocks') ?? rule;
          return cidrs.some((cidr) => WORLD_CIDRS.includes(cidr)) ? [violation(group, place, `${resourceName(group)} has an ${rule.type} rule open to the internet.`)] : [];
        })
      );
    }
  },
  {
    id: 'DSO-TF-AWS-025',
    platform: 'terraform',
    provider: 'aws',
    title: 'IAM policy allows all actions on all resources',
    severity: 'high',
    cwes: ['CWE-269'],
    description: 'An IAM policy document (inline JSON, an aws_iam_policy_document data source or an inline_policy block) has an Allow statement with Action "*" and Resource "*": full administrator access.',
    remediation: 'List the actions and resource ARNs the principal needs; use AWS managed job-function policies or IAM Access Analyzer policy generation as a start.',
    themes: ['least-privilege'],
    check(module) {
      const violations: Violation[] = [];
      for (const { resource, statements } of allPolicyDocuments(module)) {
        const statement = statements.find((candidate) => allowsAllActions(candidate) && candidate.resources.includes('*'));
        if (statement) {
          violations.push(violation(resource, statement.place, `${resourceName(resource)} allows "*" actions on "*" resources.`));
        }
      }
      for (const document of module.dataSources('aws_iam_policy_document')) {
        const statement = documentStatements(module, document.block).find((candidate) => allowsAllActions(candidate) && candidate.resources.includes('*'));
        if (statement) {
          violations.push(violation(document, statement.place, `data.aws_iam_policy_document.${document.name} allows "*" actions on "*" resources.`));
        }
      }
      return violations;
    }
  },
  {
    id: 'DSO-TF-AWS-026',
    platform: 'terraform',
    provider: 'aws',
    title: 'IAM user with directly attached policies',
    severity: 'low',
    cwes: ['CWE-269'],
    description: 'An aws_iam_user_policy or aws_iam_user_policy_attachment gives permissions to a user directly instead of through a group or role.',
    remediation: 'Attach policies to IAM groups or roles and add users to groups; prefer federated access with roles over IAM users.',
    themes: ['least-privilege'],
    check(module) {
      return module.ofType('aws_iam_user_policy', 'aws_iam_user_policy_attachment').map((resource) => violation(resource, resource.block, `${resourceName(resource)} attaches a policy directly to a user.`));
    }
  },
  {
    id: 'DSO-TF-AWS-027',
    platform: 'terraform',
    provider: 'aws',
    title: 'Resource policy allows all actions',
    severity: 'high',
    cwes: ['CWE-732'],
    description: 'An S3 bucket, SQS queue or SNS topic policy has an Allow statement with Action "*" or "<service>:*".',
    remediation: 'List only the actions the principals need, such as `sqs:SendMessage`.',
    themes: ['least-privilege'],
    check(module) {
      return [...module.ofType(...RESOURCE_POLICY_TYPES), ...s3Modules(module)].flatMap((resource) =>
        jsonStatements(module, resource.block, 'policy')
          .filter((statement) => allowsAllActions(statement, true))
          .slice(0, 1)
          .map((statement) => violation(resource, statement.place, `${resourceName(resource)} allows all actions (${statement.actions.join(', ')}).`))
      );
    }
  },
  {
    id: 'DSO-TF-AWS-028',
    platform: 'terraform',
    provider: 'aws',
    title: 'CloudTrail without log file validation',
    severity: 'medium',
    cwes: ['CWE-354'],
    description: 'An aws_cloudtrail does not set `enable_log_file_validation = true`, so tampering with delivered log files goes unnoticed.',
    remediation: 'Set `enable_log_file_validation = true`.',
    themes: ['logging'],
    check(module) {
      return requireTrue(module, ['aws_cloudtrail'], 'enable_log_file_validation', (resource) => `${resourceName(resource)} does not validate log files.`);
    }
  },
  {
    id: 'DSO-TF-AWS-029',
    platform: 'terraform',
    provider: 'aws',
    title: 'VPC without flow logs',
    severity: 'medium',
    cwes: ['CWE-778'],
    description: 'An aws_vpc has no aws_flow_log whose vpc_id points at it.',
    remediation: 'Add an aws_flow_log with `vpc_id` set to the VPC and `traffic_type = "ALL"`.',
    themes: ['logging'],
    check(module) {
      return module
        .ofType('aws_vpc')
        .filter((vpc) => module.referencing(vpc, ['aws_flow_log'], 'vpc_id').length === 0)
        .map((vpc) => violation(vpc, vpc.block, `${resourceName(vpc)} has no flow log.`));
    }
  },
  {
    id: 'DSO-TF-AWS-030',
    platform: 'terraform',
    provider: 'aws',
    title: 'RDS automated backups disabled',
    severity: 'medium',
    cwes: ['CWE-693'],
    description: 'An aws_db_instance or aws_rds_cluster sets `backup_retention_period = 0`, which turns automated backups and point-in-time recovery off.',
    remediation: 'Set `backup_retention_period` to 7 days or more.',
    themes: ['backup'],
    check(module) {
      return module.ofType('aws_db_instance', 'aws_rds_cluster').flatMap((database) => {
        const retention = database.block.attributes.get('backup_retention_period');
        const value = module.resolve(retention?.value);
        return retention && (value === 0 || value === '0') ? [violation(database, retention, `${resourceName(database)} keeps no automated backups.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-AWS-031',
    platform: 'terraform',
    provider: 'aws',
    title: 'RDS deletion protection disabled',
    severity: 'low',
    cwes: ['CWE-693'],
    description: 'An aws_db_instance or aws_rds_cluster does not set `deletion_protection = true`.',
    remediation: 'Set `deletion_protection = true` on production databases.',
    themes: ['backup'],
    check(module) {
      return requireTrue(module, ['aws_db_instance', 'aws_rds_cluster'], 'deletion_protection', (resource) => `${resourceName(resource)} can be deleted without first turning off deletion protection.`);
    }
  },
  {
    id: 'DSO-TF-AWS-032',
    platform: 'terraform',
    provider: 'aws',
    title: 'KMS key rotation disabled',
    severity: 'medium',
    cwes: ['CWE-320'],
    description: 'A symmetric aws_kms_key does not set `enable_key_rotation = true`.',
    remediation: 'Set `enable_key_rotation = true`; AWS then rotates the key material every year.',
    themes: ['key-management'],
    check(module) {
      return requireTrue(module, ['aws_kms_key'], 'enable_key_rotation', (resource) => `${resourceName(resource)} does not rotate its key material.`, (resource) => {
        const spec = module.value(resource.block, 'customer_master_key_spec');
        return typeof spec === 'string' && spec !== 'SYMMETRIC_DEFAULT';
      });
    }
  },
  {
    id: 'DSO-TF-AWS-033',
    platform: 'terraform',
    provider: 'aws',
    title: 'EKS cluster endpoint open to the internet',
    severity: 'high',
    cwes: ['CWE-284'],
    description: 'An aws_eks_cluster leaves endpoint_public_access at its default (true) or true, with public_access_cidrs unset or containing 0.0.0.0/0.',
    remediation: 'Set `endpoint_public_access = false` and `endpoint_private_access = true`, or restrict `public_access_cidrs` to known ranges.',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('aws_eks_cluster').flatMap((cluster) => {
        const config = childBlocks(cluster.block, 'vpc_config')[0];
        if (!config) {
          return [];
        }
        const access = config.attributes.get('endpoint_public_access');
        if (access && isFalse(module.resolve(access.value))) {
          return [];
        }
        const cidrs = config.attributes.get('public_access_cidrs');
        if (cidrs && !stringList(module.resolve(cidrs.value)).some((cidr) => WORLD_CIDRS.includes(cidr))) {
          return [];
        }
        return [violation(cluster, access ?? config, `${resourceName(cluster)} exposes its API endpoint to the internet.`)];
      });
    }
  },
  {
    id: 'DSO-TF-AWS-034',
    platform: 'terraform',
    provider: 'aws',
    title: 'RDS instance publicly accessible',
    severity: 'high',
    cwes: ['CWE-284'],
    description: 'An aws_db_instance or aws_rds_cluster_instance sets `publicly_accessible = true`, giving it a public DNS name and address.',
    remediation: 'Set `publicly_accessible = false` and reach the database from inside the VPC.',
    themes: ['network-exposure'],
    check(module) {
      return module.ofType('aws_db_instance', 'aws_rds_cluster_instance').flatMap((database) => {
        const attribute = database.block.attributes.get('publicly_accessible');
        return attribute && isTrue(module.resolve(attribute.value)) ? [violation(database, attribute, `${resourceName(database)} is publicly accessible.`)] : [];
      });
    }
  },
  {
    id: 'DSO-TF-AWS-035',
    platform: 'terraform',
    provider: 'aws',
    title: 'EC2 instance metadata service v1 allowed',
    severity: 'medium',
    cwes: ['CWE-918'],
    description: 'An aws_instance or aws_launch_template does not set `metadata_options { http_tokens = "required" }`, so IMDSv1 serves credentials to unauthenticated requests, which server-side request forgery can reach.',
    remediation: 'Add `metadata_options { http_tokens = "required" }` (IMDSv2 only).',
    themes: ['secure-configuration'],
    check(module) {
      return module.ofType('aws_instance', 'aws_launch_template').flatMap((instance) => {
        const options = childBlocks(instance.block, 'metadata_options')[0];
        const tokens = options?.attributes.get('http_tokens');
        const endpoint = options ? module.value(options, 'http_endpoint') : undefined;
        if (endpoint === 'disabled' || module.resolve(tokens?.value) === 'required') {
          return [];
        }
        return [violation(instance, tokens ?? options ?? instance.block, `${resourceName(instance)} does not require IMDSv2 session tokens.`)];
      });
    }
  },
  {
    id: 'DSO-TF-AWS-036',
    platform: 'terraform',
    provider: 'aws',
    title: 'DynamoDB table without point-in-time recovery',
    severity: 'medium',
    cwes: ['CWE-693'],
    description: 'An aws_dynamodb_table has no `point_in_time_recovery { enabled = true }` block.',
    remediation: 'Add `point_in_time_recovery { enabled = true }`.',
    themes: ['backup'],
    check(module) {
      return module.ofType('aws_dynamodb_table').flatMap((table) => {
        const recovery = childBlocks(table.block, 'point_in_time_recovery')[0];
        const enabled = recovery?.attributes.get('enabled');
        return isTrue(module.resolve(enabled?.value)) ? [] : [violation(table, enabled ?? recovery ?? table.block, `${resourceName(table)} has no point-in-time recovery.`)];
      });
    }
  }
];
