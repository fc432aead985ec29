import { collectReferences, type HclAttribute, type HclBlock, type HclExpression, type HclFile } from '../hcl.js';

/** A `resource` or `module` block with the file it sits in. */
export interface TerraformResource {
  /** Resource type such as `aws_s3_bucket`, or `module` for a module call. */
  type: string;
  name: string;
  path: string;
  block: HclBlock;
}

/** Marker for a value that cannot be known without running Terraform. */
export const UNKNOWN = Symbol('unknown');
export type TerraformValue = string | number | boolean | null | TerraformValue[] | { [key: string]: TerraformValue } | typeof UNKNOWN;

/** Deepest chain of variable and local references followed before giving up. */
const MAX_RESOLVE_DEPTH = 16;

/**
 * The Terraform files of one folder (one module), with variable defaults and locals so that
 * policies can compare literal values wherever they were written.
 */
export class TerraformModule {
  readonly resources: TerraformResource[] = [];
  /** `data` blocks, with the data source type in `type`. */
  readonly data: TerraformResource[] = [];
  private readonly variables = new Map<string, HclExpression>();
  private readonly locals = new Map<string, HclExpression>();

  constructor(files: Array<{ path: string; file: HclFile }>) {
    for (const { path, file } of files) {
      for (const block of file.blocks) {
        this.addBlock(path, block);
      }
    }
  }

  private addBlock(path: string, block: HclBlock): void {
    if (block.type === 'resource' && block.labels.length === 2) {
      this.resources.push({ type: block.labels[0]!, name: block.labels[1]!, path, block });
    } else if (block.type === 'data' && block.labels.length === 2) {
      this.data.push({ type: block.labels[0]!, name: block.labels[1]!, path, block });
    } else if (block.type === 'module' && block.labels.length === 1) {
      this.resources.push({ type: 'module', name: block.labels[0]!, path, block });
    } else if (block.type === 'variable' && block.labels.length === 1) {
      const fallback = block.attributes.get('default');
      if (fallback) {
        this.variables.set(block.labels[0]!, fallback.value);
      }
    } else if (block.type === 'locals') {
      for (const [name, attribute] of block.attributes) {
        this.locals.set(name, attribute.value);
      }
    }
  }

  ofType(...types: string[]): TerraformResource[] {
    return this.resources.filter((resource) => types.includes(resource.type));
  }

  dataSources(type: string): TerraformResource[] {
    return this.data.filter((source) => source.type === type);
  }

  /**
   * Returns the value of an expression with `var.*` taken from variable defaults and
   * `local.*` from locals, or UNKNOWN for anything that needs a plan.
   */
  resolve(expression: HclExpression | undefined, depth = 0): TerraformValue {
    if (!expression || depth > MAX_RESOLVE_DEPTH) {
      return UNKNOWN;
    }
    switch (expression.kind) {
      case 'literal':
        return expression.value;
      case 'tuple':
        return expression.items.map((item) => this.resolve(item, depth + 1));
      case 'object':
        return Object.fromEntries(expression.items.map((item) => [item.key, this.resolve(item.value, depth + 1)]));
      case 'template': {
        let text = '';
        for (const part of expression.parts) {
          const value = 'text' in part ? part.text : this.resolve(part.expression, depth + 1);
          if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            return UNKNOWN;
          }
          text += String(value);
        }
        return text;
      }
      case 'reference':
        return this.resolveReference(expression.path, depth);
      case 'call':
        return this.resolveCall(expression.name, expression.args.map((arg) => this.resolve(arg, depth + 1)));
      default:
        return UNKNOWN;
    }
  }

  /** Evaluates the few functions that matter for policies; any other call is UNKNOWN. */
  private resolveCall(name: string, args: TerraformValue[]): TerraformValue {
    const [first] = args;
    if (args.length !== 1 || first === undefined || containsUnknown(first)) {
      return UNKNOWN;
    }
    switch (name) {
      case 'jsonencode':
        return JSON.stringify(first);
      case 'tolist':
      case 'toset':
        return Array.isArray(first) ? first : UNKNOWN;
      case 'tostring':
        return typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean' ? String(first) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private resolveReference(path: string[], depth: number): TerraformValue {
    const [root, name, ...rest] = path;
    let value: TerraformValue = UNKNOWN;
    if (root === 'var' && name !== undefined) {
      value = this.resolve(this.variables.get(name), depth + 1);
    } else if (root === 'local' && name !== undefined) {
      value = this.resolve(this.locals.get(name), depth + 1);
    }
    for (const key of rest) {
      if (value === null || typeof value !== 'object') {
        return UNKNOWN;
      }
      value = Array.isArray(value) ? (value[Number(key)] ?? UNKNOWN) : (value[key] ?? UNKNOWN);
    }
    return value;
  }

  /** Resolves an attribute of a block. */
  value(block: HclBlock, name: string): TerraformValue {
    return this.resolve(block.attributes.get(name)?.value);
  }

  /**
   * Returns the resources of `types` whose `attribute` points at `target`: by a reference
   * such as `aws_s3_bucket.logs.id`, or by the same literal value as the target's
   * `nameAttribute` (a bucket name written twice).
   */
  referencing(target: TerraformResource, types: string[], attribute: string, nameAttribute?: string): TerraformResource[] {
    const targetName = nameAttribute ? this.value(target.block, nameAttribute) : UNKNOWN;
    return this.ofType(...types).filter((resource) => {
      const expression = resource.block.attributes.get(attribute)?.value;
      if (!expression) {
        return false;
      }
      if (refersTo(expression, target)) {
        return true;
      }
      const literal = this.resolve(expression);
      return typeof targetName === 'string' && literal === targetName;
    });
  }
}

function containsUnknown(value: TerraformValue): boolean {
  if (value === UNKNOWN) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsUnknown);
  }
  return value !== null && typeof value === 'object' && Object.values(value).some(containsUnknown);
}

/** True when the expression contains a reference to `<type>.<name>`. */
export function refersTo(expression: HclExpression, target: TerraformResource): boolean {
  const paths = collect(expression);
  return paths.some((path) => path[0] === target.type && path[1] === target.name);
}

function collect(expression: HclExpression): string[][] {
  return collectReferences(expression);
}

/** Child blocks of a type, such as every `ingress` block of a security group. */
export function childBlocks(block: HclBlock, type: string): HclBlock[] {
  return block.blocks.filter((child) => child.type === type);
}

export function attribute(block: HclBlock, name: string): HclAttribute | undefined {
  return block.attributes.get(name);
}
