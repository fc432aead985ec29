import type { Finding } from '@devsecops/core';
import { RecordingLogger } from '@devsecops/core';

import { publishCheckRun, toAnnotation, type CheckAnnotation } from '../src/check-run.js';
import { FakeGitHub } from './fake-github.js';

const HEAD = 'e'.repeat(40);

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    tools: ['semgrep'],
    category: 'sast',
    rule: { id: 'js.xss.inner-html', name: 'DOM XSS through innerHTML' },
    severity: 'high',
    message: 'User input reaches innerHTML.',
    location: { path: 'src/view.ts', startLine: 12, endLine: 12, startColumn: 5, endColumn: 30 },
    cwes: ['CWE-79'],
    vulnerabilityIds: [],
    fingerprint: 'f1',
    controls: [],
    ...overrides
  };
}

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, index) => ({
    path: `src/file-${index}.ts`,
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: 'warning' as const,
    message: `finding ${index}`,
    title: 'rule'
  }));
}

describe('toAnnotation', () => {
  test.each([
    ['critical', 'failure'],
    ['high', 'failure'],
    ['medium', 'warning'],
    ['low', 'notice'],
    ['info', 'notice']
  ] as const)('%s maps to %s', (severity, level) => {
    expect(toAnnotation(finding({ severity }))?.annotation_level).toBe(level);
  });

  test('single-line finding keeps columns', () => {
    expect(toAnnotation(finding())).toEqual({
      path: 'src/view.ts',
      start_line: 12,
      end_line: 12,
      start_column: 5,
      end_column: 30,
      annotation_level: 'failure',
      message: 'User input reaches innerHTML.',
      title: 'js.xss.inner-html: DOM XSS through innerHTML',
      raw_details: 'Severity: high\nReported by: semgrep\nCWE: CWE-79\nFingerprint: f1'
    });
  });

  test('multi-line finding drops columns', () => {
    const annotation = toAnnotation(
      finding({ location: { path: 'src/view.ts', startLine: 3, endLine: 9, startColumn: 1, endColumn: 4 } })
    );

    expect(annotation?.start_line).toBe(3);
    expect(annotation?.end_line).toBe(9);
    expect(annotation).not.toHaveProperty('start_column');
    expect(annotation).not.toHaveProperty('end_column');
  });

  test('file-level finding goes on line 1', () => {
    const annotation = toAnnotation(finding({ rule: { id: 'lockfile.outdated' }, location: { path: 'package-lock.json' } }));

    expect(annotation?.start_line).toBe(1);
    expect(annotation?.end_line).toBe(1);
    expect(annotation?.title).toBe('lockfile.outdated');
  });

  test('URL finding has no annotation', () => {
    const { location: _location, ...rest } = finding();
    expect(toAnnotation({ ...rest, url: 'https://app.example/login' })).toBeUndefined();
  });

  test('long message is cut to 64 KB', () => {
    const annotation = toAnnotation(finding({ message: 'x'.repeat(70_000) }));

    expect(Buffer.byteLength(annotation!.message)).toBeLessThanOrEqual(65_536);
    expect(annotation!.message).toMatch(/\n\[\d+ more bytes not shown: GitHub limits annotation text to 64 KB\]$/);
  });

  test('long title is cut to 255', () => {
    expect(toAnnotation(finding({ rule: { id: 'r', name: 'n'.repeat(400) } }))?.title).toHaveLength(255);
  });
});

describe('publishCheckRun', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function startChecksApi(): Promise<FakeGitHub> {
    return FakeGitHub.start((request) => {
      if (request.method === 'POST' && request.path === '/repos/o/r/check-runs') {
        return { status: 201, body: { id: 99, html_url: 'https://github.example/o/r/runs/99' } };
      }
      if (request.method === 'PATCH' && request.path === '/repos/o/r/check-runs/99') {
        return { status: 200, body: { id: 99 } };
      }
      return { status: 404, body: { message: 'Not Found' } };
    });
  }

  test('120 annotations in 50, 50, 20', async () => {
    fake = await startChecksApi();
    const logger = new RecordingLogger();

    const result = await publishCheckRun({
      octokit: fake.client(logger),
      owner: 'o',
      repo: 'r',
      name: 'DevSecOps report',
      headSha: HEAD,
      conclusion: 'failure',
      title: '120 findings',
      summary: '## Summary',
      annotations: annotations(120),
      logger,
      detailsUrl: 'https://github.example/o/r/actions/runs/1'
    });

    expect(result).toEqual({ id: 99, url: 'https://github.example/o/r/runs/99', annotationsSent: 120, requests: 3 });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/o/r/check-runs',
      'PATCH /repos/o/r/check-runs/99',
      'PATCH /repos/o/r/check-runs/99'
    ]);
    expect(fake.requests.map((request) => request.body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(fake.requests[1]!.body.output.annotations[0].path).toBe('src/file-50.ts');
    expect(fake.requests[2]!.body.output.annotations[19].path).toBe('src/file-119.ts');

    const create = fake.requests[0]!.body;
    expect(create.name).toBe('DevSecOps report');
    expect(create.head_sha).toBe(HEAD);
    expect(create.status).toBe('completed');
    expect(create.conclusion).toBe('failure');
    expect(create.details_url).toBe('https://github.example/o/r/actions/runs/1');
    expect(create.output.title).toBe('120 findings');
    expect(create.output.summary).toBe('## Summary');
    expect(fake.requests[2]!.body.output.summary).toBe('## Summary');
  });

  test('no annotations is one request', async () => {
    fake = await startChecksApi();
    const logger = new RecordingLogger();

    const result = await publishCheckRun({
      octokit: fake.client(logger),
      owner: 'o',
      repo: 'r',
      name: 'DevSecOps report',
      headSha: HEAD,
      conclusion: 'success',
      title: 'No findings',
      summary: 'All clear',
      annotations: [],
      logger
    });

    expect(result.requests).toBe(1);
    expect(result.annotationsSent).toBe(0);
    expect(fake.requests[0]!.body.output.annotations).toEqual([]);
  });

  test('long summary cut at a line', async () => {
    fake = await startChecksApi();
    const logger = new RecordingLogger();
    const line = `${'a'.repeat(99)}\n`;
    const summary = line.repeat(700);

    await publishCheckRun({
      octokit: fake.client(logger),
      owner: 'o',
      repo: 'r',
      name: 'DevSecOps report',
      headSha: HEAD,
      conclusion: 'neutral',
      title: 'Long',
      summary,
      text: 'short text',
      annotations: [],
      logger
    });

    const sent: string = fake.requests[0]!.body.output.summary;
    expect(sent.length).toBeLessThanOrEqual(65_535);
    const notice = '\n\n_4601 more characters not shown: GitHub limits check run output to 65535 characters._\n';
    expect(sent.endsWith(notice)).toBe(true);
    expect(sent.slice(0, -notice.length)).toBe(line.repeat(654).slice(0, -1));
    expect(fake.requests[0]!.body.output.text).toBe('short text');
    expect(logger.messages('warning')).toEqual(['Check run summary was 70000 characters; cut to fit 65535']);
  });
});

describe('publishCheckRun against the emulator', () => {
  test('annotations from findings pass validation', async () => {
    const { GitHubEmulator } = await import('../../../test/emulator/server.js');
    const { createClient } = await import('../src/client.js');
    const emulator = await GitHubEmulator.start();
    const logger = new RecordingLogger();
    try {
      const findings = Array.from({ length: 60 }, (_, index) =>
        finding({ severity: index % 2 === 0 ? 'critical' : 'low', location: { path: `src/f${index}.ts`, startLine: index + 1 } })
      );

      const result = await publishCheckRun({
        octokit: createClient({ token: 'test-token', baseUrl: emulator.url, logger, retryAfterBaseValue: 1, paceWrites: false }),
        owner: 'octo-org',
        repo: 'octo-repo',
        name: 'DevSecOps report',
        headSha: HEAD,
        conclusion: 'failure',
        title: '60 findings',
        summary: 'summary',
        text: 'details',
        annotations: findings.map((item) => toAnnotation(item)!),
        logger
      });

      expect(result.annotationsSent).toBe(60);
      expect(result.requests).toBe(2);
      expect(emulator.checkRuns).toHaveLength(1);
      expect(emulator.checkRuns[0]!.id).toBe(result.id);
      expect(emulator.checkRuns[0]!.output.annotations).toHaveLength(60);
      expect(emulator.requests.map((request) => request.status)).toEqual([201, 200]);
    } finally {
      await emulator.close();
    }
  });
});
