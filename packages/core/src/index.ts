export * from './finding.js';
export * from './errors.js';
export * from './logger.js';
export * from './workspace.js';
export * from './report.js';
export * from './config.js';
export * from './policy.js';
