import { ToolError } from './errors.js';
import type { RunToolOptions, RunToolResult } from './types.js';

/** Runs a tool without a shell, with a timeout that kills its process tree; never throws for a non-zero exit. */
export async function runTool(options: RunToolOptions): Promise<RunToolResult> {
  throw new ToolError(options.command, 'runTool is not implemented yet');
}

/** Throws a ToolError with the tail of stderr when the result's exit code is not in `allowedExitCodes` (default `[0]`). */
export function checkExitCode(tool: string, result: RunToolResult, allowedExitCodes: number[] = [0]): RunToolResult {
  if (result.exitCode !== null && allowedExitCodes.includes(result.exitCode)) {
    return result;
  }
  throw new ToolError(tool, `${tool} failed: ${result.exitCode}`);
}
