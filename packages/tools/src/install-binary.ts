import { chmod, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractArchive, isInside } from './archive.js';
import { CACHE_MARKER, checkCachedInstall, checkPathSegment, defaultCacheDir } from './cache-dir.js';
import { downloadFile } from './download.js';
import { ToolError } from './errors.js';
import type { BinaryToolSpec, InstallBinaryToolOptions, ToolAsset } from './types.js';

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
const DEFAULT_MAX_DOWNLOAD_BYTES = 500 * 1024 * 1024;
const DOWNLOAD_ATTEMPTS = 3;
const DEFAULT_RETRY_WAIT_MS = 5000;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Extra knobs for tests and unusual hosts, beyond the published options. */
export interface InstallBinaryToolTuning {
  /** Wait before the first retry of a failed download, doubled after each; defaults to 5 s. */
  retryWaitMs?: number;
  /** Largest download accepted, in bytes; defaults to 500 MiB. */
  maxDownloadBytes?: number;
}

/** Returns the asset for a platform and architecture, or throws a ToolError listing the supported ones. */
export function selectAsset(spec: BinaryToolSpec, platform: string, arch: string): ToolAsset {
  const asset = spec.assets.find((candidate) => candidate.platform === platform && candidate.arch === arch);
  if (asset) {
    return asset;
  }
  const supported = spec.assets.map((candidate) => `${candidate.platform}-${candidate.arch}`).join(', ') || 'none';
  throw new ToolError(spec.name, `no ${spec.name} ${spec.version} release asset for ${platform}-${arch}; supported: ${supported}`);
}

/**
 * Installs a release binary into `<cacheDir>/<name>/<version>/<platform>-<arch>/` and returns the
 * executable's path. The download's sha256 is checked before anything is extracted or run; a
 * mismatch deletes the download and throws a ToolError with both digests. A finished install is
 * reused without a request when its marker file contains the expected digest.
 */
export async function installBinaryTool(
  spec: BinaryToolSpec,
  options: InstallBinaryToolOptions & InstallBinaryToolTuning
): Promise<string> {
  const { logger } = options;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const asset = selectAsset(spec, platform, arch);
  checkSpec(spec, asset);

  const versionDir = path.join(options.cacheDir ?? defaultCacheDir(), spec.name, spec.version);
  const toolDir = path.join(versionDir, `${platform}-${arch}`);
  const executable = path.join(toolDir, asset.executable);
  if (await checkCachedInstall({ tool: spec.name, folder: toolDir, expected: asset.sha256, executable, logger })) {
    return executable;
  }

  await mkdir(versionDir, { recursive: true });
  const staging = await mkdtemp(path.join(versionDir, '.staging-'));
  try {
    const tree = path.join(staging, 'tree');
    await mkdir(tree);
    await fetchAndExtract({ spec, asset, staging, tree, options });
    await chmodExecutable(spec.name, path.join(tree, asset.executable), asset);

    await rename(tree, toolDir);
    await writeFile(path.join(toolDir, CACHE_MARKER), `${asset.sha256}\n`);
    logger.info(`Installed ${spec.name} ${spec.version} (${platform}-${arch}) in ${toolDir}`);
    return executable;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function checkSpec(spec: BinaryToolSpec, asset: ToolAsset): void {
  checkPathSegment(spec.name, 'tool name', spec.name);
  checkPathSegment(spec.name, 'version', spec.version);
  if (!SHA256_PATTERN.test(asset.sha256)) {
    throw new ToolError(spec.name, `invalid sha256 ${JSON.stringify(asset.sha256)} for ${asset.url}: expected 64 lower-case hex digits`);
  }
  const root = path.resolve('/root-of-check');
  if (asset.executable === '' || path.isAbsolute(asset.executable) || !isInside(root, path.resolve(root, asset.executable))) {
    throw new ToolError(spec.name, `invalid executable path ${JSON.stringify(asset.executable)}: expected a relative path inside the archive`);
  }
}

async function fetchAndExtract(input: {
  spec: BinaryToolSpec;
  asset: ToolAsset;
  staging: string;
  tree: string;
  options: InstallBinaryToolOptions & InstallBinaryToolTuning;
}): Promise<void> {
  const { spec, asset, staging, tree, options } = input;
  const url = resolveUrl(asset.url, options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const download = path.join(staging, 'download');

  const actual = await downloadFile({
    tool: spec.name,
    url,
    destination: download,
    logger: options.logger,
    timeoutMs,
    maxBytes: options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
    attempts: DOWNLOAD_ATTEMPTS,
    retryWaitMs: options.retryWaitMs ?? DEFAULT_RETRY_WAIT_MS
  });
  if (actual !== asset.sha256) {
    await rm(download, { force: true });
    throw new ToolError(
      spec.name,
      `sha256 mismatch for ${spec.name} ${spec.version} downloaded from ${url}: expected ${asset.sha256}, got ${actual}; the download was deleted`
    );
  }

  if (asset.format === 'binary') {
    const target = path.join(tree, asset.executable);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(download, target);
    return;
  }
  await extractArchive({ tool: spec.name, archive: download, format: asset.format, destination: tree, logger: options.logger, timeoutMs });
}

/** Replaces the URL's origin with `baseUrl`'s, keeping the path and query. */
function resolveUrl(url: string, baseUrl: string | undefined): string {
  if (!baseUrl) {
    return url;
  }
  const original = new URL(url);
  const base = new URL(baseUrl);
  original.protocol = base.protocol;
  original.host = base.host;
  return original.href;
}

async function chmodExecutable(tool: string, file: string, asset: ToolAsset): Promise<void> {
  const isFile = await stat(file).then(
    (info) => info.isFile(),
    () => false
  );
  if (!isFile) {
    throw new ToolError(tool, `the ${tool} download from ${asset.url} has no file at ${JSON.stringify(asset.executable)}`);
  }
  if (process.platform !== 'win32') {
    await chmod(file, 0o755);
  }
}
