import { ToolError } from './errors.js';
import type { BinaryToolSpec, InstallBinaryToolOptions } from './types.js';

/** Downloads, verifies, extracts and caches a release binary; returns the executable's path. */
export async function installBinaryTool(spec: BinaryToolSpec, _options: InstallBinaryToolOptions): Promise<string> {
  throw new ToolError(spec.name, 'installBinaryTool is not implemented yet');
}
