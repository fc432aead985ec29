import { HclSyntaxError, parseHcl, parseHclExpression, type HclExpression } from '../src/hcl.js';
import { TerraformModule, UNKNOWN } from '../src/terraform/module.js';

const SOURCE = `# comment
locals {
  name   = "web"
  ports  = [22, 443]
  tags   = { team = "core", "cost-center" = 42 }
  label  = "\${local.name}-\${var.env}"
  doc    = <<-EOT
    {"Statement": [{"Effect": "Allow"}]}
  EOT
  cond   = var.enabled ? "a" : "b"
  call   = jsonencode({ Action = "*" })
}

variable "env" {
  default = "prod"
}

resource "aws_s3_bucket" "logs" {
  bucket = local.label /* inline */ // trailing
  nested {
    inner = aws_kms_key.main.arn
  }
}
`;

test('blocks and attributes keep positions', () => {
  const file = parseHcl(SOURCE);
  expect(file.blocks.map((block) => [block.type, block.labels, block.line, block.column, block.endLine])).toEqual([
    ['locals', [], 2, 1, 12],
    ['variable', ['env'], 14, 1, 16],
    ['resource', ['aws_s3_bucket', 'logs'], 18, 1, 23]
  ]);
  const bucket = file.blocks[2]!;
  expect(bucket.attributes.get('bucket')).toMatchObject({ name: 'bucket', line: 19, column: 3, endLine: 19 });
  expect(bucket.blocks[0]!).toMatchObject({ type: 'nested', line: 20, column: 3, endLine: 22 });
  expect(file.blocks[0]!.attributes.get('doc')).toMatchObject({ line: 7, endLine: 9 });
});

test.each<[string, unknown]>([
  ['name', 'web'],
  ['ports', [22, 443]],
  ['tags', { team: 'core', 'cost-center': 42 }],
  ['label', 'web-prod'],
  ['doc', '{"Statement": [{"Effect": "Allow"}]}\n'],
  ['cond', UNKNOWN],
  ['call', '{"Action":"*"}']
])('local %s resolves', (name, expected) => {
  const file = parseHcl(SOURCE);
  const module = new TerraformModule([{ path: 'main.tf', file }]);
  expect(module.resolve(file.blocks[0]!.attributes.get(name)!.value)).toEqual(expected);
});

test('references inside expressions', () => {
  const expression = parseHclExpression('aws_s3_bucket.logs.id == "x" ? [for s in var.list : s] : null');
  expect(expression.kind).toBe('expression');
  expect((expression as Extract<HclExpression, { kind: 'expression' }>).references).toEqual([['aws_s3_bucket', 'logs', 'id']]);
  expect(parseHclExpression('module.vpc.ids[0]')).toMatchObject({ kind: 'reference', path: ['module', 'vpc', 'ids', '0'] });
});

test.each([
  ['resource "a" "b" {\n  x = \n}\n', 2, 7, 'expected an expression, found newline'],
  ['resource "a" "b" {\n  x = 1\n', 3, 1, 'expected "}" to close the block, found end of file'],
  ['x = "open\n', 1, 5, 'unterminated string: missing closing quote'],
  ['x = <<EOF\nno end\n', 1, 5, 'unterminated heredoc: missing closing marker EOF'],
  ['x = 1\nx = 2\n', 2, 1, 'duplicate attribute "x"'],
  ['x = 1 @\n', 1, 7, 'invalid character "@"']
])('syntax error %#', (source, line, column, message) => {
  let error: unknown;
  try {
    parseHcl(source);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(HclSyntaxError);
  expect([(error as HclSyntaxError).line, (error as HclSyntaxError).column, (error as Error).message]).toEqual([line, column, message]);
});

test('unknown ports are skipped', async () => {
  const { AWS_POLICIES } = await import('../src/terraform/aws.js');
  const file = parseHcl('variable "port" {}\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = var.port\n    to_port     = var.port\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
  const module = new TerraformModule([{ path: 'main.tf', file }]);
  expect(AWS_POLICIES.flatMap((policy) => policy.check(module)).map((violation) => violation.message)).toEqual([]);
});
