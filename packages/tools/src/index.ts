export * from './types.js';
export * from './errors.js';
export * from './cache-dir.js';
export * from './install-binary.js';
export * from './install-pip.js';
export * from './find-on-path.js';
export * from './run-tool.js';
export * from './manifest.js';
