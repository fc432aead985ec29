import { ToolError } from './errors.js';
import type { InstallPipToolOptions, PipToolSpec } from './types.js';

/** Installs a pip tool with hash-checked requirements into its own venv; returns the console script's path. */
export async function installPipTool(spec: PipToolSpec, _options: InstallPipToolOptions): Promise<string> {
  throw new ToolError(spec.name, 'installPipTool is not implemented yet');
}
