import { STATUS_CODES } from 'node:http';

/** What a route handler sends back. The server adds the common headers and records the status. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const GENERIC_DOCUMENTATION_URL = 'https://docs.github.com/rest';

/** GitHub's basic error body: `{ message, documentation_url, status }`, status being a string. */
export function errorReply(status: number, message: string, documentationUrl = GENERIC_DOCUMENTATION_URL): Reply {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } };
}

export function notFound(): Reply {
  return errorReply(404, 'Not Found');
}

/** The request-validation failure GitHub returns when a body or parameter fails the operation's schema. */
export function invalidRequest(message: string, documentationUrl: string): Reply {
  return errorReply(422, message, documentationUrl);
}

/** GitHub's model-validation failure: `Validation Failed` with one entry in `errors`. */
export function validationFailed(
  documentationUrl: string,
  error: { resource: string; code: string; field: string; message: string }
): Reply {
  return {
    status: 422,
    body: { message: 'Validation Failed', errors: [error], documentation_url: documentationUrl, status: '422' }
  };
}

/** Default body for an injected fault that did not give one. */
export function statusTextBody(status: number): { message: string; documentation_url: string; status: string } {
  return { message: STATUS_CODES[status] ?? `HTTP ${status}`, documentation_url: GENERIC_DOCUMENTATION_URL, status: String(status) };
}
