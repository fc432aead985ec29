import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createClient, type GitHubClient } from '../src/client.js';
import type { Logger } from '@devsecops/core';

/** One request the fake server received, with its JSON body parsed. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (request: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>;

/**
 * A GitHub REST API stand-in on 127.0.0.1. It records every request and replies with the
 * test's route function, so the real octokit code runs end to end.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(route: Route): Promise<FakeGitHub> {
    let fake: FakeGitHub | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const text = Buffer.concat(chunks).toString('utf8');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          body: text ? JSON.parse(text) : undefined,
          headers: req.headers
        };
        fake!.requests.push(recorded);
        const response = await route(recorded);
        res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
        res.end(response.body === undefined ? '' : JSON.stringify(response.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeGitHub(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** Creates a client for this server with waits shrunk to milliseconds. */
  client(logger: Logger): GitHubClient {
    return createClient({ token: 'test-token', baseUrl: this.url, logger, retryAfterBaseValue: 1, paceWrites: false });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
