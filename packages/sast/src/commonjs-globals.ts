import path from 'node:path';
import { fileURLToPath } from 'node:url';

// TypeScript's compiler (loaded by @typescript-eslint/parser) reads the CommonJS globals
// `__filename` and `__dirname` when it starts, to test whether the file system is case
// sensitive. The ncc bundle of an action is an ES module, where neither exists, so they are
// defined here, before the parser is imported. Where they already exist they are left alone.
const globals = globalThis as { __filename?: string; __dirname?: string };
globals.__filename ??= fileURLToPath(import.meta.url);
globals.__dirname ??= path.dirname(globals.__filename);
