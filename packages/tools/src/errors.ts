/** A failure to install or run an external tool, naming the tool. */
export class ToolError extends Error {
  constructor(
    readonly tool: string,
    message: string
  ) {
    super(message);
    this.name = 'ToolError';
  }
}
