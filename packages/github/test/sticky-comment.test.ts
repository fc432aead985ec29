import { RecordingLogger } from '@devsecops/core';

import { GitHubEmulator } from '../../../test/emulator/server.js';
import { createClient } from '../src/client.js';
import {
  commentMarker,
  sanitizeCommentKey,
  upsertStickyComment,
  type UpsertStickyCommentOptions
} from '../src/sticky-comment.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;

describe('sanitizeCommentKey', () => {
  test.each([
    ['security', 'security'],
    ['ci/scan-1.2_x', 'ci/scan-1.2_x'],
    ['x --> <b>', 'x_--___b_'],
    ['', 'default'],
    ['naïve key', 'na_ve_key']
  ])('%j becomes %j', (key, expected) => {
    expect(sanitizeCommentKey(key)).toBe(expected);
  });

  test('marker cannot be closed early', () => {
    expect(commentMarker('a --> injected <!--')).toBe('<!-- devsecops-report:a_--__injected___-- -->');
  });
});

describe('upsertStickyComment', () => {
  let emulator: GitHubEmulator;
  let logger: RecordingLogger;

  beforeEach(async () => {
    emulator = await GitHubEmulator.start();
    logger = new RecordingLogger();
  });
  afterEach(async () => {
    await emulator.close();
  });

  function upsert(overrides: Partial<UpsertStickyCommentOptions> = {}) {
    return upsertStickyComment({
      octokit: createClient({ token: 'test-token', baseUrl: emulator.url, logger, retryAfterBaseValue: 1, paceWrites: false }),
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      key: 'security',
      body: '## 2 new findings',
      mode: 'always',
      hasNewFindings: true,
      logger,
      ...overrides
    });
  }

  function writes() {
    return emulator.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`);
  }

  test('creates then updates in place', async () => {
    const first = await upsert();
    const second = await upsert({ body: '## All clear', hasNewFindings: false });

    expect(first.action).toBe('created');
    expect(second.action).toBe('updated');
    expect(second.id).toBe(first.id);
    expect(emulator.comments).toHaveLength(1);
    expect(emulator.comments[0]!.body).toBe('<!-- devsecops-report:security -->\n## All clear');
    expect(writes()).toEqual([
      `POST /repos/${OWNER}/${REPO}/issues/${PR}/comments`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${first.id}`
    ]);
  });

  test('two keys make two comments', async () => {
    const a = await upsert({ key: 'sast' });
    const b = await upsert({ key: 'container' });
    await upsert({ key: 'sast', body: 'sast again' });

    expect(a.id).not.toBe(b.id);
    expect(emulator.comments.map((comment) => comment.body)).toEqual([
      '<!-- devsecops-report:sast -->\nsast again',
      '<!-- devsecops-report:container -->\n## 2 new findings'
    ]);
  });

  test('finds marker on page 2', async () => {
    for (let index = 0; index < 130; index += 1) emulator.seedComment(PR, `chatter ${index}`, 'octocat');
    const seeded = emulator.seedComment(PR, '<!-- devsecops-report:security -->\nold report');

    const result = await upsert({ body: 'new report' });

    expect(result).toMatchObject({ id: seeded, action: 'updated' });
    expect(emulator.comments).toHaveLength(131);
    expect(emulator.comments.find((comment) => comment.id === seeded)!.body).toBe(
      '<!-- devsecops-report:security -->\nnew report'
    );
    const listCalls = emulator.requests.filter((request) => request.method === 'GET');
    expect(listCalls.map((request) => request.query.page ?? '1')).toEqual(['1', '2']);
  });

  test('never edits a comment without marker', async () => {
    const other = emulator.seedComment(PR, 'devsecops-report:security but no HTML comment', 'github-actions[bot]');
    const similar = emulator.seedComment(PR, '<!-- devsecops-report:security-extra -->\nother key');

    const result = await upsert();

    expect(result.action).toBe('created');
    expect(result.id).not.toBe(other);
    expect(result.id).not.toBe(similar);
    expect(emulator.comments.find((comment) => comment.id === other)!.body).toBe(
      'devsecops-report:security but no HTML comment'
    );
    expect(emulator.comments.find((comment) => comment.id === similar)!.body).toBe(
      '<!-- devsecops-report:security-extra -->\nother key'
    );
    expect(emulator.comments).toHaveLength(3);
  });

  test('prefers the bot comment among duplicates', async () => {
    emulator.seedComment(PR, '<!-- devsecops-report:security -->\nquoted by a person', 'octocat');
    const bot = emulator.seedComment(PR, '<!-- devsecops-report:security -->\nbot report');

    const result = await upsert();

    expect(result.id).toBe(bot);
    expect(logger.messages('warning')).toEqual([]);
  });

  test('never edits a person comment with the marker', async () => {
    const person = emulator.seedComment(PR, '<!-- devsecops-report:security -->\nwritten by a person', 'mallory');

    const result = await upsert();

    expect(result.action).toBe('created');
    expect(result.id).not.toBe(person);
    expect(emulator.comments.find((comment) => comment.id === person)!.body).toBe('<!-- devsecops-report:security -->\nwritten by a person');
    expect(emulator.comments).toHaveLength(2);
  });

  test('warns about two bot comments with the marker', async () => {
    const first = emulator.seedComment(PR, '<!-- devsecops-report:security -->\nfirst');
    emulator.seedComment(PR, '<!-- devsecops-report:security -->\nsecond');

    const result = await upsert();

    expect(result.id).toBe(first);
    expect(logger.messages('warning')).toEqual(['2 comments on #7 carry <!-- devsecops-report:security -->; updating one of them']);
  });

  test('auto skips with nothing new', async () => {
    const result = await upsert({ mode: 'auto', hasNewFindings: false });

    expect(result).toEqual({ action: 'skipped' });
    expect(emulator.comments).toHaveLength(0);
    expect(writes()).toEqual([]);
  });

  test('auto updates existing comment', async () => {
    const seeded = emulator.seedComment(PR, '<!-- devsecops-report:security -->\n## 2 new findings');

    const result = await upsert({ mode: 'auto', hasNewFindings: false, body: '## All clear' });

    expect(result).toMatchObject({ id: seeded, action: 'updated' });
    expect(emulator.comments[0]!.body).toBe('<!-- devsecops-report:security -->\n## All clear');
  });

  test('auto creates with new findings', async () => {
    const result = await upsert({ mode: 'auto', hasNewFindings: true });

    expect(result.action).toBe('created');
    expect(emulator.comments).toHaveLength(1);
  });

  test('never makes no request', async () => {
    const result = await upsert({ mode: 'never' });

    expect(result).toEqual({ action: 'skipped' });
    expect(emulator.requests).toHaveLength(0);
  });

  test('long body cut under 65,536', async () => {
    const body = `${'x'.repeat(79)}\n`.repeat(1000);

    await upsert({ body });

    const stored = emulator.comments[0]!.body;
    expect(stored.length).toBeLessThanOrEqual(65_536);
    expect(stored.startsWith('<!-- devsecops-report:security -->\n')).toBe(true);
    expect(stored).toMatch(/\n\n_\d+ more characters not shown: GitHub limits a comment to 65536 characters\. The workflow run has the full report\._\n$/);
    expect(logger.messages('warning')).toEqual(['Pull request comment was 80035 characters; cut to fit 65536']);
  });
});
