import * as core from '@actions/core';
import type { Logger } from '@devsecops/core';

/**
 * Logs through the runner. Warnings and errors stay plain log lines because workflow
 * annotations are limited to 10 of each level in a step, and those are kept for findings.
 */
export function actionLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(oneLine(message)),
    warning: (message) => core.info(`Warning: ${oneLine(message)}`),
    error: (message) => core.info(`Error: ${oneLine(message)}`)
  };
}

/**
 * Folds a message onto one line. Messages quote report and repository text, and a line break
 * in it would let that text start a line with `::`, which the runner reads as a workflow
 * command (`::add-mask::`, `::error::`, `::stop-commands::`). `core.debug` escapes its own.
 */
export function oneLine(message: string): string {
  return message.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ⏎ ');
}
