// `npm test`: type check, lint and format check, layer check, then every *.test.ts with node's test runner.
// Node 20's runner does not expand globs, so the test files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function run(label, command, args) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`\n${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const only = process.argv.slice(2);
if (only.length === 0) {
  run('types (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.']);
  run('types of the dashboard (tsc, DOM)', 'npx', ['tsc', '--noEmit', '-p', 'web']);
  run('lint and format (biome)', 'npx', ['biome', 'check', '.']);
  run('layers and cycles (dependency-cruiser)', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']);
}
const files = only.length > 0 ? only : [...testFiles('src'), ...testFiles('test'), ...testFiles('web')].sort();
run('tests (node --test)', process.execPath, ['--import', 'tsx', '--test', ...files]);
