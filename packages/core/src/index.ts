export * from './finding.js';
export * from './errors.js';
export * from './logger.js';
