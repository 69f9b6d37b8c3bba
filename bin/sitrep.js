#!/usr/bin/env node
// Runs the TypeScript sources: from a compiled bundle kept in node_modules/.cache (bin/compiled.js: rebuilt whenever
// a source changes), else through tsx, which compiles them on the fly (and caches the result).
import { compiledMain } from './compiled.js';

// A reader that stops early (`sitrep export … | head`) closes the pipe: what is left to print has nowhere to go,
// which is no error. Stop quietly, as command-line tools do, with the status so far; any other failure to write is
// still one.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

let main = await compiledMain();
if (main === null) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
