/** The logging surface passed into packages, so tests can record what was logged. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {}
};

/** A logger that keeps every line, for tests. */
export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: keyof Logger; message: string }> = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  messages(level?: keyof Logger): string[] {
    return this.lines.filter((line) => !level || line.level === level).map((line) => line.message);
  }
}
