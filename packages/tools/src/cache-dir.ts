import { readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '@devsecops/core';
import { ToolError } from './errors.js';

/** File written last into a tool's cache folder; it contains the sha256 the install verified. */
export const CACHE_MARKER = '.devsecops-verified';

/** Returns the tool cache root: `$RUNNER_TOOL_CACHE` in an action, `~/.cache/devsecops/tools` elsewhere. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNNER_TOOL_CACHE) {
    return env.RUNNER_TOOL_CACHE;
  }
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'devsecops', 'tools');
}

/** Throws a ToolError unless `value` is usable as one folder name of the cache path. */
export function checkPathSegment(tool: string, label: string, value: string): void {
  if (value === '' || value === '.' || value === '..' || /[\\/\0]/.test(value)) {
    throw new ToolError(tool, `invalid ${label} ${JSON.stringify(value)} for ${tool}: expected a non-empty name without "/" or "\\"`);
  }
}

/**
 * Returns true when `folder` contains a finished install whose marker contains `expected` and whose
 * executable exists. A folder without that marker (an interrupted or outdated install) is removed.
 */
export async function checkCachedInstall(options: {
  tool: string;
  folder: string;
  expected: string;
  executable: string;
  logger: Logger;
}): Promise<boolean> {
  const { folder, logger, tool } = options;
  const marker = await readFile(path.join(folder, CACHE_MARKER), 'utf8').catch(() => undefined);
  if (marker !== undefined && marker.trim() === options.expected && (await isFile(options.executable))) {
    logger.info(`Using cached ${tool} from ${folder}`);
    return true;
  }

  if (await exists(folder)) {
    const why = marker === undefined ? 'it has no completion marker' : 'its marker or executable does not match';
    logger.warning(`Removing the incomplete ${tool} install in ${folder} because ${why}`);
    await rm(folder, { recursive: true, force: true });
  }
  return false;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  );
}
