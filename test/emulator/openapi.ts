import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

/** The REST operations the emulator serves, as templated in GitHub's OpenAPI description. */
export const EMULATED_ROUTES = [
  { method: 'GET', template: '/repos/{owner}/{repo}/pulls/{pull_number}/files' },
  { method: 'POST', template: '/repos/{owner}/{repo}/check-runs' },
  { method: 'GET', template: '/repos/{owner}/{repo}/check-runs/{check_run_id}' },
  { method: 'PATCH', template: '/repos/{owner}/{repo}/check-runs/{check_run_id}' },
  { method: 'GET', template: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations' },
  { method: 'GET', template: '/repos/{owner}/{repo}/commits/{ref}/check-runs' },
  { method: 'GET', template: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  { method: 'POST', template: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
  { method: 'PATCH', template: '/repos/{owner}/{repo}/issues/comments/{comment_id}' },
  { method: 'DELETE', template: '/repos/{owner}/{repo}/issues/comments/{comment_id}' },
  { method: 'POST', template: '/repos/{owner}/{repo}/code-scanning/sarifs' }
] as const;

export type EmulatedRoute = (typeof EMULATED_ROUTES)[number];

/** One operation of the OpenAPI description, reduced to what request validation needs. */
export interface Operation {
  method: string;
  template: string;
  operationId: string;
  documentationUrl: string;
  /** Validates path and query values and returns them coerced to their schema types. */
  parseParameters(values: Record<string, string>): { values: Record<string, unknown> } | { error: string };
  /** Returns GitHub's "Invalid request" message for a body that fails the schema, or undefined for a valid body. */
  validateBody(body: unknown): string | undefined;
  /** Returns the response schema validator for a status code, compiled on first use, or undefined if there is none. */
  responseValidator(status: number): ValidateFunction | undefined;
}

interface OperationMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

interface RawOperation {
  operationId: string;
  externalDocs?: { url: string };
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: SchemaNode; 'x-multi-segment'?: boolean }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SchemaNode }> };
  responses: Record<string, { content?: Record<string, { schema?: SchemaNode }> }>;
}

type SchemaNode = { [key: string]: unknown };

interface CompiledRoute {
  operation: Operation;
  pattern: RegExp;
  paramNames: string[];
}

const DESCRIPTION_MODULE = '@octokit/openapi/generated/api.github.com.deref.json';

/** Keys dropped from extracted schemas because they only document them. */
const DOCUMENTATION_KEYS = new Set(['description', 'example', 'examples', 'externalDocs', 'nullable']);

let compiledRoutes: CompiledRoute[] | undefined;
let loadMilliseconds: number | undefined;

/**
 * Loads GitHub's dereferenced OpenAPI description once per process and compiles validators for
 * the emulated routes. The 73 MB document is parsed, reduced to those operations and released.
 */
export function loadOperations(): CompiledRoute[] {
  if (compiledRoutes !== undefined) {
    return compiledRoutes;
  }

  const started = performance.now();
  const require = createRequire(import.meta.url);
  const document = JSON.parse(readFileSync(require.resolve(DESCRIPTION_MODULE), 'utf8')) as {
    paths: Record<string, Record<string, RawOperation>>;
  };
  const bodyAjv = createAjv(false);
  const parameterAjv = createAjv(true);

  compiledRoutes = EMULATED_ROUTES.map((route) => {
    const raw = document.paths[route.template]?.[route.method.toLowerCase()];
    if (raw === undefined) {
      throw new Error(`${DESCRIPTION_MODULE} has no operation ${route.method} ${route.template}`);
    }
    return compileRoute(route, raw, bodyAjv, parameterAjv);
  });
  loadMilliseconds = performance.now() - started;
  return compiledRoutes;
}

/** Milliseconds the first loadOperations() call took, or undefined before it ran. */
export function openApiLoadMilliseconds(): number | undefined {
  return loadMilliseconds;
}

/** Finds the emulated operation for a method and a request path, with the raw path parameters. */
export function matchOperation(method: string, pathname: string): OperationMatch | undefined {
  for (const route of loadOperations()) {
    if (route.operation.method !== method) {
      continue;
    }
    const match = route.pattern.exec(pathname);
    if (match === null) {
      continue;
    }
    const pathParams: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(match[index + 1]);
    });
    return { operation: route.operation, pathParams };
  }
  return undefined;
}

/** Finds an emulated operation by its template, for tests that check response shapes. */
export function operationFor(method: EmulatedRoute['method'], template: EmulatedRoute['template']): Operation {
  const route = loadOperations().find((candidate) => candidate.operation.method === method && candidate.operation.template === template);
  if (route === undefined) {
    throw new Error(`${method} ${template} is not an emulated operation`);
  }
  return route.operation;
}

function createAjv(coerceTypes: boolean): Ajv {
  // strict: false because the description uses keywords that are not JSON Schema (discriminator,
  // x-* extensions) and OpenAPI-only formats. verbose keeps the failing value for the messages.
  const ajv = new Ajv({ strict: false, allErrors: false, verbose: true, coerceTypes, useDefaults: coerceTypes });
  const addFormats = (formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule;
  (addFormats as unknown as (instance: Ajv) => void)(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && Math.abs(value) <= 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  return ajv;
}

function compileRoute(route: EmulatedRoute, raw: RawOperation, bodyAjv: Ajv, parameterAjv: Ajv): CompiledRoute {
  const parameters = (raw.parameters ?? []).filter((parameter) => parameter.in === 'path' || parameter.in === 'query');
  const paramNames: string[] = [];
  const patternSource = route.template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    paramNames.push(name);
    const multiSegment = parameters.find((parameter) => parameter.name === name)?.['x-multi-segment'] === true;
    return multiSegment ? '(.+)' : '([^/]+)';
  });

  const parameterSchema = {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, toJsonSchema(parameter.schema)])),
    required: parameters.filter((parameter) => parameter.required === true).map((parameter) => parameter.name)
  };
  const validateParameters = parameterAjv.compile(parameterSchema);

  const rawBodySchema = raw.requestBody?.content?.['application/json']?.schema;
  const validateBodySchema = rawBodySchema === undefined ? undefined : bodyAjv.compile(toJsonSchema(rawBodySchema));
  const bodyRequired = raw.requestBody?.required === true;

  const responseSchemas = new Map<number, SchemaNode>();
  for (const [status, response] of Object.entries(raw.responses)) {
    const schema = response.content?.['application/json']?.schema;
    if (schema !== undefined) {
      responseSchemas.set(Number(status), toJsonSchema(schema));
    }
  }
  const responseValidators = new Map<number, ValidateFunction>();

  const operation: Operation = {
    method: route.method,
    template: route.template,
    operationId: raw.operationId,
    documentationUrl: documentationUrl(raw),

    parseParameters(values) {
      const copy: Record<string, unknown> = { ...values };
      if (validateParameters(copy)) {
        return { values: copy };
      }
      return { error: describeSchemaErrors(validateParameters.errors ?? []) };
    },

    validateBody(body) {
      if (validateBodySchema === undefined) {
        return undefined;
      }
      if (body === undefined && !bodyRequired) {
        return undefined;
      }
      const value = body === undefined ? null : body;
      return validateBodySchema(value) ? undefined : describeSchemaErrors(validateBodySchema.errors ?? []);
    },

    responseValidator(status) {
      const cached = responseValidators.get(status);
      if (cached !== undefined) {
        return cached;
      }
      const schema = responseSchemas.get(status);
      if (schema === undefined) {
        return undefined;
      }
      // A separate instance without type coercion validates the body exactly as it was sent.
      const validator = createAjv(false).compile(schema);
      responseValidators.set(status, validator);
      return validator;
    }
  };
  return { operation, pattern: new RegExp(`^${patternSource}$`), paramNames };
}

/**
 * Returns the operation's externalDocs URL. Some of these use the older /rest/reference/ form, so
 * a live reply from GitHub may name a different page for the same operation.
 */
function documentationUrl(raw: RawOperation): string {
  return raw.externalDocs?.url ?? 'https://docs.github.com/rest';
}

/**
 * Copies an OpenAPI 3.0 schema into plain JSON Schema: documentation keys and x-* extensions are
 * dropped, and `nullable: true` becomes a union with null (Ajv would otherwise still apply an enum
 * that lacks null).
 */
export function toJsonSchema(node: unknown): SchemaNode {
  if (Array.isArray(node)) {
    return node.map((item) => toJsonSchema(item)) as unknown as SchemaNode;
  }
  if (node === null || typeof node !== 'object') {
    return node as SchemaNode;
  }

  const copy: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOCUMENTATION_KEYS.has(key) || key.startsWith('x-') || (key === 'title' && typeof value === 'string')) {
      continue;
    }
    copy[key] = key === 'properties' ? mapValues(value, toJsonSchema) : toJsonSchema(value);
  }

  if ((node as SchemaNode).nullable !== true) {
    return copy;
  }
  if (typeof copy.type === 'string') {
    copy.type = [copy.type, 'null'];
    if (Array.isArray(copy.enum) && !copy.enum.includes(null)) {
      copy.enum = [...copy.enum, null];
    }
    return copy;
  }
  return { anyOf: [copy, { type: 'null' }] };
}

function mapValues(value: unknown, transform: (item: unknown) => SchemaNode): SchemaNode {
  if (value === null || typeof value !== 'object') {
    return value as SchemaNode;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, transform(item)]));
}

/**
 * Phrases the first schema error the way GitHub's request validator does, for example
 * `"title" wasn't supplied.` or `Only 65535 characters are allowed; 65536 were supplied.`
 * NOTE: the phrasing for required, maxLength, maxItems, enum and root-type errors comes from
 * GitHub error bodies quoted in public bug reports. For other keywords it is an approximation.
 */
export function describeSchemaErrors(errors: ErrorObject[]): string {
  const error = pickError(errors);
  if (error === undefined) {
    return 'Invalid request.';
  }
  return `Invalid request.\n\n${describeError(error)}`;
}

/** Prefers a branch error over the anyOf/oneOf summary that follows it, because it names the field. */
function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  const specific = errors.find((error) => !['anyOf', 'oneOf', 'if'].includes(error.keyword));
  return specific ?? errors[0];
}

function describeError(error: ErrorObject): string {
  const where = `For '${schemaPointer(error.instancePath)}'`;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required':
      return `"${String(params.missingProperty)}" wasn't supplied.`;
    case 'additionalProperties':
      return `"${String(params.additionalProperty)}" is not a permitted key.`;
    case 'maxLength':
      return `Only ${String(params.limit)} characters are allowed; ${Array.from(String(error.data)).length} were supplied.`;
    case 'maxItems':
      return `No more than ${String(params.limit)} items are allowed; ${(error.data as unknown[]).length} were supplied.`;
    case 'minLength':
      return `${where}, ${rubyInspect(error.data)} is too short (minimum is ${String(params.limit)} characters).`;
    case 'enum':
      return `${where}, ${rubyInspect(error.data)} is not a member of ${rubyInspect(params.allowedValues)}.`;
    case 'type':
      return `${where}, ${rubyInspect(error.data)} is not ${withArticle(String(params.type))}.`;
    case 'pattern':
      return `${where}, ${rubyInspect(error.data)} does not match /${String(params.pattern)}/.`;
    case 'format':
      return `${where}, ${rubyInspect(error.data)} is not a valid ${String(params.format)}.`;
    default:
      return `${where}, ${rubyInspect(error.data)} ${error.message ?? 'is invalid'}.`;
  }
}

/** Converts an instance path to GitHub's form: 'links/0/schema' for the body itself, 'properties/<name>' for a member. */
function schemaPointer(instancePath: string): string {
  if (instancePath === '') {
    return 'links/0/schema';
  }
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? `items/${segment}` : `properties/${segment}`))
    .join('/');
}

/** Prints a value as GitHub's Ruby validator does: null is nil and array items are separated by ", ". */
function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) {
    return 'nil';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => rubyInspect(item)).join(', ')}]`;
  }
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function withArticle(type: string): string {
  const name = type.replace(/,null$/, '');
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
