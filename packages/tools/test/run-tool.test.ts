import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordingLogger } from '@devsecops/core';
import { corpusPath } from '../../../test/corpus.js';
import { ToolError, buildToolEnv, checkExitCode, formatCommandLine, runTool } from '../src/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => path.join(FIXTURES, name);

/** True while `pid` is a live process; a zombie waiting to be reaped counts as ended. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  if (existsSync(stat)) {
    const state = readFileSync(stat, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z' && state !== 'X';
  }
  return true;
}

async function waitUntilEnded(pids: number[], limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (pids.some(isRunning) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('runTool', () => {
  let work: string;

  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'run-tool-'));
  });

  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('stand-in scanner prints a corpus report', async () => {
    // gitleaks8_many.json contains 4 findings: aws-access-token twice, RSA-PK, generic-api-key.
    const report = corpusPath('reports', 'gitleaks', 'gitleaks8_many.json');
    const argvFile = path.join(work, 'argv.json');
    const logger = new RecordingLogger();

    const result = await runTool({
      command: fixture('fake-scanner.mjs'),
      args: ['detect', '--source', 'dir with space', '--report-path', "it's;$(rm -rf /)"],
      cwd: work,
      env: { FAKE_ARGV_FILE: argvFile, FAKE_REPORT_FILE: report },
      timeoutMs: 20000,
      logger
    });

    expect(result.exitCode).toBe(0);
    expect(result.timedOut).toBe(false);
    expect(result.truncated).toBe(false);
    expect(result.signal).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(await readFile(report, 'utf8'));
    const findings = JSON.parse(result.stdout) as Array<{ RuleID: string; File: string; StartLine: number }>;
    expect(findings.map((finding) => `${finding.RuleID} ${finding.File}:${finding.StartLine}`)).toEqual([
      'aws-access-token /conf/aws.tf:2',
      'aws-access-token /conf/aws.tf:2',
      'RSA-PK conf/rsa.pk:57',
      'generic-api-key tests/api.py:21'
    ]);

    const recorded = JSON.parse(await readFile(argvFile, 'utf8')) as { argv: string[]; cwd: string };
    expect(recorded.argv).toEqual(['detect', '--source', 'dir with space', '--report-path', "it's;$(rm -rf /)"]);
    expect(recorded.cwd).toBe(await import('node:fs/promises').then((fs) => fs.realpath(work)));

    expect(logger.messages('debug')).toEqual([
      `Running ${fixture('fake-scanner.mjs')} detect --source 'dir with space' --report-path 'it'\\''s;$(rm -rf /)' in ${work}`
    ]);
    expect(logger.messages('info')).toHaveLength(1);
    expect(logger.messages('info')[0]).toMatch(new RegExp(`^${fixture('fake-scanner.mjs').replace(/[.]/g, '\\.')} exited with code 0 \\(\\d+ ms\\)$`));
  });

  test('environment is explicit', async () => {
    const argvFile = path.join(work, 'argv.json');
    const saved = { ...process.env };
    process.env.GITHUB_TOKEN = 'ghs_not_for_tools';
    process.env.INPUT_TOKEN = 'also_not_for_tools';
    process.env.HOME = '/home/for-tools';
    try {
      await runTool({
        command: fixture('fake-scanner.mjs'),
        args: [],
        cwd: work,
        env: { FAKE_ARGV_FILE: argvFile, FAKE_REPORT_FILE: corpusPath('reports', 'gitleaks', 'no_findings.json'), EXTRA: 'yes' },
        timeoutMs: 20000,
        logger: new RecordingLogger()
      });
    } finally {
      process.env = saved;
    }

    const recorded = JSON.parse(await readFile(argvFile, 'utf8')) as { env: Record<string, string> };
    expect(recorded.env.GITHUB_TOKEN).toBeUndefined();
    expect(recorded.env.INPUT_TOKEN).toBeUndefined();
    expect(recorded.env.HOME).toBe('/home/for-tools');
    expect(recorded.env.PATH).toBe(process.env.PATH);
    expect(recorded.env.EXTRA).toBe('yes');
  });

  test('buildToolEnv passes a variable only when asked', () => {
    const parent = { PATH: '/bin', HOME: '/h', GITHUB_TOKEN: 'secret', INPUT_PATH: '.', TMPDIR: '/t' };
    expect(buildToolEnv({}, parent)).toEqual({ PATH: '/bin', HOME: '/h', TMPDIR: '/t' });
    expect(buildToolEnv({ GITHUB_TOKEN: 'given', TMPDIR: undefined }, parent)).toEqual({ PATH: '/bin', HOME: '/h', GITHUB_TOKEN: 'given' });
  });

  test('formatCommandLine quotes arguments', () => {
    const cases: Array<[string[], string]> = [
      [['scan', '--format=json'], 'tool scan --format=json'],
      [[''], "tool ''"],
      [['a b'], "tool 'a b'"],
      [["it's"], "tool 'it'\\''s'"],
      [['$HOME'], "tool '$HOME'"]
    ];
    for (const [args, expected] of cases) {
      expect(formatCommandLine('tool', args)).toBe(expected);
    }
  });

  test('timeout kills the process tree', async () => {
    const pidFile = path.join(work, 'pids');
    const logger = new RecordingLogger();

    const result = await runTool({ command: fixture('sleep-tree.mjs'), args: [pidFile], cwd: work, timeoutMs: 1500, logger });

    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    const pids = (await readFile(pidFile, 'utf8')).split(' ').map(Number);
    expect(pids).toHaveLength(2);
    await waitUntilEnded(pids, 2000);
    expect(pids.map(isRunning)).toEqual([false, false]);
    expect(logger.messages('warning')).toHaveLength(2);
    expect(logger.messages('warning')[0]).toBe(`${fixture('sleep-tree.mjs')} timed out after 1500 ms; sending SIGTERM to its process tree`);
    expect(logger.messages('warning')[1]).toMatch(/sleep-tree\.mjs timed out after 1500 ms and was killed \(\d+ ms\)$/);
    expect(() => checkExitCode('sleeper', result)).toThrow(/^sleeper timed out after \d+ ms$/);
  });

  test('SIGKILL follows an ignored SIGTERM', async () => {
    const pidFile = path.join(work, 'pid');

    const result = await runTool({
      command: fixture('ignore-sigterm.mjs'),
      args: [pidFile],
      cwd: work,
      timeoutMs: 1500,
      killGraceMs: 500,
      logger: new RecordingLogger()
    });

    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGKILL');
    const pid = Number(await readFile(pidFile, 'utf8'));
    await waitUntilEnded([pid], 2000);
    expect(isRunning(pid)).toBe(false);
  });

  test('stdout is cut at maxOutputBytes', async () => {
    const result = await runTool({
      command: fixture('flood.mjs'),
      args: ['300000', '10'],
      cwd: work,
      timeoutMs: 20000,
      maxOutputBytes: 1000,
      logger: new RecordingLogger()
    });

    expect(result.exitCode).toBe(0);
    expect(result.truncated).toBe(true);
    expect(result.stdout).toBe('o'.repeat(1000));
    expect(result.stderr).toBe('e'.repeat(10));
  });

  test('stderr is cut at 1 MiB', async () => {
    const result = await runTool({
      command: fixture('flood.mjs'),
      args: ['5', String(1024 * 1024 + 4096)],
      cwd: work,
      timeoutMs: 20000,
      logger: new RecordingLogger()
    });

    expect(result.truncated).toBe(true);
    expect(result.stdout).toBe('ooooo');
    expect(result.stderr.length).toBe(1024 * 1024);
  });

  test('output under the cap is not truncated', async () => {
    const result = await runTool({
      command: fixture('flood.mjs'),
      args: ['1000', '0'],
      cwd: work,
      timeoutMs: 20000,
      maxOutputBytes: 1000,
      logger: new RecordingLogger()
    });

    expect(result.truncated).toBe(false);
    expect(result.stdout.length).toBe(1000);
  });

  test('exit code 3 is returned, not thrown', async () => {
    const logger = new RecordingLogger();

    const result = await runTool({ command: fixture('exit-code.mjs'), args: ['3'], cwd: work, timeoutMs: 20000, stdin: 'from stdin', logger });

    expect(result.exitCode).toBe(3);
    expect(result.timedOut).toBe(false);
    expect(result.stdout).toBe('from stdin');
    expect(result.stderr).toBe('first problem\nsecond problem\n');
    expect(logger.messages('info')).toEqual([]);
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/exit-code\.mjs exited with code 3, expected 0 \(\d+ ms\)$/);
    expect(checkExitCode('stand-in', result, [0, 3])).toBe(result);
    expect(() => checkExitCode('stand-in', result)).toThrow(
      new ToolError('stand-in', 'stand-in exited with code 3 (expected 0):\nfirst problem\nsecond problem')
    );
  });

  test('missing command throws ToolError', async () => {
    const missing = path.join(work, 'no-such-tool');

    await expect(runTool({ command: missing, args: [], cwd: work, timeoutMs: 1000, logger: new RecordingLogger() })).rejects.toThrow(
      new ToolError(missing, `failed to start ${missing} in ${work}: not found`)
    );
  });
});

describe('runTool allowed exit codes', () => {
  test('allowed non-zero exit logs at info', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'run-tool-'));
    const logger = new RecordingLogger();
    try {
      const result = await runTool({ command: fixture('exit-code.mjs'), args: ['3'], cwd: work, timeoutMs: 20000, stdin: '', allowedExitCodes: [0, 3], logger });

      expect(result.exitCode).toBe(3);
      expect(logger.messages('warning')).toEqual([]);
      expect(logger.messages('info')).toHaveLength(1);
      expect(logger.messages('info')[0]).toMatch(/exit-code\.mjs exited with code 3 \(\d+ ms\)$/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
