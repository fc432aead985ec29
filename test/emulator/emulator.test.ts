import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { Octokit } from '@octokit/rest';

import { operationFor, type EmulatedRoute } from './openapi.js';
import { GitHubEmulator, type Annotation, type PullFile } from './server.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
const repo = { owner: OWNER, repo: REPO };

/** Octokit logs every failed request with console.error, and the failures here are intended. */
const silentLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function client(emulator: GitHubEmulator, token = 'test-token'): Octokit {
  return new Octokit({ auth: token, baseUrl: emulator.url, log: silentLog });
}

function files(count: number): PullFile[] {
  return Array.from({ length: count }, (_, index) => ({ filename: `src/file-${index + 1}.ts`, patch: '@@ -1 +1,2 @@\n-old\n+new\n+more' }));
}

function annotations(count: number, firstLine = 1): Annotation[] {
  return Array.from({ length: count }, (_, index) => ({
    path: 'src/app.ts',
    start_line: firstLine + index,
    end_line: firstLine + index,
    annotation_level: 'warning',
    message: `finding ${firstLine + index}`
  }));
}

/** Awaits an octokit call that must fail and returns its HTTP status, body and headers. */
async function failure(call: Promise<unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const { status, response } = error as { status: number; response?: { data: unknown; headers: Record<string, unknown> } };
    return { status, data: response?.data, headers: response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}

/** Validates a response body against the operation's response schema and returns the errors as "path message" lines. */
function responseSchemaErrors(method: EmulatedRoute['method'], template: EmulatedRoute['template'], status: number, body: unknown): string[] {
  const validate = operationFor(method, template).responseValidator(status);
  if (validate === undefined) {
    throw new Error(`no response schema for ${method} ${template} ${status}`);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

function sarifLog(category: string): object {
  return {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'devsecops-sast' } }, automationDetails: { id: category }, results: [] }]
  };
}

describe('GitHubEmulator', () => {
  let emulator: GitHubEmulator;
  let octokit: Octokit;

  beforeEach(async () => {
    emulator = await GitHubEmulator.start({
      tokens: { 'test-token': 'write', 'fork-token': 'read' },
      pullFiles: { 7: files(250), 8: files(3005), 9: files(5) }
    });
    octokit = client(emulator);
  });

  afterEach(async () => {
    await emulator.close();
  });

  describe('pull request files', () => {
    test('three pages of 100, 100 and 50', async () => {
      const pages: Array<{ count: number; link: string | undefined }> = [];
      for (const page of [1, 2, 3]) {
        const response = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7, per_page: 100, page });
        pages.push({ count: response.data.length, link: response.headers.link });
      }

      const base = `${emulator.url}/repos/${OWNER}/${REPO}/pulls/7/files?per_page=100&page=`;
      expect(pages).toEqual([
        { count: 100, link: `<${base}2>; rel="next", <${base}3>; rel="last"` },
        { count: 100, link: `<${base}1>; rel="prev", <${base}3>; rel="next", <${base}3>; rel="last", <${base}1>; rel="first"` },
        { count: 50, link: `<${base}2>; rel="prev", <${base}1>; rel="first"` }
      ]);
    });

    test('paginate collects all 250 in order', async () => {
      const all = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 7, per_page: 100 });

      expect(all).toHaveLength(250);
      expect(all[0].filename).toBe('src/file-1.ts');
      expect(all[249].filename).toBe('src/file-250.ts');
      expect(all[0].additions).toBe(2);
      expect(all[0].deletions).toBe(1);
      expect(all[0].changes).toBe(3);
      expect(emulator.requests.map((request) => [request.query.page, request.status])).toEqual([
        [undefined, 200],
        ['2', 200],
        ['3', 200]
      ]);
    });

    test('default page size is 30', async () => {
      const response = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });

      expect(response.data).toHaveLength(30);
      expect(response.headers.link).toBe(
        `<${emulator.url}/repos/${OWNER}/${REPO}/pulls/7/files?page=2>; rel="next", <${emulator.url}/repos/${OWNER}/${REPO}/pulls/7/files?page=9>; rel="last"`
      );
    });

    test('per_page above 100 is served as 100', async () => {
      const response = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7, per_page: 500 });

      expect(response.data).toHaveLength(100);
    });

    test('listing stops at 3,000 files', async () => {
      const all = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 8, per_page: 100 });

      expect(all).toHaveLength(3000);
      expect(all[2999].filename).toBe('src/file-3000.ts');
      expect(emulator.requests).toHaveLength(30);
    });

    test('single page has no Link header', async () => {
      const response = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 9 });

      expect(response.data).toHaveLength(5);
      expect(response.headers.link).toBeUndefined();
    });

    test('unknown pull request is 404', async () => {
      const { status } = await failure(octokit.rest.pulls.listFiles({ ...repo, pull_number: 404 }));

      expect(status).toBe(404);
    });

    test('non-integer per_page is 422', async () => {
      const { status, data } = await failure(octokit.request(`GET /repos/${OWNER}/${REPO}/pulls/7/files?per_page=many`));

      expect(status).toBe(422);
      expect(data).toEqual({
        message: `Invalid request.\n\nFor 'properties/per_page', "many" is not an integer.`,
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
        status: '422'
      });
    });

    test('files response matches the schema', async () => {
      const response = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 9 });

      expect(responseSchemaErrors('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', 200, response.data)).toEqual([]);
    });
  });

  describe('check runs', () => {
    test('annotations accumulate over updates: 50 + 50 + 20', async () => {
      const created = await octokit.rest.checks.create({
        ...repo,
        name: 'devsecops',
        head_sha: HEAD_SHA,
        status: 'in_progress',
        output: { title: 'Scanning', summary: 'first batch', annotations: annotations(50, 1) }
      });
      const id = created.data.id;
      await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { title: 'Scanning', summary: 'second batch', annotations: annotations(50, 51) } });
      const final = await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        conclusion: 'failure',
        output: { title: '120 findings', summary: 'done', annotations: annotations(20, 101) }
      });

      expect(created.status).toBe(201);
      expect(final.data.status).toBe('completed');
      expect(final.data.conclusion).toBe('failure');
      expect(final.data.output.annotations_count).toBe(120);
      expect(final.data.output.title).toBe('120 findings');
      expect(final.data.output.summary).toBe('done');
      expect(emulator.checkRuns).toHaveLength(1);
      expect(emulator.checkRuns[0].output.annotations).toHaveLength(120);
      expect(emulator.checkRuns[0].output.annotations[119].message).toBe('finding 120');

      const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, { ...repo, check_run_id: id, per_page: 100 });
      expect(listed).toHaveLength(120);
      expect(listed[50]).toEqual({
        path: 'src/app.ts',
        blob_href: `${emulator.url}/${OWNER}/${REPO}/blob/${HEAD_SHA}/src/app.ts`,
        start_line: 51,
        end_line: 51,
        start_column: null,
        end_column: null,
        annotation_level: 'warning',
        title: null,
        message: 'finding 51',
        raw_details: null
      });
    });

    test('51 annotations are rejected with 422', async () => {
      const { status, data } = await failure(
        octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA, output: { title: 't', summary: 's', annotations: annotations(51) } })
      );

      expect(status).toBe(422);
      expect(data).toEqual({
        message: 'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.',
        documentation_url: 'https://docs.github.com/rest/reference/checks#create-a-check-run',
        status: '422'
      });
      expect(emulator.checkRuns).toHaveLength(0);
    });

    test.each([
      ['summary', { title: 't', summary: 'x'.repeat(65536) }],
      ['text', { title: 't', summary: 's', text: 'x'.repeat(65536) }]
    ])('%s of 65,536 characters is rejected', async (_field, output) => {
      const { status, data } = await failure(octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA, output }));

      expect(status).toBe(422);
      expect((data as { message: string }).message).toBe('Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.');
    });

    test('summary of 65,535 characters is accepted', async () => {
      const response = await octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA, output: { title: 't', summary: 'x'.repeat(65535) } });

      expect(response.status).toBe(201);
      expect(emulator.checkRuns[0].output.summary).toHaveLength(65535);
    });

    test('summary over 65,535 UTF-8 bytes is rejected', async () => {
      // 30,000 euro signs are 30,000 characters but 90,000 bytes.
      const { status, data } = await failure(
        octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA, output: { title: 't', summary: '€'.repeat(30000) } })
      );

      expect(status).toBe(422);
      expect(data).toEqual({
        message: 'Validation Failed',
        errors: [{ resource: 'CheckRun', code: 'custom', field: 'summary', message: 'summary exceeds a maximum bytesize of 65535' }],
        documentation_url: 'https://docs.github.com/rest/reference/checks#create-a-check-run',
        status: '422'
      });
    });

    test.each([
      ['unknown status', { status: 'bogus' }, `Invalid request.\n\nFor 'properties/status', "bogus" is not a member of ["queued", "in_progress", "completed"].`],
      ['output without title', { output: { summary: 's' } }, `Invalid request.\n\n"title" wasn't supplied.`],
      ['completed without conclusion', { status: 'completed' }, `Invalid request.\n\n"conclusion" wasn't supplied.`],
      ['completed_at without conclusion', { completed_at: '2024-05-04T01:14:52Z' }, `Invalid request.\n\n"conclusion" wasn't supplied.`],
      ['a name that is a number', { name: 42 }, `Invalid request.\n\nFor 'properties/name', 42 is not a string.`],
      ['annotation without message', { output: { title: 't', summary: 's', annotations: [{ path: 'a', start_line: 1, end_line: 1, annotation_level: 'notice' }] } }, `Invalid request.\n\n"message" wasn't supplied.`]
    ])('create with %s is 422', async (_case, fields, message) => {
      const { status, data } = await failure(octokit.request(`POST /repos/${OWNER}/${REPO}/check-runs`, { name: 'devsecops', head_sha: HEAD_SHA, ...fields }));

      expect(status).toBe(422);
      expect((data as { message: string }).message).toBe(message);
      expect(emulator.requests.map((request) => request.status)).toEqual([422]);
    });

    test('create without a body is 422', async () => {
      const { status, data } = await failure(octokit.request(`POST /repos/${OWNER}/${REPO}/check-runs`));

      expect(status).toBe(422);
      expect((data as { message: string }).message).toBe(`Invalid request.\n\nFor 'links/0/schema', nil is not an object.`);
      expect(emulator.requests[0].body).toBeUndefined();
    });

    test('update to completed without conclusion is 422', async () => {
      const created = await octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA });

      const { status, data } = await failure(octokit.rest.checks.update({ ...repo, check_run_id: created.data.id, status: 'completed' }));

      expect(status).toBe(422);
      expect((data as { message: string }).message).toBe(`Invalid request.\n\n"conclusion" wasn't supplied.`);
    });

    test('update of unknown check run is 404', async () => {
      const { status } = await failure(octokit.rest.checks.update({ ...repo, check_run_id: 999, status: 'in_progress' }));

      expect(status).toBe(404);
    });

    test('list for ref filters by check_name', async () => {
      await octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA });
      await octokit.rest.checks.create({ ...repo, name: 'lint', head_sha: HEAD_SHA });
      await octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: 'f'.repeat(40) });

      const named = await octokit.rest.checks.listForRef({ ...repo, ref: HEAD_SHA, check_name: 'devsecops' });
      const all = await octokit.rest.checks.listForRef({ ...repo, ref: HEAD_SHA });

      expect(named.data.total_count).toBe(1);
      expect(named.data.check_runs.map((run) => [run.id, run.name])).toEqual([[1001, 'devsecops']]);
      expect(all.data.check_runs.map((run) => run.name)).toEqual(['lint', 'devsecops']);
      expect(responseSchemaErrors('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', 200, all.data)).toEqual([]);
    });

    test('responses match the schemas', async () => {
      const created = await octokit.rest.checks.create({
        ...repo,
        name: 'devsecops',
        head_sha: HEAD_SHA,
        output: { title: 't', summary: 's', annotations: annotations(2) }
      });
      const fetched = await octokit.rest.checks.get({ ...repo, check_run_id: created.data.id });
      const updated = await octokit.rest.checks.update({ ...repo, check_run_id: created.data.id, conclusion: 'success' });
      const listed = await octokit.rest.checks.listAnnotations({ ...repo, check_run_id: created.data.id });

      expect(responseSchemaErrors('POST', '/repos/{owner}/{repo}/check-runs', 201, created.data)).toEqual([]);
      expect(responseSchemaErrors('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', 200, fetched.data)).toEqual([]);
      expect(responseSchemaErrors('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', 200, updated.data)).toEqual([]);
      expect(responseSchemaErrors('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', 200, listed.data)).toEqual([]);
    });

    test('schema check catches a wrong shape', async () => {
      const created = await octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA });

      const broken = { ...created.data, status: 'finished' };

      expect(responseSchemaErrors('POST', '/repos/{owner}/{repo}/check-runs', 201, broken)).toEqual(['/status must be equal to one of the allowed values']);
    });
  });

  describe('issue comments', () => {
    test('create, list, update and delete', async () => {
      const seededId = emulator.seedComment(12, 'Looks good to me', 'octocat');

      const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 12, body: '<!-- devsecops -->\n3 findings' });
      const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 12 });
      const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: '<!-- devsecops -->\n0 findings' });
      const deleted = await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });
      const after = await octokit.rest.issues.listComments({ ...repo, issue_number: 12 });

      expect(created.status).toBe(201);
      expect(created.headers.location).toBe(`${emulator.url}/repos/${OWNER}/${REPO}/issues/comments/${created.data.id}`);
      expect(created.data.user?.login).toBe('github-actions[bot]');
      expect(created.data.user?.type).toBe('Bot');
      expect(listed.data.map((comment) => [comment.id, comment.user?.login, comment.body])).toEqual([
        [seededId, 'octocat', 'Looks good to me'],
        [created.data.id, 'github-actions[bot]', '<!-- devsecops -->\n3 findings']
      ]);
      expect(updated.data.body).toBe('<!-- devsecops -->\n0 findings');
      expect(deleted.status).toBe(204);
      expect(after.data.map((comment) => comment.id)).toEqual([seededId]);
      expect(emulator.comments.map((comment) => comment.id)).toEqual([seededId]);
    });

    test('comments of other issues are not listed', async () => {
      emulator.seedComment(1, 'on issue 1');
      emulator.seedComment(2, 'on issue 2');

      const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 2 });

      expect(listed.data.map((comment) => comment.body)).toEqual(['on issue 2']);
    });

    test('35 comments page as 30 and 5', async () => {
      for (let index = 1; index <= 35; index += 1) {
        emulator.seedComment(3, `comment ${index}`);
      }

      const first = await octokit.rest.issues.listComments({ ...repo, issue_number: 3 });
      const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 3 });

      expect(first.data).toHaveLength(30);
      expect(first.headers.link).toContain('rel="next"');
      expect(all).toHaveLength(35);
      expect(all[34].body).toBe('comment 35');
    });

    test.each([
      ['create', 65537, 422],
      ['create', 65536, 201]
    ])('%s with a body of %i characters is %i', async (_operation, length, expectedStatus) => {
      const body = 'y'.repeat(length);

      const status = await octokit.rest.issues.createComment({ ...repo, issue_number: 4, body }).then(
        (response) => response.status,
        (error: { status: number }) => error.status
      );

      expect(status).toBe(expectedStatus);
    });

    test('too long body gets the Validation Failed shape', async () => {
      const id = emulator.seedComment(4, 'short');

      const { status, data } = await failure(octokit.rest.issues.updateComment({ ...repo, comment_id: id, body: 'z'.repeat(70000) }));

      expect(status).toBe(422);
      expect(data).toEqual({
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' }],
        documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
        status: '422'
      });
      expect(emulator.comments[0].body).toBe('short');
    });

    test('missing body is 422', async () => {
      const { status, data } = await failure(octokit.request(`POST /repos/${OWNER}/${REPO}/issues/4/comments`, { text: 'wrong field' }));

      expect(status).toBe(422);
      expect((data as { message: string }).message).toBe(`Invalid request.\n\n"body" wasn't supplied.`);
    });

    test('responses match the schemas', async () => {
      const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 5, body: 'report' });
      const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 5 });
      const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'report 2' });

      expect(responseSchemaErrors('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 201, created.data)).toEqual([]);
      expect(responseSchemaErrors('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 200, listed.data)).toEqual([]);
      expect(responseSchemaErrors('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', 200, updated.data)).toEqual([]);
    });
  });

  describe('tokens', () => {
    test.each([
      ['create comment', (fork: Octokit) => fork.rest.issues.createComment({ ...repo, issue_number: 1, body: 'x' })],
      ['create check run', (fork: Octokit) => fork.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA })],
      ['upload SARIF', (fork: Octokit) => fork.rest.codeScanning.uploadSarif({ ...repo, commit_sha: HEAD_SHA, ref: 'refs/pull/1/head', sarif: 'H4sI' })]
    ])('read token gets 403 on %s', async (_operation, call) => {
      const { status, data } = await failure(call(client(emulator, 'fork-token')));

      expect(status).toBe(403);
      expect((data as { message: string }).message).toBe('Resource not accessible by integration');
      expect(emulator.checkRuns).toHaveLength(0);
      expect(emulator.comments).toHaveLength(0);
      expect(emulator.sarifUploads).toHaveLength(0);
    });

    test('read token may list files', async () => {
      const response = await client(emulator, 'fork-token').rest.pulls.listFiles({ ...repo, pull_number: 9 });

      expect(response.data).toHaveLength(5);
    });

    test('Bearer scheme is accepted', async () => {
      const response = await octokit.request(`GET /repos/${OWNER}/${REPO}/pulls/9/files`, { headers: { authorization: 'Bearer test-token' } });

      expect(response.status).toBe(200);
    });

    test('unknown token is 401', async () => {
      const { status, data } = await failure(client(emulator, 'stolen-token').rest.pulls.listFiles({ ...repo, pull_number: 9 }));

      expect(status).toBe(401);
      expect(data).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      expect(emulator.requests[0].token).toBe('stolen-token');
    });

    test('missing token is 401', async () => {
      const anonymous = new Octokit({ baseUrl: emulator.url, log: silentLog });

      const { status, data } = await failure(anonymous.rest.pulls.listFiles({ ...repo, pull_number: 9 }));

      expect(status).toBe(401);
      expect((data as { message: string }).message).toBe('Requires authentication');
    });
  });

  describe('faults', () => {
    test('502 twice, then success', async () => {
      emulator.inject({ method: 'POST', path: `/repos/${OWNER}/${REPO}/issues/6/comments`, status: 502, times: 2 });

      const first = await failure(octokit.rest.issues.createComment({ ...repo, issue_number: 6, body: 'report' }));
      const second = await failure(octokit.rest.issues.createComment({ ...repo, issue_number: 6, body: 'report' }));
      const third = await octokit.rest.issues.createComment({ ...repo, issue_number: 6, body: 'report' });

      expect([first.status, second.status, third.status]).toEqual([502, 502, 201]);
      expect(first.data).toEqual({ message: 'Bad Gateway', documentation_url: 'https://docs.github.com/rest', status: '502' });
      expect(emulator.requests.map((request) => request.status)).toEqual([502, 502, 201]);
      expect(emulator.requests.filter((request) => request.status === 502)).toHaveLength(2);
      expect(emulator.comments).toHaveLength(1);
    });

    test.each([403, 429])('secondary rate limit as %i with retry-after', async (status) => {
      const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
      emulator.inject({ path: /\/check-runs$/, status, times: 1, headers: { 'retry-after': '1' }, body: { message } });

      const rejected = await failure(octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA }));
      const accepted = await octokit.rest.checks.create({ ...repo, name: 'devsecops', head_sha: HEAD_SHA });

      expect(rejected.status).toBe(status);
      expect(rejected.headers['retry-after']).toBe('1');
      expect(rejected.data).toEqual({ message });
      expect(accepted.status).toBe(201);
      expect(emulator.checkRuns).toHaveLength(1);
    });

    test('fault for another method does not fire', async () => {
      emulator.inject({ method: 'DELETE', path: /comments/, status: 500, times: 1 });

      const response = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 });

      expect(response.status).toBe(200);
    });

    test('times must be positive', () => {
      expect(() => emulator.inject({ path: '/', status: 500, times: 0 })).toThrow('inject: times must be a positive integer, got 0');
    });
  });

  describe('code scanning', () => {
    test('SARIF upload is decoded and stored', async () => {
      const sarif = sarifLog('devsecops/sast');
      const encoded = gzipSync(JSON.stringify(sarif)).toString('base64');

      const response = await octokit.rest.codeScanning.uploadSarif({ ...repo, commit_sha: HEAD_SHA, ref: 'refs/pull/3/merge', sarif: encoded });

      expect(response.status).toBe(202);
      expect(response.data.url).toBe(`${emulator.url}/repos/${OWNER}/${REPO}/code-scanning/sarifs/${response.data.id}`);
      expect(emulator.sarifUploads).toHaveLength(1);
      expect(emulator.sarifUploads[0]).toEqual({
        id: response.data.id,
        commit_sha: HEAD_SHA,
        ref: 'refs/pull/3/merge',
        sarif,
        category: 'devsecops/sast',
        tool_name: undefined,
        checkout_uri: undefined
      });
    });

    test('SARIF over 10 MiB after gzip is 413', async () => {
      // Random bytes do not compress, so the gzip output stays above the limit.
      const encoded = gzipSync(randomBytes(10 * 1024 * 1024 + 1024)).toString('base64');

      const { status, data } = await failure(
        octokit.rest.codeScanning.uploadSarif({ ...repo, commit_sha: HEAD_SHA, ref: 'refs/heads/main', sarif: encoded })
      );

      expect(status).toBe(413);
      expect((data as { message: string }).message).toMatch(/^Payload Too Large: the sarif field is \d+ bytes after gzip; the maximum is 10485760 bytes\.$/);
      expect(emulator.sarifUploads).toHaveLength(0);
    });

    test.each([
      ['not base64', 'not base64!', 400],
      ['base64 of plain text', Buffer.from('{"runs":[]}').toString('base64'), 400]
    ])('SARIF that is %s is 400', async (_case, sarif, expectedStatus) => {
      const { status } = await failure(octokit.rest.codeScanning.uploadSarif({ ...repo, commit_sha: HEAD_SHA, ref: 'refs/heads/main', sarif }));

      expect(status).toBe(expectedStatus);
      expect(emulator.sarifUploads).toHaveLength(0);
    });

    test.each([
      ['an unknown field', { category: 'sast' }, `Invalid request.\n\n"category" is not a permitted key.`],
      ['a short commit sha', { commit_sha: 'abc123' }, `Invalid request.\n\nFor 'properties/commit_sha', "abc123" is too short (minimum is 40 characters).`],
      ['a ref outside refs/', { ref: 'main' }, `Invalid request.\n\nFor 'properties/ref', "main" does not match /^refs/(heads|tags|pull)/.*$/.`]
    ])('upload with %s is 422', async (_case, fields, message) => {
      const body = { commit_sha: HEAD_SHA, ref: 'refs/heads/main', sarif: gzipSync('{}').toString('base64'), ...fields };

      const { status, data } = await failure(octokit.request(`POST /repos/${OWNER}/${REPO}/code-scanning/sarifs`, body));

      expect(status).toBe(422);
      expect((data as { message: string }).message).toBe(message);
    });
  });

  describe('routing', () => {
    test.each([
      ['unknown route', 'GET', `/repos/${OWNER}/${REPO}/pulls/7/reviews`],
      ['unsupported method', 'PUT', `/repos/${OWNER}/${REPO}/check-runs/1001`],
      ['another repository', 'GET', `/repos/${OWNER}/other-repo/pulls/7/files`]
    ])('%s is 404 and recorded', async (_case, method, path) => {
      const { status, data } = await failure(octokit.request(`${method} ${path}`));

      expect(status).toBe(404);
      expect(data).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
      expect(emulator.requests).toEqual([{ method, path, query: {}, body: undefined, status: 404, token: 'test-token' }]);
    });

    test('owner and repository match in any case', async () => {
      const response = await octokit.rest.pulls.listFiles({ owner: 'Octo-Org', repo: 'OCTO-REPO', pull_number: 9 });

      expect(response.data).toHaveLength(5);
    });

    test('malformed JSON is 400', async () => {
      const response = await fetch(`${emulator.url}/repos/${OWNER}/${REPO}/check-runs`, {
        method: 'POST',
        headers: { authorization: 'token test-token', 'content-type': 'application/json' },
        body: '{"name": '
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' });
      expect(emulator.requests[0].body).toBe('{"name": ');
    });
  });
});
