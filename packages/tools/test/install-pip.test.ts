import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecordingLogger } from '@devsecops/core';
import { CACHE_MARKER, ToolError, installPipTool, runTool } from '../src/index.js';
import type { PipToolSpec } from '../src/index.js';
import { sha256, startServer, writeZip } from './helpers.js';
import type { TestServer } from './helpers.js';

const venvCheck = spawnSync('python3', ['-m', 'venv', '--help'], { encoding: 'utf8' });
const venvAvailable = venvCheck.status === 0;
if (!venvAvailable) {
  console.warn(`Skipping the installPipTool tests that build a venv: "python3 -m venv --help" failed (${venvCheck.error?.message ?? venvCheck.stderr.trim()})`);
}
const venvTest = venvAvailable ? test : test.skip;

const WHEEL_NAME = 'tinytool-1.0-py3-none-any.whl';

/** Builds a minimal wheel with a `tinytool` console script that prints "tinytool ran". */
function buildWheel(file: string): void {
  const files: Record<string, string> = {
    'tinytool/__init__.py': 'def main():\n    print("tinytool ran")\n',
    'tinytool-1.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: tinytool\nVersion: 1.0\n',
    'tinytool-1.0.dist-info/WHEEL': 'Wheel-Version: 1.0\nGenerator: devsecops-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    'tinytool-1.0.dist-info/entry_points.txt': '[console_scripts]\ntinytool = tinytool:main\n'
  };
  const record = Object.entries(files).map(([name, content]) => {
    const digest = createHash('sha256').update(content).digest('base64url');
    return `${name},sha256=${digest},${Buffer.byteLength(content)}`;
  });
  record.push('tinytool-1.0.dist-info/RECORD,,');
  files['tinytool-1.0.dist-info/RECORD'] = `${record.join('\n')}\n`;
  writeZip(
    file,
    Object.entries(files).map(([name, content]) => ({ name, content }))
  );
}

describe('installPipTool', () => {
  let work: string;
  let cacheDir: string;
  let server: TestServer;
  let wheelDigest: string;

  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'install-pip-'));
    cacheDir = path.join(work, 'cache');
    const wheelFile = path.join(work, WHEEL_NAME);
    buildWheel(wheelFile);
    const wheel = await readFile(wheelFile);
    wheelDigest = sha256(wheel);
    // A PEP 503 "simple" index with one project.
    server = await startServer({
      '/simple/tinytool/': {
        body: Buffer.from(`<!DOCTYPE html><html><body><a href="/files/${WHEEL_NAME}#sha256=${wheelDigest}">${WHEEL_NAME}</a></body></html>`),
        contentType: 'text/html'
      },
      [`/files/${WHEEL_NAME}`]: { body: wheel }
    });
  });

  afterEach(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  const tinytool = (hash: string): PipToolSpec => ({
    name: 'tinytool',
    version: '1.0',
    requirements: `tinytool==1.0 --hash=sha256:${hash}\n`,
    executable: 'tinytool'
  });

  venvTest('correct hash installs the console script', async () => {
    const logger = new RecordingLogger();
    const venv = path.join(cacheDir, 'tinytool', '1.0', 'venv');

    const executable = await installPipTool(tinytool(wheelDigest), { logger, cacheDir, indexUrl: `${server.url}/simple/` });

    expect(executable).toBe(path.join(venv, 'bin', 'tinytool'));
    const result = await runTool({ command: executable, args: [], cwd: work, timeoutMs: 30000, logger: new RecordingLogger() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('tinytool ran\n');
    expect(server.count(`/files/${WHEEL_NAME}`)).toBe(1);
    expect(await readFile(path.join(venv, CACHE_MARKER), 'utf8')).toBe(`${sha256(tinytool(wheelDigest).requirements)}\n`);
    expect(logger.messages('info')).toContain(`Installed tinytool 1.0 in ${venv}`);

    const cachedLogger = new RecordingLogger();
    expect(await installPipTool(tinytool(wheelDigest), { logger: cachedLogger, cacheDir, indexUrl: `${server.url}/simple/` })).toBe(executable);
    expect(cachedLogger.messages('info')).toEqual([`Using cached tinytool from ${venv}`]);
    expect(server.count(`/files/${WHEEL_NAME}`)).toBe(1);
  });

  venvTest('wrong hash is rejected by pip', async () => {
    const wrong = '0'.repeat(64);

    const attempt = installPipTool(tinytool(wrong), { logger: new RecordingLogger(), cacheDir, indexUrl: `${server.url}/simple/` });

    await expect(attempt).rejects.toThrow(ToolError);
    const error = (await attempt.catch((caught: unknown) => caught)) as ToolError;
    expect(error.tool).toBe('tinytool');
    expect(error.message).toMatch(/^pip install of tinytool 1\.0 failed with exit code 1:\n/);
    expect(error.message).toContain('THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE');
    expect(error.message).toContain(`Expected sha256 ${wrong}`);
    expect(error.message).toContain(`Got        ${wheelDigest}`);
    expect(existsSync(path.join(cacheDir, 'tinytool', '1.0', 'venv'))).toBe(false);
  });

  test('missing python is reported', async () => {
    const python = path.join(work, 'no-python3');

    await expect(
      installPipTool(tinytool(wheelDigest), { logger: new RecordingLogger(), cacheDir, python, indexUrl: `${server.url}/simple/` })
    ).rejects.toThrow(
      new ToolError(
        'tinytool',
        `tinytool needs Python 3 with the venv module, but ${python} could not be started (failed to start ${python} in ${path.join(cacheDir, 'tinytool', '1.0')}: not found); install Python 3 or pass its path`
      )
    );
    expect(server.requests).toEqual([]);
  });

  test('requirements without hashes are rejected', async () => {
    const spec: PipToolSpec = { name: 'tinytool', version: '1.0', requirements: 'tinytool==1.0\n', executable: 'tinytool' };

    await expect(installPipTool(spec, { logger: new RecordingLogger(), cacheDir })).rejects.toThrow(
      new ToolError('tinytool', 'the requirements of tinytool 1.0 pin no sha256 hashes, so the install was rejected; add --hash=sha256:… to every requirement')
    );
  });
});
