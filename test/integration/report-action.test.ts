import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { GitHubEmulator } from '../emulator/server.js';
import { addedFilePatch, HEAD_SHA, makeScratch, PUSH_SHA, runReportAction, sarifLog } from './run-action.js';

const PR = 12;
const MARKER = '<!-- devsecops-report:Security/scan -->';

function numberedLines(count: number, prefix = 'run(command'): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${index + 1});`);
}

/** Builds a pull request that adds app/server.js (130 lines) beside an unchanged lib/old.js. */
function pullRequestFixture(newFindings: number, existingFindings = 0) {
  const serverLines = numberedLines(130);
  const results = [];
  for (let line = 1; line <= newFindings; line++) {
    results.push({ ruleId: 'js/command-injection', level: 'error', message: `Command built from user input (${line})`, path: 'app/server.js', line, cwe: 'CWE-78' });
  }
  for (let line = 1; line <= existingFindings; line++) {
    results.push({ ruleId: 'js/weak-hash', level: 'warning', message: `MD5 used (${line})`, path: 'lib/old.js', line, cwe: 'CWE-327' });
  }
  return {
    files: { 'app/server.js': serverLines.join('\n') + '\n', 'lib/old.js': numberedLines(40, 'hash(').join('\n') + '\n' },
    pullFiles: { [PR]: [{ filename: 'app/server.js', status: 'added', patch: addedFilePatch(serverLines) }] },
    sarif: { 'codeql.sarif': sarifLog('CodeQL', results) }
  };
}

function annotationBatches(emulator: GitHubEmulator): number[] {
  return emulator.requests
    .filter((request) => request.path.includes('/check-runs') && request.method !== 'GET')
    .map((request) => ((request.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length)
    .filter((count) => count > 0);
}

describe('report action on a pull request', () => {
  let emulator: GitHubEmulator;
  afterEach(async () => {
    await emulator?.close();
  });

  it('annotates 120 new findings in 3 requests', async () => {
    const fixture = pullRequestFixture(120, 5);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif });

    expect(run.status).toBe(1);
    expect(run.outputs['new-findings']).toBe('120');
    expect(run.outputs.findings).toBe('125');
    expect(run.outputs.high).toBe('120');
    expect(run.outputs.medium).toBe('5');
    expect(run.outputs.conclusion).toBe('failure');
    expect(emulator.checkRuns).toHaveLength(1);
    expect(emulator.checkRuns[0].head_sha).toBe(HEAD_SHA);
    expect(emulator.checkRuns[0].conclusion).toBe('failure');
    expect(emulator.checkRuns[0].output.annotations).toHaveLength(120);
    expect(annotationBatches(emulator)).toEqual([50, 50, 20]);
    expect(run.outputs['check-run-id']).toBe(String(emulator.checkRuns[0].id));
    expect(emulator.comments).toHaveLength(1);
    expect(emulator.comments[0].body.startsWith(MARKER)).toBe(true);
    expect(run.outputs['comment-id']).toBe(String(emulator.comments[0].id));
    expect(run.report?.counts.new).toBe(120);
    expect(run.report?.counts.existing).toBe(5);
    expect(run.summary.length).toBeGreaterThan(0);
  });

  it('edits the same comment on a re-run', async () => {
    const fixture = pullRequestFixture(3);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });
    const scratch = makeScratch();

    const first = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif, scratch });
    const second = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif, scratch });

    expect(emulator.comments).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    const writes = emulator.requests.filter((request) => request.path.includes('/comments') && request.method !== 'GET').map((request) => request.method);
    expect(writes).toEqual(['POST', 'PATCH']);
  });

  it('keeps one comment per comment key', async () => {
    const fixture = pullRequestFixture(2);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    for (const key of ['sast', 'secrets', 'sast']) {
      await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif, inputs: { 'comment-key': key } });
    }

    expect(emulator.comments).toHaveLength(2);
    expect(emulator.comments.map((comment) => comment.body.split('\n')[0]).sort()).toEqual([
      '<!-- devsecops-report:sast -->',
      '<!-- devsecops-report:secrets -->'
    ]);
  });

  it('edits only the configured author comment', async () => {
    const fixture = pullRequestFixture(2);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });
    const person = emulator.seedComment(PR, `${MARKER}\nquoted by a person`, 'mallory');
    const own = emulator.seedComment(PR, `${MARKER}\nolder report`, 'security-bot');

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif, inputs: { 'comment-author': 'security-bot' } });

    expect(run.outputs['comment-id']).toBe(String(own));
    expect(emulator.comments).toHaveLength(2);
    expect(emulator.comments.find((comment) => comment.id === person)!.body).toBe(`${MARKER}\nquoted by a person`);
    expect(emulator.comments.find((comment) => comment.id === own)!.body).toContain('js/command-injection');
  });

  it('updates an existing comment when everything is fixed', async () => {
    const fixture = pullRequestFixture(2);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });
    const scratch = makeScratch();
    await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif, scratch });

    const fixed = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: { 'codeql.sarif': sarifLog('CodeQL', []) }, scratch });

    expect(fixed.status).toBe(0);
    expect(fixed.outputs['new-findings']).toBe('0');
    expect(emulator.comments).toHaveLength(1);
    expect(emulator.comments[0].body).not.toContain('js/command-injection');
  });

  it('reports a neutral check when no SARIF file exists', async () => {
    const fixture = pullRequestFixture(0);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files });

    expect(run.status).toBe(0);
    expect(run.outputs.conclusion).toBe('neutral');
    expect(emulator.checkRuns[0].conclusion).toBe('neutral');
    expect(run.summary).toContain('did the scanner steps run?');
  });

  it('posts no comment in auto mode when nothing is new', async () => {
    const fixture = pullRequestFixture(0, 4);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif });

    expect(run.status).toBe(0);
    expect(run.outputs['new-findings']).toBe('0');
    expect(run.outputs.findings).toBe('4');
    expect(emulator.comments).toHaveLength(0);
    expect(emulator.checkRuns[0].conclusion).toBe('success');
    expect(run.outputs['comment-id']).toBe('');
  });

  it('falls back to workflow annotations with a read-only token', async () => {
    const fixture = pullRequestFixture(12);
    const results = [];
    for (let line = 20; line < 32; line++) {
      results.push({ ruleId: 'js/missing-rate-limit', level: 'warning', message: `No rate limit (${line})`, path: 'app/server.js', line });
    }
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles, tokens: { 'fork-token': 'read' } });

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: fixture.files,
      sarif: { ...fixture.sarif, 'other.sarif': sarifLog('Semgrep OSS', results) },
      inputs: { 'github-token': 'fork-token', 'fail-on': 'none' }
    });

    expect(run.status).toBe(0);
    expect(emulator.checkRuns).toHaveLength(0);
    expect(emulator.comments).toHaveLength(0);
    const lines = run.stdout.split(/\r?\n/);
    expect(lines.filter((line) => line.startsWith('::error file=app/server.js'))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('::warning file=app/server.js'))).toHaveLength(10);
    expect(run.outputs['new-findings']).toBe('24');
    expect(run.summary).toContain('js/command-injection');
  });

  it('recovers from 5xx and secondary rate limits', async () => {
    const fixture = pullRequestFixture(3);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });
    emulator.inject({ method: 'POST', path: /\/check-runs$/, status: 502, times: 2 });
    emulator.inject({
      method: 'POST',
      path: /\/issues\/\d+\/comments$/,
      status: 403,
      times: 1,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }
    });

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: fixture.sarif, inputs: { 'fail-on': 'none' } });

    expect(run.status).toBe(0);
    expect(emulator.checkRuns).toHaveLength(1);
    expect(emulator.comments).toHaveLength(1);
    const statuses = emulator.requests.filter((request) => request.method === 'POST').map((request) => request.status);
    expect(statuses).toEqual([502, 502, 201, 403, 201]);
    expect(run.stdout).toMatch(/secondary rate limit/i);
  });

  it('counts what does not fit in the comment and the check run', async () => {
    const count = 3_000;
    const lines = numberedLines(count);
    const long = 'x'.repeat(180);
    const results = lines.map((_, index) => ({ ruleId: 'js/command-injection', level: 'error', message: `Command built from input ${index + 1} ${long}`, path: 'app/big.js', line: index + 1 }));
    emulator = await GitHubEmulator.start({ pullFiles: { [PR]: [{ filename: 'app/big.js', status: 'added', patch: addedFilePatch(lines) }] } });

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: { 'app/big.js': lines.join('\n') }, sarif: { 'codeql.sarif': sarifLog('CodeQL', results) }, inputs: { 'fail-on': 'none' } });

    expect(run.status).toBe(0);
    expect(run.outputs['new-findings']).toBe('3000');
    const body = emulator.comments[0].body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    const shown = body.match(/app\/big\.js#L\d+/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(body).toContain(`and ${count - shown} more`);
    const checkRun = emulator.checkRuns[0];
    expect(Buffer.byteLength(checkRun.output.summary!)).toBeLessThanOrEqual(65_535);
    expect(checkRun.output.summary).toMatch(/and \d+ more new findings? not shown/);
    expect(checkRun.output.annotations).toHaveLength(1_000);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1_048_576);
    expect(annotationBatches(emulator)).toHaveLength(20);
    expect(run.report?.findings).toHaveLength(3_000);
  });

  it('escapes hostile text from reports', async () => {
    const hostile = '</details><img src=x onerror=alert(1)> @someone ](javascript:alert(1)) ::set-output name=x::y\n::error::forged';
    const fixture = pullRequestFixture(0);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: fixture.files,
      sarif: { 'evil.sarif': sarifLog('Evil <b>Tool</b>', [{ ruleId: 'evil/<rule>', level: 'error', message: hostile, path: 'app/server.js', line: 4 }]) },
      inputs: { 'fail-on': 'none' }
    });

    const body = emulator.comments[0].body;
    for (const text of [body, run.summary, emulator.checkRuns[0].output.summary!]) {
      expect(text).not.toContain('<img');
      expect(text).not.toContain('</details><');
      expect(text).not.toContain('@someone');
      expect(text).not.toContain('](javascript:');
      expect(text).not.toContain('<b>Tool');
    }
    expect(body.match(/<!-- devsecops-report:/g)).toHaveLength(1);
    const commandLines = run.stdout.split(/\r?\n/).filter((line) => line.startsWith('::'));
    expect(commandLines.filter((line) => line.startsWith('::set-output') || line.startsWith('::error::forged'))).toHaveLength(0);
  });

  it('reports an expired suppression and applies a current one', async () => {
    const fixture = pullRequestFixture(2);
    const config = [
      'suppressions:',
      '  - rule: js/command-injection',
      '    path: app/**',
      '    reason: Reviewed in 2019',
      '    expires: 2020-01-31',
      '  - rule: js/missing-rate-limit',
      '    reason: Rate limited by the gateway',
      ''
    ].join('\n');
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });
    const other = sarifLog('Semgrep OSS', [{ ruleId: 'js/missing-rate-limit', level: 'warning', message: 'No rate limit', path: 'app/server.js', line: 9 }]);

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: { ...fixture.files, '.github/devsecops.yml': config },
      sarif: { ...fixture.sarif, 'semgrep.sarif': other }
    });

    expect(run.status).toBe(1);
    expect(run.outputs['new-findings']).toBe('2');
    expect(run.outputs.suppressed).toBe('1');
    const report = run.report as unknown as { expiredSuppressions: Array<{ rule: string; expires: string; source: string }> };
    expect(report.expiredSuppressions).toEqual([expect.objectContaining({ rule: 'js/command-injection', expires: '2020-01-31', source: '.github/devsecops.yml:2' })]);
    expect(emulator.comments[0].body).toContain('2020-01-31');
  });

  it('takes fail-on from the config file', async () => {
    const fixture = pullRequestFixture(2);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: { ...fixture.files, '.github/devsecops.yml': 'fail-on: none\n' },
      sarif: fixture.sarif
    });

    expect(run.status).toBe(0);
    expect(run.outputs['new-findings']).toBe('2');
    expect(run.outputs.conclusion).toBe('success');
  });

  it('folds hostile text onto one log line', async () => {
    const fixture = pullRequestFixture(0);
    const log = sarifLog('CodeQL', [{ ruleId: 'x', message: 'm', path: 'app/server.js', line: 1 }]) as { runs: Array<Record<string, unknown>> };
    log.runs[0].originalUriBaseIds = { SRC: { uri: 'src dir/\n::add-mask::ghp_fake\n::error file=a.js,line=1::forged/' } };
    (log.runs[0].results as Array<Record<string, unknown>>)[0].locations = [{ physicalLocation: { artifactLocation: { uri: 'x.js', uriBaseId: 'SRC' } } }];
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: fixture.files, sarif: { 'evil.sarif': log }, inputs: { 'fail-on': 'none' } });

    const lines = run.stdout.split(/\r?\n/);
    expect(lines.filter((line) => line.startsWith('::add-mask::'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('::error file=a.js'))).toEqual([]);
    expect(run.stdout).toContain('⏎ ::add-mask::ghp_fake');
  });

  it('shows findings the pull request suppresses itself', async () => {
    const lines = numberedLines(10);
    lines[3] = 'run(command4); // devsecops-ignore js/command-injection: input is a constant';
    emulator = await GitHubEmulator.start({ pullFiles: { [PR]: [{ filename: 'app/server.js', status: 'added', patch: addedFilePatch(lines) }] } });
    const sarif = sarifLog('CodeQL', [{ ruleId: 'js/command-injection', level: 'error', message: 'Command built from user input', path: 'app/server.js', line: 4 }]);

    const run = await runReportAction({ apiUrl: emulator.url, event: 'pull_request', pullNumber: PR, files: { 'app/server.js': lines.join('\n') }, sarif: { 'codeql.sarif': sarif } });

    expect(run.status).toBe(0);
    expect(run.outputs['new-findings']).toBe('0');
    expect(run.outputs.suppressed).toBe('1');
    expect(emulator.comments).toHaveLength(1);
    expect(emulator.comments[0].body).toContain('### 🔕 Suppressed by this change');
    expect(emulator.comments[0].body).toContain('input is a constant');
    expect(emulator.checkRuns[0].output.summary).toContain('### 🔕 Suppressed by this change');
  });

  it('splits new, existing and fixed with a baseline', async () => {
    const fixture = pullRequestFixture(4);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });
    const scratch = makeScratch();
    const first = await runReportAction({ apiUrl: emulator.url, event: 'push', files: fixture.files, sarif: fixture.sarif, scratch, inputs: { 'fail-on': 'none' } });
    const fingerprints = first.report!.findings.map((finding) => finding.fingerprint as string).sort();
    expect(fingerprints).toHaveLength(4);
    writeFileSync(path.join(scratch, 'workspace', 'baseline.json'), JSON.stringify({ version: 1, fingerprints: [fingerprints[0], fingerprints[1], 'f'.repeat(32)] }));

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: fixture.files,
      sarif: fixture.sarif,
      scratch,
      inputs: { baseline: 'baseline.json', 'fail-on': 'none' }
    });

    expect(run.outputs['new-findings']).toBe('2');
    expect(run.report?.counts.existing).toBe(2);
    expect(run.report?.counts.fixed).toBe(1);
  });

  it('uploads one SARIF run per tool to code scanning', async () => {
    const fixture = pullRequestFixture(3);
    const semgrep = sarifLog('Semgrep OSS', [{ ruleId: 'js/missing-rate-limit', level: 'warning', message: 'No rate limit', path: 'app/server.js', line: 9 }]);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: fixture.files,
      sarif: { ...fixture.sarif, 'semgrep.sarif': semgrep },
      inputs: { 'code-scanning': 'true', 'fail-on': 'none' }
    });

    expect(run.status).toBe(0);
    expect(emulator.sarifUploads).toHaveLength(2);
    expect(emulator.sarifUploads.map((upload) => upload.ref)).toEqual([`refs/pull/${PR}/merge`, `refs/pull/${PR}/merge`]);
    expect(emulator.sarifUploads.map((upload) => upload.commit_sha)).toEqual(['d'.repeat(40), 'd'.repeat(40)]);
    const resultCounts = emulator.sarifUploads.map((upload) => (upload.sarif as { runs: Array<{ tool: { driver: { name: string } }; results: unknown[] }> }).runs.map((sarifRun) => [sarifRun.tool.driver.name, sarifRun.results.length]));
    expect(resultCounts.flat().sort()).toEqual([
      ['CodeQL', 3],
      ['Semgrep OSS', 1]
    ]);
    expect(new Set(emulator.sarifUploads.map((upload) => upload.category)).size).toBe(2);
  });

  it('names an unreadable report and still reports the others', async () => {
    const fixture = pullRequestFixture(3);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({
      apiUrl: emulator.url,
      event: 'pull_request',
      pullNumber: PR,
      files: fixture.files,
      sarif: { ...fixture.sarif, 'broken.sarif': '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": 42}]}' },
      inputs: { 'fail-on': 'none' }
    });

    expect(run.status).toBe(1);
    expect(run.outputs['new-findings']).toBe('3');
    expect(emulator.checkRuns[0].output.annotations).toHaveLength(3);
    expect(run.report?.errors).toHaveLength(1);
    expect(run.report?.errors[0].file).toMatch(/broken\.sarif$/);
    expect(run.summary).toContain('broken.sarif');
    expect(emulator.comments[0].body).toContain('broken.sarif');
    expect(run.stdout).toContain('::error::');
  });
});

describe('report action off pull requests', () => {
  let emulator: GitHubEmulator;
  afterEach(async () => {
    await emulator?.close();
  });

  it.each(['push', 'schedule'] as const)('creates a check run over all findings on %s', async (event) => {
    const fixture = pullRequestFixture(3, 2);
    emulator = await GitHubEmulator.start({ pullFiles: fixture.pullFiles });

    const run = await runReportAction({ apiUrl: emulator.url, event, files: fixture.files, sarif: fixture.sarif });

    expect(run.status).toBe(1);
    expect(run.outputs['new-findings']).toBe('5');
    expect(emulator.checkRuns).toHaveLength(1);
    expect(emulator.checkRuns[0].head_sha).toBe(PUSH_SHA);
    expect(emulator.checkRuns[0].output.annotations).toHaveLength(5);
    expect(emulator.comments).toHaveLength(0);
    expect(emulator.requests.filter((request) => request.path.includes('/pulls/'))).toHaveLength(0);
  });
});
