import { RecordingLogger } from '@devsecops/core';

import { FakeGitHub, type ScriptedResponse } from './fake-github.js';

const SECONDARY_LIMIT_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

async function withScript(responses: ScriptedResponse[]) {
  let index = 0;
  const fake = await FakeGitHub.start(() => responses[Math.min(index++, responses.length - 1)]!);
  return fake;
}

describe('createClient', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  test('retries 502 twice then succeeds', async () => {
    fake = await withScript([
      { status: 502, body: { message: 'Bad Gateway' } },
      { status: 502, body: { message: 'Bad Gateway' } },
      { status: 200, body: { id: 1, name: 'repo' } }
    ]);
    const logger = new RecordingLogger();

    const response = await fake.client(logger).rest.repos.get({ owner: 'o', repo: 'r' });

    expect(response.status).toBe(200);
    expect(fake.requests).toHaveLength(3);
    expect(logger.messages('warning')).toEqual([
      'GitHub API returned 502 on GET /repos/{owner}/{repo}; retrying in 1 s (retry 1 of 3)',
      'GitHub API returned 502 on GET /repos/{owner}/{repo}; retrying in 4 s (retry 2 of 3)'
    ]);
  });

  test('gives up after three 5xx retries', async () => {
    fake = await withScript([{ status: 503, body: { message: 'Service Unavailable' } }]);

    await expect(fake.client(new RecordingLogger()).rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({
      status: 503
    });
    expect(fake.requests).toHaveLength(4);
  });

  test('retries secondary rate limit 403', async () => {
    fake = await withScript([
      { status: 403, body: { message: SECONDARY_LIMIT_MESSAGE }, headers: { 'retry-after': '2' } },
      { status: 201, body: { id: 7 } }
    ]);
    const logger = new RecordingLogger();

    const response = await fake
      .client(logger)
      .rest.checks.create({ owner: 'o', repo: 'r', name: 'devsecops', head_sha: 'a'.repeat(40) });

    expect(response.data.id).toBe(7);
    expect(fake.requests).toHaveLength(2);
    expect(logger.messages('warning')).toEqual([
      'GitHub secondary rate limit on POST /repos/{owner}/{repo}/check-runs; retrying in 2 s (retry 1 of 3)'
    ]);
  });

  test('retries secondary rate limit 429', async () => {
    fake = await withScript([
      { status: 429, body: { message: SECONDARY_LIMIT_MESSAGE }, headers: { 'retry-after': '1' } },
      { status: 429, body: { message: SECONDARY_LIMIT_MESSAGE }, headers: { 'retry-after': '1' } },
      { status: 200, body: { id: 1 } }
    ]);
    const logger = new RecordingLogger();

    await fake.client(logger).rest.repos.get({ owner: 'o', repo: 'r' });

    expect(fake.requests).toHaveLength(3);
    expect(logger.messages('warning')).toEqual([
      'GitHub secondary rate limit on GET /repos/{owner}/{repo}; retrying in 1 s (retry 1 of 3)',
      'GitHub secondary rate limit on GET /repos/{owner}/{repo}; retrying in 1 s (retry 2 of 3)'
    ]);
  });

  test('stops after three rate-limit retries', async () => {
    fake = await withScript([{ status: 403, body: { message: SECONDARY_LIMIT_MESSAGE }, headers: { 'retry-after': '1' } }]);
    const logger = new RecordingLogger();

    await expect(fake.client(logger).rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 403 });
    expect(fake.requests).toHaveLength(4);
    expect(logger.messages('error')).toEqual([
      'GitHub secondary rate limit on GET /repos/{owner}/{repo}; giving up after 3 retries'
    ]);
  });

  test('403 without retry-after fails at once', async () => {
    fake = await withScript([{ status: 403, body: { message: 'Resource not accessible by integration' } }]);
    const logger = new RecordingLogger();

    await expect(
      fake.client(logger).rest.checks.create({ owner: 'o', repo: 'r', name: 'devsecops', head_sha: 'a'.repeat(40) })
    ).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible by integration') });
    expect(fake.requests).toHaveLength(1);
    expect(logger.messages('warning')).toEqual([]);
  });

  test('sends token and user agent', async () => {
    fake = await withScript([{ status: 200, body: {} }]);

    await fake.client(new RecordingLogger()).rest.repos.get({ owner: 'o', repo: 'r' });

    expect(fake.requests[0]!.headers.authorization).toBe('token test-token');
    expect(String(fake.requests[0]!.headers['user-agent'])).toMatch(/^devsecops-actions /);
  });
});
