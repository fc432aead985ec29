import os from 'node:os';
import path from 'node:path';

/** Returns the tool cache root: `$RUNNER_TOOL_CACHE` in an action, `~/.cache/devsecops/tools` elsewhere. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNNER_TOOL_CACHE) {
    return env.RUNNER_TOOL_CACHE;
  }
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'devsecops', 'tools');
}
