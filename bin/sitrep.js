#!/usr/bin/env node
// Runs the TypeScript sources: from a compiled bundle kept in node_modules/.cache (bin/compiled.js: rebuilt whenever
// a source changes), else through tsx, which compiles them on the fly (and caches the result).
import { compiledMain } from './compiled.js';

let main = await compiledMain();
if (main === null) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
