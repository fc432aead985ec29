export * from './escape.js';
export * from './markdown.js';
export * from './text.js';
export * from './json.js';
