import type { HclBlock, HclExpression, HclPosition } from '../hcl.js';
import type { PolicyDefinition, Violation } from '../policy.js';
import { childBlocks, UNKNOWN, type TerraformModule, type TerraformResource, type TerraformValue } from './module.js';

export interface TerraformPolicy extends PolicyDefinition {
  check(module: TerraformModule): Violation[];
}

/**
 * Builds a violation at an attribute or block of a resource. An attribute's finding spans its
 * lines, such as a heredoc policy. A block's finding covers only its first line, so findings on
 * other attributes of the same block are not taken for the same place.
 */
export function violation(resource: TerraformResource, place: HclPosition & { endLine?: number; value?: unknown }, message: string): Violation {
  return { path: resource.path, line: place.line, column: place.column, endLine: 'value' in place ? place.endLine : place.line, message };
}

export function resourceName(resource: TerraformResource): string {
  return resource.type === 'module' ? `module.${resource.name}` : `${resource.type}.${resource.name}`;
}

/** True when the value is literally true (or the string "true", as HCL converts it). */
export function isTrue(value: TerraformValue): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: TerraformValue): boolean {
  return value === false || value === 'false';
}

export const WORLD_CIDRS = ['0.0.0.0/0', '::/0'];

/** Returns the literal strings in a value that is a string or a list of strings. */
export function stringList(value: TerraformValue): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return [];
}

/** One IAM policy statement with its lists normalized. */
export interface PolicyStatement {
  effect: string;
  actions: string[];
  notActions: boolean;
  resources: string[];
  /** Principal identifiers, `*` for `"Principal": "*"`. */
  principals: string[];
  /** Place to report: the attribute or block that contains the statement. */
  place: HclPosition;
}

/** Reads the statements of a JSON policy document held by an attribute, or none when it is not literal JSON. */
export function jsonStatements(module: TerraformModule, block: HclBlock, attributeName: string): PolicyStatement[] {
  const attribute = block.attributes.get(attributeName);
  if (!attribute) {
    return [];
  }
  return statementsFromJson(module.resolve(attribute.value), attribute);
}

export function statementsFromJson(value: TerraformValue, place: HclPosition): PolicyStatement[] {
  let document: unknown = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (document === UNKNOWN || document === null || typeof document !== 'object' || Array.isArray(document)) {
    return [];
  }
  const raw = (document as Record<string, unknown>).Statement;
  let statements: unknown[] = [];
  if (Array.isArray(raw)) {
    statements = raw;
  } else if (raw && typeof raw === 'object') {
    statements = [raw];
  }
  return statements.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object').map((statement) => ({
    effect: typeof statement.Effect === 'string' ? statement.Effect : 'Allow',
    actions: asStrings(statement.Action ?? statement.NotAction),
    notActions: statement.Action === undefined && statement.NotAction !== undefined,
    resources: asStrings(statement.Resource),
    principals: principalIds(statement.Principal),
    place
  }));
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function principalIds(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  if (typeof value === 'string') {
    return [value];
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.values(value as Record<string, unknown>).flatMap(asStrings);
  }
  return [];
}

/** Reads the `statement` blocks of a `data "aws_iam_policy_document"` block. */
export function documentStatements(module: TerraformModule, block: HclBlock): PolicyStatement[] {
  return childBlocks(block, 'statement').map((statement) => {
    const actions = statement.attributes.get('actions') ?? statement.attributes.get('not_actions');
    const effect = module.value(statement, 'effect');
    return {
      effect: typeof effect === 'string' ? effect : 'Allow',
      actions: stringList(module.value(statement, actions?.name ?? 'actions')),
      notActions: actions?.name === 'not_actions',
      resources: stringList(module.value(statement, 'resources')),
      principals: childBlocks(statement, 'principals').flatMap((principal) => stringList(module.value(principal, 'identifiers'))),
      place: actions ?? statement
    };
  });
}

/** True when a statement allows every action: `*`, or `<service>:*` when `serviceWildcard` is set. */
export function allowsAllActions(statement: PolicyStatement, serviceWildcard = false): boolean {
  if (statement.effect !== 'Allow' || statement.notActions) {
    return false;
  }
  return statement.actions.some((action) => action === '*' || (serviceWildcard && /^[a-z0-9-]+:\*$/i.test(action)));
}

export function expressionLine(expression: HclExpression | undefined): number | undefined {
  return expression?.line;
}
