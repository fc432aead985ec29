import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HANDLERS, type RouteKey } from './handlers.js';
import { loadOperations, matchOperation } from './openapi.js';
import { errorReply, invalidRequest, notFound, statusTextBody, type Reply } from './replies.js';
import {
  BOT_LOGIN,
  EmulatorState,
  timestamp,
  userType,
  type PullFile,
  type SarifUpload,
  type StoredCheckRun,
  type StoredComment,
  type TokenPermission
} from './state.js';

export type { Annotation, PullFile, SarifUpload, StoredCheckRun, StoredComment, TokenPermission } from './state.js';
export { MAX_COMMENT_CHARACTERS, MAX_CHECK_OUTPUT_CHARACTERS, MAX_PULL_FILES, MAX_SARIF_GZIP_BYTES } from './handlers.js';

export interface EmulatorOptions {
  /** Repository owner the routes serve. Other owners get 404. Default 'octo-org'. */
  owner?: string;
  /** Repository name the routes serve. Default 'octo-repo'. */
  repo?: string;
  /**
   * Accepted tokens, sent as `Authorization: token X` or `Bearer X`. A 'read' token, like the
   * GITHUB_TOKEN of a pull request from a fork, gets 403 on every write. Default { 'test-token': 'write' }.
   */
  tokens?: Record<string, TokenPermission>;
  /** Files of each pull request, by pull request number. Other numbers get 404. */
  pullFiles?: Record<number, PullFile[]>;
}

export interface RecordedRequest {
  method: string;
  /** Request path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, the raw text when it was not JSON, or undefined when there was none. */
  body: unknown;
  status: number;
  token?: string;
}

export interface Fault {
  /** HTTP method to match, in any case. Every method matches when absent. */
  method?: string;
  /** Matched against the request path without the query string: a string must be equal, a RegExp must match. */
  path: RegExp | string;
  status: number;
  /** Number of matching requests that get this response before the route serves them normally again. */
  times: number;
  headers?: Record<string, string>;
  /** Response body. When absent, the body is GitHub's error shape with the status text. */
  body?: unknown;
}

/** Request bodies above this size get 413 before parsing. A 10 MB SARIF upload is about 14 MB as base64. */
const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/**
 * GitHub's REST API for the routes the report action uses, served from memory on 127.0.0.1 with
 * an ephemeral port. Every request is validated against GitHub's OpenAPI description and recorded.
 */
export class GitHubEmulator {
  readonly requests: RecordedRequest[] = [];

  private readonly faults: Fault[] = [];
  private readonly state: EmulatorState;
  private readonly tokens: Record<string, TokenPermission>;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    options: EmulatorOptions
  ) {
    this.tokens = options.tokens ?? { 'test-token': 'write' };
    const context = { baseUrl: url, owner: options.owner ?? 'octo-org', repo: options.repo ?? 'octo-repo' };
    this.state = new EmulatorState(context, options.pullFiles ?? {});
  }

  /** Starts a server on 127.0.0.1 with an ephemeral port. The first call in a process also loads the OpenAPI description. */
  static async start(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
    loadOperations();

    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });

    const { port } = server.address() as AddressInfo;
    const emulator = new GitHubEmulator(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void emulator.handle(request, response);
    });
    return emulator;
  }

  get checkRuns(): StoredCheckRun[] {
    return this.state.checkRuns;
  }

  get comments(): StoredComment[] {
    return this.state.comments;
  }

  get sarifUploads(): SarifUpload[] {
    return this.state.sarifUploads;
  }

  /** Makes the next `fault.times` matching requests get the fault's status, headers and body. */
  inject(fault: Fault): void {
    if (!Number.isInteger(fault.times) || fault.times < 1) {
      throw new Error(`inject: times must be a positive integer, got ${String(fault.times)}`);
    }
    if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
      throw new Error(`inject: status must be an HTTP status code, got ${String(fault.status)}`);
    }
    this.faults.push({ ...fault });
  }

  /** Stores a comment as if a user had posted it earlier and returns its id. */
  seedComment(issueNumber: number, body: string, login: string = BOT_LOGIN): number {
    if (!Number.isInteger(issueNumber) || issueNumber < 1) {
      throw new Error(`seedComment: issueNumber must be a positive integer, got ${String(issueNumber)}`);
    }
    const now = timestamp();
    const id = this.state.allocateCommentId();
    this.state.comments.push({ id, issue_number: issueNumber, body, user: { login, type: userType(login) }, created_at: now, updated_at: now });
    return id;
  }

  /** Stops the server and drops open keep-alive connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error === undefined ? resolve() : reject(error)));
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestUrl = new URL(request.url ?? '/', this.url);
    const method = (request.method ?? 'GET').toUpperCase();
    const token = parseToken(request.headers.authorization);
    const record: RecordedRequest = {
      method,
      path: requestUrl.pathname,
      query: Object.fromEntries(requestUrl.searchParams),
      body: undefined,
      status: 0
    };
    if (token !== undefined) {
      record.token = token;
    }
    this.requests.push(record);

    let reply: Reply;
    try {
      reply = await this.process(request, method, requestUrl, token, record);
    } catch (error) {
      // A failure here is an emulator defect, so the 500 body names it for the test output.
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      reply = errorReply(500, `GitHub emulator failed on ${method} ${requestUrl.pathname}: ${detail}`);
    }

    record.status = reply.status;
    send(response, reply);
  }

  /** Runs the checks in GitHub's order: faults, authentication, routing, permission, validation, then the handler. */
  private async process(
    request: IncomingMessage,
    method: string,
    requestUrl: URL,
    token: string | undefined,
    record: RecordedRequest
  ): Promise<Reply> {
    const raw = await readBody(request);
    if (raw === undefined) {
      return errorReply(413, `Request body is larger than ${MAX_REQUEST_BYTES} bytes.`);
    }
    if (raw.length > 0) {
      const text = raw.toString('utf8');
      try {
        record.body = JSON.parse(text);
      } catch {
        record.body = text;
        return errorReply(400, 'Problems parsing JSON');
      }
    }

    const fault = this.takeFault(method, requestUrl.pathname);
    if (fault !== undefined) {
      return { status: fault.status, body: fault.body ?? statusTextBody(fault.status), headers: fault.headers };
    }

    if (token === undefined) {
      return errorReply(401, 'Requires authentication');
    }
    const permission = this.tokens[token];
    if (permission === undefined) {
      return errorReply(401, 'Bad credentials');
    }

    const match = matchOperation(method, requestUrl.pathname);
    if (match === undefined || !this.isOwnRepository(match.pathParams)) {
      return notFound();
    }
    const { operation, pathParams } = match;

    if (permission !== 'write' && method !== 'GET') {
      return errorReply(403, 'Resource not accessible by integration', operation.documentationUrl);
    }

    const parsed = operation.parseParameters({ ...Object.fromEntries(requestUrl.searchParams), ...pathParams });
    if ('error' in parsed) {
      return invalidRequest(parsed.error, operation.documentationUrl);
    }
    const bodyError = operation.validateBody(record.body);
    if (bodyError !== undefined) {
      return invalidRequest(bodyError, operation.documentationUrl);
    }

    const handler = HANDLERS[`${operation.method} ${operation.template}` as RouteKey];
    return handler({
      state: this.state,
      operation,
      params: parsed.values,
      body: (record.body ?? {}) as Record<string, unknown>,
      requestUrl,
      login: BOT_LOGIN
    });
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => faultMatches(fault, method, path));
    if (index === -1) {
      return undefined;
    }
    const fault = this.faults[index];
    fault.times -= 1;
    if (fault.times === 0) {
      this.faults.splice(index, 1);
    }
    return fault;
  }

  /** Owner and repository names are case-insensitive on GitHub. */
  private isOwnRepository(pathParams: Record<string, string>): boolean {
    const { owner, repo } = this.state.context;
    return pathParams.owner.toLowerCase() === owner.toLowerCase() && pathParams.repo.toLowerCase() === repo.toLowerCase();
  }
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) {
    return false;
  }
  if (typeof fault.path === 'string') {
    return fault.path === path;
  }
  fault.path.lastIndex = 0;
  return fault.path.test(path);
}

function parseToken(header: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match === null ? undefined : match[1];
}

/** Reads the whole body, or returns undefined once it exceeds MAX_REQUEST_BYTES. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) {
      tooLarge = true;
    } else {
      chunks.push(buffer);
    }
  }
  return tooLarge ? undefined : Buffer.concat(chunks);
}

/**
 * Writes a reply with the headers GitHub sends on every response. Primary rate limits are not
 * enforced, so the x-ratelimit-* headers are fixed values. A fault can override any header.
 */
function send(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `EMU:${Math.random().toString(16).slice(2, 10).toUpperCase()}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600)
  };
  let payload = '';
  if (reply.status !== 204 && reply.body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    payload = JSON.stringify(reply.body);
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }

  response.writeHead(reply.status, headers);
  response.end(payload);
}
