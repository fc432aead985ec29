import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecordingLogger } from '@devsecops/core';
import { CACHE_MARKER, ToolError, installBinaryTool, runTool } from '../src/index.js';
import type { BinaryToolSpec, ToolAsset } from '../src/index.js';
import { buildTarGz, sha256, startServer, writeZip } from './helpers.js';
import type { TarEntry, TestServer } from './helpers.js';

const SCRIPT = '#!/bin/sh\necho "fake tool $1"\n';
const ORIGIN = 'https://github.com';

function spec(asset: Partial<ToolAsset> & Pick<ToolAsset, 'url' | 'sha256'>): BinaryToolSpec {
  return {
    name: 'faketool',
    version: '1.2.3',
    assets: [{ platform: 'linux', arch: 'x64', format: 'tar.gz', executable: 'bin/faketool', ...asset }]
  };
}

describe('installBinaryTool', () => {
  let work: string;
  let cacheDir: string;
  let server: TestServer | undefined;
  const toolDir = (): string => path.join(cacheDir, 'faketool', '1.2.3', 'linux-x64');

  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'install-binary-'));
    cacheDir = path.join(work, 'cache');
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(work, { recursive: true, force: true });
  });

  async function install(toolSpec: BinaryToolSpec, logger = new RecordingLogger(), extra: { platform?: string; arch?: string } = {}): Promise<string> {
    return installBinaryTool(toolSpec, {
      logger,
      cacheDir,
      platform: extra.platform ?? 'linux',
      arch: extra.arch ?? 'x64',
      baseUrl: server?.url,
      retryWaitMs: 10
    });
  }

  async function runInstalled(executable: string): Promise<string> {
    const result = await runTool({ command: executable, args: ['works'], cwd: work, timeoutMs: 20000, logger: new RecordingLogger() });
    return result.stdout;
  }

  test('tar.gz install', async () => {
    const archive = buildTarGz([
      { name: 'bin/', type: 'directory' },
      { name: 'bin/faketool', content: SCRIPT, mode: 0o644 },
      { name: 'LICENSE', content: 'license text' }
    ]);
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });
    const logger = new RecordingLogger();

    const executable = await install(spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: sha256(archive) }), logger);

    expect(executable).toBe(path.join(toolDir(), 'bin', 'faketool'));
    expect((await stat(executable)).mode & 0o777).toBe(0o755);
    expect(await runInstalled(executable)).toBe('fake tool works\n');
    expect((await readdir(toolDir())).sort()).toEqual([CACHE_MARKER, 'LICENSE', 'bin']);
    expect(await readFile(path.join(toolDir(), CACHE_MARKER), 'utf8')).toBe(`${sha256(archive)}\n`);
    expect(await readdir(path.join(cacheDir, 'faketool', '1.2.3'))).toEqual(['linux-x64']);
    expect(logger.messages('info')).toContain(`Downloading faketool from ${server.url}/r/faketool.tar.gz`);
    expect(logger.messages('info')).toContain(`Installed faketool 1.2.3 (linux-x64) in ${toolDir()}`);
  });

  test('zip install', async () => {
    const file = path.join(work, 'faketool.zip');
    writeZip(file, [{ name: 'faketool', content: SCRIPT, mode: 0o100644 }]);
    const archive = await readFile(file);
    server = await startServer({ '/r/faketool.zip': { body: archive } });

    const executable = await install(spec({ url: `${ORIGIN}/r/faketool.zip`, sha256: sha256(archive), format: 'zip', executable: 'faketool' }));

    expect(executable).toBe(path.join(toolDir(), 'faketool'));
    expect((await stat(executable)).mode & 0o777).toBe(0o755);
    expect(await runInstalled(executable)).toBe('fake tool works\n');
  });

  test('plain binary install', async () => {
    const binary = Buffer.from(SCRIPT);
    server = await startServer({ '/r/faketool-linux-amd64': { body: binary } });

    const executable = await install(spec({ url: `${ORIGIN}/r/faketool-linux-amd64`, sha256: sha256(binary), format: 'binary', executable: 'faketool' }));

    expect(executable).toBe(path.join(toolDir(), 'faketool'));
    expect((await stat(executable)).mode & 0o777).toBe(0o755);
    expect(await runInstalled(executable)).toBe('fake tool works\n');
  });

  test('redirect is followed', async () => {
    const binary = Buffer.from(SCRIPT);
    server = await startServer({
      '/releases/download/v1.2.3/faketool': { redirect: '/objects/abc' },
      '/objects/abc': { redirect: '/objects/final?signature=1' },
      '/objects/final?signature=1': { body: binary }
    });

    await install(spec({ url: `${ORIGIN}/releases/download/v1.2.3/faketool`, sha256: sha256(binary), format: 'binary', executable: 'faketool' }));

    expect(server.requests).toEqual(['/releases/download/v1.2.3/faketool', '/objects/abc', '/objects/final?signature=1']);
  });

  test('checksum mismatch deletes the download', async () => {
    const archive = buildTarGz([{ name: 'bin/faketool', content: SCRIPT }]);
    const expected = 'a'.repeat(64);
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });

    const attempt = install(spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: expected }));

    await expect(attempt).rejects.toThrow(
      new ToolError(
        'faketool',
        `sha256 mismatch for faketool 1.2.3 downloaded from ${server.url}/r/faketool.tar.gz: expected ${expected}, got ${sha256(archive)}; the download was deleted`
      )
    );
    await expect(attempt).rejects.toHaveProperty('tool', 'faketool');
    expect(await readdir(path.join(cacheDir, 'faketool', '1.2.3'))).toEqual([]);
  });

  test('second install is a cache hit', async () => {
    const archive = buildTarGz([{ name: 'bin/faketool', content: SCRIPT }]);
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });
    const toolSpec = spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: sha256(archive) });
    const logger = new RecordingLogger();

    const first = await install(toolSpec);
    const second = await install(toolSpec, logger);

    expect(second).toBe(first);
    expect(server.count('/r/faketool.tar.gz')).toBe(1);
    expect(logger.messages('info')).toEqual([`Using cached faketool from ${toolDir()}`]);
  });

  const brokenCaches: Array<[string, (folder: string) => Promise<void>, string]> = [
    ['no marker', (folder) => rm(path.join(folder, CACHE_MARKER)), 'it has no completion marker'],
    ['wrong marker digest', (folder) => writeFile(path.join(folder, CACHE_MARKER), `${'b'.repeat(64)}\n`), 'its marker or executable does not match'],
    ['missing executable', (folder) => rm(path.join(folder, 'bin', 'faketool')), 'its marker or executable does not match']
  ];
  test.each(brokenCaches)('cache with %s is reinstalled', async (_label, breakCache, reason) => {
    const archive = buildTarGz([{ name: 'bin/faketool', content: SCRIPT }]);
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });
    const toolSpec = spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: sha256(archive) });
    await install(toolSpec);
    await breakCache(toolDir());
    await writeFile(path.join(toolDir(), 'leftover'), 'from the broken install');
    const logger = new RecordingLogger();

    const executable = await install(toolSpec, logger);

    expect(server.count('/r/faketool.tar.gz')).toBe(2);
    expect(logger.messages('warning')).toEqual([`Removing the incomplete faketool install in ${toolDir()} because ${reason}`]);
    expect(existsSync(path.join(toolDir(), 'leftover'))).toBe(false);
    expect(await readFile(path.join(toolDir(), CACHE_MARKER), 'utf8')).toBe(`${sha256(archive)}\n`);
    expect(await runInstalled(executable)).toBe('fake tool works\n');
  });

  test('partial folder without marker is replaced', async () => {
    const archive = buildTarGz([{ name: 'bin/faketool', content: SCRIPT }]);
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });
    await mkdir(path.join(toolDir(), 'bin'), { recursive: true });
    await writeFile(path.join(toolDir(), 'bin', 'faketool'), 'half written');

    const executable = await install(spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: sha256(archive) }));

    expect(server.count('/r/faketool.tar.gz')).toBe(1);
    expect(await readFile(executable, 'utf8')).toBe(SCRIPT);
  });

  const hostileTars: Array<[string, TarEntry[], string]> = [
    ['parent path', [{ name: '../evil', content: 'x' }], 'unsafe entry "../evil" in {archive}: path contains ".."; nothing was extracted'],
    ['nested parent path', [{ name: 'bin/../../evil', content: 'x' }], 'unsafe entry "bin/../../evil" in {archive}: path contains ".."; nothing was extracted'],
    ['absolute path', [{ name: '/tmp/devsecops-evil', content: 'x' }], 'unsafe entry "/tmp/devsecops-evil" in {archive}: absolute path; nothing was extracted'],
    [
      'write through a link',
      [
        { name: 'bin', type: 'symlink', linkTarget: '{outside}' },
        { name: 'bin/faketool', content: 'x' }
      ],
      'unsafe entry "bin/faketool" in {archive}: it is below the non-directory entry "bin"; nothing was extracted'
    ],
    [
      'link pointing out',
      [
        { name: 'bin/faketool', content: SCRIPT },
        { name: 'escape', type: 'symlink', linkTarget: '../../../../../../' }
      ],
      'unsafe entry "escape" in {archive}: symbolic link pointing outside the extraction folder'
    ]
  ];
  test.each(hostileTars)('hostile tar with %s is rejected', async (_label, entries, message) => {
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    const archive = buildTarGz(entries.map((entry) => ({ ...entry, linkTarget: entry.linkTarget?.replace('{outside}', outside) })));
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });

    const attempt = install(spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: sha256(archive) }));

    await expect(attempt).rejects.toThrow(ToolError);
    const error = (await attempt.catch((caught: unknown) => caught)) as ToolError;
    expect(error.message.replace(/\S*[\\/]\.staging-[^/\\]+[\\/]download/, '{archive}')).toBe(message);
    expect(await readdir(outside)).toEqual([]);
    expect(existsSync(path.join(work, 'evil'))).toBe(false);
    expect(existsSync(path.join(cacheDir, 'faketool', 'evil'))).toBe(false);
    expect(existsSync('/tmp/devsecops-evil')).toBe(false);
    expect(await readdir(path.join(cacheDir, 'faketool', '1.2.3'))).toEqual([]);
  });

  test('hostile zip with parent path is rejected', async () => {
    const file = path.join(work, 'evil.zip');
    writeZip(file, [
      { name: 'faketool', content: SCRIPT },
      { name: '../../evil', content: 'x' }
    ]);
    const archive = await readFile(file);
    server = await startServer({ '/r/faketool.zip': { body: archive } });

    const attempt = install(spec({ url: `${ORIGIN}/r/faketool.zip`, sha256: sha256(archive), format: 'zip', executable: 'faketool' }));

    await expect(attempt).rejects.toThrow(/^unsafe entry "\.\.\/\.\.\/evil" in \S+: path contains "\.\."; nothing was extracted$/);
    expect(existsSync(path.join(cacheDir, 'evil'))).toBe(false);
    expect(await readdir(path.join(cacheDir, 'faketool', '1.2.3'))).toEqual([]);
  });

  test('hostile zip with outward link is rejected', async () => {
    const file = path.join(work, 'link.zip');
    writeZip(file, [
      { name: 'faketool', content: SCRIPT },
      { name: 'escape', content: '/etc', mode: 0o120777 }
    ]);
    const archive = await readFile(file);
    server = await startServer({ '/r/faketool.zip': { body: archive } });

    const attempt = install(spec({ url: `${ORIGIN}/r/faketool.zip`, sha256: sha256(archive), format: 'zip', executable: 'faketool' }));

    await expect(attempt).rejects.toThrow(/^unsafe entry "escape" in \S+: symbolic link pointing outside the extraction folder$/);
    expect(await readdir(path.join(cacheDir, 'faketool', '1.2.3'))).toEqual([]);
  });

  test('unsupported platform lists supported ones', async () => {
    const toolSpec: BinaryToolSpec = {
      name: 'faketool',
      version: '1.2.3',
      assets: [
        { platform: 'linux', arch: 'x64', url: `${ORIGIN}/a`, sha256: 'a'.repeat(64), format: 'tar.gz', executable: 'faketool' },
        { platform: 'darwin', arch: 'arm64', url: `${ORIGIN}/b`, sha256: 'b'.repeat(64), format: 'zip', executable: 'faketool' }
      ]
    };

    await expect(install(toolSpec, new RecordingLogger(), { platform: 'win32', arch: 'arm64' })).rejects.toThrow(
      new ToolError('faketool', 'no faketool 1.2.3 release asset for win32-arm64; supported: linux-x64, darwin-arm64')
    );
  });

  test('HTTP 500 is retried', async () => {
    const binary = Buffer.from(SCRIPT);
    server = await startServer({ '/r/faketool': [{ status: 500 }, { status: 503 }, { body: binary }] });
    const logger = new RecordingLogger();

    await install(spec({ url: `${ORIGIN}/r/faketool`, sha256: sha256(binary), format: 'binary', executable: 'faketool' }), logger);

    expect(server.count('/r/faketool')).toBe(3);
    expect(logger.messages('warning')).toEqual([
      `Download of faketool failed (HTTP 500 from ${server.url}/r/faketool); waiting 10 ms before attempt 2 of 3`,
      `Download of faketool failed (HTTP 503 from ${server.url}/r/faketool); waiting 20 ms before attempt 3 of 3`
    ]);
  });

  test('HTTP 500 three times fails', async () => {
    server = await startServer({ '/r/faketool': { status: 500 } });

    await expect(install(spec({ url: `${ORIGIN}/r/faketool`, sha256: 'a'.repeat(64), format: 'binary', executable: 'faketool' }))).rejects.toThrow(
      new ToolError('faketool', `download of faketool from ${server.url}/r/faketool failed after 3 attempt(s): HTTP 500 from ${server.url}/r/faketool`)
    );
    expect(server.count('/r/faketool')).toBe(3);
  });

  test('HTTP 404 is not retried', async () => {
    server = await startServer({});

    await expect(install(spec({ url: `${ORIGIN}/r/missing`, sha256: 'a'.repeat(64), format: 'binary', executable: 'faketool' }))).rejects.toThrow(
      new ToolError('faketool', `download of faketool from ${server.url}/r/missing failed after 1 attempt(s): HTTP 404 from ${server.url}/r/missing`)
    );
    expect(server.count('/r/missing')).toBe(1);
  });

  test('download over the size limit fails', async () => {
    const binary = Buffer.alloc(2048, 1);
    server = await startServer({ '/r/big': { body: binary } });

    const attempt = installBinaryTool(spec({ url: `${ORIGIN}/r/big`, sha256: sha256(binary), format: 'binary', executable: 'faketool' }), {
      logger: new RecordingLogger(),
      cacheDir,
      platform: 'linux',
      arch: 'x64',
      baseUrl: server.url,
      maxDownloadBytes: 1024
    });

    await expect(attempt).rejects.toThrow(
      new ToolError('faketool', `download of faketool from ${server.url}/r/big failed after 1 attempt(s): the file is 2048 bytes, over the limit of 1024`)
    );
  });

  test('plain HTTP to another host is rejected', async () => {
    await expect(install(spec({ url: 'http://example.invalid/faketool', sha256: 'a'.repeat(64), format: 'binary', executable: 'faketool' }))).rejects.toThrow(
      new ToolError(
        'faketool',
        'download of faketool from http://example.invalid/faketool failed after 1 attempt(s): rejected http: URL http://example.invalid/faketool: release assets are downloaded over HTTPS only'
      )
    );
  });

  test('missing executable in archive fails', async () => {
    const archive = buildTarGz([{ name: 'other', content: 'x' }]);
    server = await startServer({ '/r/faketool.tar.gz': { body: archive } });

    await expect(install(spec({ url: `${ORIGIN}/r/faketool.tar.gz`, sha256: sha256(archive) }))).rejects.toThrow(
      new ToolError('faketool', `the faketool download from ${ORIGIN}/r/faketool.tar.gz has no file at "bin/faketool"`)
    );
    expect(await readdir(path.join(cacheDir, 'faketool', '1.2.3'))).toEqual([]);
  });

  const invalidSpecs: Array<[string, Partial<BinaryToolSpec>, Partial<ToolAsset>, string]> = [
    ['version with a slash', { version: '../1' }, {}, 'invalid version "../1" for faketool: expected a non-empty name without "/" or "\\"'],
    ['upper-case digest', {}, { sha256: 'A'.repeat(64) }, `invalid sha256 "${'A'.repeat(64)}" for ${ORIGIN}/x: expected 64 lower-case hex digits`],
    ['executable outside', {}, { executable: '../faketool' }, 'invalid executable path "../faketool": expected a relative path inside the archive']
  ];
  test.each(invalidSpecs)('spec with %s is rejected', async (_label, specChange, assetChange, message) => {
    const toolSpec = { ...spec({ url: `${ORIGIN}/x`, sha256: 'a'.repeat(64), ...assetChange }), ...specChange };

    await expect(install(toolSpec)).rejects.toThrow(new ToolError('faketool', message));
  });
});
