import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { Logger } from '@devsecops/core';
import { ToolError } from './errors.js';

export interface DownloadOptions {
  tool: string;
  url: string;
  destination: string;
  logger: Logger;
  /** Limit for each attempt, in milliseconds. */
  timeoutMs: number;
  maxBytes: number;
  attempts: number;
  /** Wait before the first retry, doubled for each one after. */
  retryWaitMs: number;
}

const MAX_REDIRECTS = 10;

/** A failure worth another attempt: a network error, a timeout, HTTP 5xx, 408 or 429. */
class TransientDownloadError extends Error {}

class SizeLimitError extends Error {}

/**
 * Downloads `url` to `destination` following redirects, with a size and time bound per
 * attempt, retrying transient failures. Returns the sha256 (lower-case hex) of the file.
 */
export async function downloadFile(options: DownloadOptions): Promise<string> {
  const { logger, tool, url } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      logger.info(`Downloading ${tool} from ${url}`);
      return await downloadOnce(options);
    } catch (error) {
      await rm(options.destination, { force: true });
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof TransientDownloadError) || attempt >= options.attempts) {
        throw new ToolError(tool, `download of ${tool} from ${url} failed after ${attempt} attempt(s): ${message}`);
      }
      const waitMs = options.retryWaitMs * 2 ** (attempt - 1);
      logger.warning(`Download of ${tool} failed (${message}); waiting ${waitMs} ms before attempt ${attempt + 1} of ${options.attempts}`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** Only HTTPS, except plain HTTP to this machine, which the tests' local server uses. */
function checkProtocol(url: URL): void {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) {
    return;
  }
  throw new Error(`rejected ${url.protocol} URL ${url.href}: release assets are downloaded over HTTPS only`);
}

function downloadOnce(options: DownloadOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let request: http.ClientRequest | undefined;
    let response: http.IncomingMessage | undefined;
    const deadline = setTimeout(() => {
      const error = new TransientDownloadError(`timed out after ${options.timeoutMs} ms`);
      response?.destroy(error);
      request?.destroy(error);
    }, options.timeoutMs);

    const fail = (error: Error): void => {
      clearTimeout(deadline);
      reject(error);
    };

    const get = (current: URL, redirects: number): void => {
      try {
        checkProtocol(current);
      } catch (error) {
        fail(error as Error);
        return;
      }
      const client = current.protocol === 'https:' ? https : http;
      request = client.get(current, { headers: { 'User-Agent': 'devsecops-actions' } }, (incoming) => {
        response = incoming;
        const status = incoming.statusCode ?? 0;

        if (status >= 300 && status < 400 && incoming.headers.location) {
          incoming.resume();
          if (redirects >= MAX_REDIRECTS) {
            fail(new Error(`more than ${MAX_REDIRECTS} redirects`));
            return;
          }
          get(new URL(incoming.headers.location, current), redirects + 1);
          return;
        }

        if (status !== 200) {
          incoming.resume();
          const transient = status >= 500 || status === 408 || status === 429;
          const error = `HTTP ${status} from ${current.href}`;
          fail(transient ? new TransientDownloadError(error) : new Error(error));
          return;
        }

        const declared = Number(incoming.headers['content-length'] ?? 0);
        if (declared > options.maxBytes) {
          incoming.destroy();
          fail(new SizeLimitError(`the file is ${declared} bytes, over the limit of ${options.maxBytes}`));
          return;
        }

        const hash = createHash('sha256');
        const file = createWriteStream(options.destination);
        let received = 0;
        incoming.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > options.maxBytes) {
            incoming.destroy(new SizeLimitError(`the file is over the limit of ${options.maxBytes} bytes`));
            return;
          }
          hash.update(chunk);
        });
        incoming.on('error', (error) => {
          file.destroy();
          const known = error instanceof TransientDownloadError || error instanceof SizeLimitError;
          fail(known ? error : new TransientDownloadError(error.message));
        });
        incoming.pipe(file);
        file.on('error', (error) => fail(error));
        file.on('finish', () => {
          clearTimeout(deadline);
          resolve(hash.digest('hex'));
        });
      });
      request.on('error', (error) => {
        fail(error instanceof TransientDownloadError ? error : new TransientDownloadError(error.message));
      });
    };

    get(new URL(options.url), 0);
  });
}
