import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigurationError } from '@devsecops/core';

import { readRunContext, runUrl } from '../src/context.js';

const dir = mkdtempSync(join(tmpdir(), 'devsecops-context-'));
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);
const QUEUE_HEAD = 'd'.repeat(40);

function writeEvent(name: string, payload: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

function runnerEnv(eventName: string, eventPath?: string): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: eventName,
    ...(eventPath ? { GITHUB_EVENT_PATH: eventPath } : {}),
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_SHA: MERGE,
    GITHUB_SERVER_URL: 'https://github.example.com/',
    GITHUB_API_URL: 'https://github.example.com/api/v3',
    GITHUB_WORKFLOW: 'security',
    GITHUB_JOB: 'scan',
    GITHUB_RUN_ID: '4242'
  };
}

const pullRequestPayload = { pull_request: { number: 17, base: { sha: BASE }, head: { sha: HEAD } } };

describe('readRunContext', () => {
  test.each(['pull_request', 'pull_request_target'])('%s uses head sha', (eventName) => {
    const context = readRunContext({ env: runnerEnv(eventName, writeEvent(`${eventName}.json`, pullRequestPayload)) });

    expect(context).toEqual({
      owner: 'octo-org',
      repo: 'app',
      eventName,
      sha: HEAD,
      pullRequest: { number: 17, baseSha: BASE, headSha: HEAD },
      serverUrl: 'https://github.example.com',
      apiUrl: 'https://github.example.com/api/v3',
      workflow: 'security',
      job: 'scan',
      runId: '4242'
    });
    expect(runUrl(context)).toBe('https://github.example.com/octo-org/app/actions/runs/4242');
  });

  test('merge_group uses queue head sha', () => {
    const path = writeEvent('merge_group.json', { merge_group: { head_sha: QUEUE_HEAD, base_sha: BASE } });

    const context = readRunContext({ env: runnerEnv('merge_group', path) });

    expect(context.sha).toBe(QUEUE_HEAD);
    expect(context.pullRequest).toBeUndefined();
  });

  test('push uses GITHUB_SHA', () => {
    const path = writeEvent('push.json', { after: HEAD });

    const context = readRunContext({ env: runnerEnv('push', path) });

    expect(context.sha).toBe(MERGE);
    expect(context.pullRequest).toBeUndefined();
  });

  test('push without event file', () => {
    const env = runnerEnv('workflow_dispatch');
    delete env.GITHUB_SERVER_URL;
    delete env.GITHUB_API_URL;

    const context = readRunContext({ env });

    expect(context.sha).toBe(MERGE);
    expect(context.serverUrl).toBe('https://github.com');
    expect(context.apiUrl).toBe('https://api.github.com');
  });

  test.each([
    ['missing file', runnerEnv('pull_request', join(dir, 'absent.json')), `Event payload ${join(dir, 'absent.json')} could not be read`],
    ['invalid JSON', runnerEnv('pull_request', writeEvent('broken.json', '{"pull_request": ')), `Event payload ${join(dir, 'broken.json')} is not valid JSON`],
    ['no event path', runnerEnv('pull_request'), 'GITHUB_EVENT_PATH is missing; the pull_request event needs its payload file'],
    [
      'number not integer',
      runnerEnv('pull_request', writeEvent('bad-number.json', { pull_request: { number: '17', base: { sha: BASE }, head: { sha: HEAD } } })),
      `Event payload ${join(dir, 'bad-number.json')}: pull_request.number is "17"; expected a positive integer`
    ],
    [
      'head sha missing',
      runnerEnv('pull_request', writeEvent('no-head.json', { pull_request: { number: 3, base: { sha: BASE } } })),
      `Event payload ${join(dir, 'no-head.json')}: pull_request.head.sha is undefined; expected a non-empty string`
    ],
    [
      'merge group head missing',
      runnerEnv('merge_group', writeEvent('no-queue-head.json', { merge_group: {} })),
      `Event payload ${join(dir, 'no-queue-head.json')}: merge_group.head_sha is undefined; expected a non-empty string`
    ],
    ['bad repository', { ...runnerEnv('push'), GITHUB_REPOSITORY: 'app' }, 'GITHUB_REPOSITORY is "app"; expected "owner/name"'],
    [
      'no event name',
      { ...runnerEnv('push'), GITHUB_EVENT_NAME: '' },
      'Environment variable GITHUB_EVENT_NAME is missing; run inside GitHub Actions or set it'
    ]
  ])('rejects %s', (_case, env, message) => {
    expect(() => readRunContext({ env })).toThrow(ConfigurationError);
    expect(() => readRunContext({ env })).toThrow(message);
  });
});
