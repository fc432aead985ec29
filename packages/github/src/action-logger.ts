import * as core from '@actions/core';
import type { Logger } from '@devsecops/core';

/**
 * Logs through the runner. Warnings and errors stay plain log lines because workflow
 * annotations are limited to 10 of each level in a step, and those are kept for findings.
 */
export function actionLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    warning: (message) => core.info(`Warning: ${message}`),
    error: (message) => core.info(`Error: ${message}`)
  };
}
