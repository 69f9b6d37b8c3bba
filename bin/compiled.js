// A compiled copy of the command line, kept beside the dependencies, so that a command starts in about a tenth of a
// second. Running the TypeScript through tsx costs a loader thread and a round trip per module on every start
// (≈ 300 ms on this project's machines, more than `sitrep events` takes to answer on a million events). esbuild —
// tsx's own compiler, a dependency of tsx — bundles src/cli/main.ts (packages stay external, lazily imported
// commands stay separate chunks) into node_modules/.cache/sitrep-cli/<key>/, where the key hashes the path, size
// and modification time of every source file: an edited source makes a new bundle on the next run, never a stale
// one. Anything that fails here (no esbuild, a read-only folder) returns null and the caller runs the sources
// through tsx as before. SITREP_NO_BUNDLE=1 always does.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bump when the build options below change, so older bundles are not reused. */
const BUILD_VERSION = 2;
const root = fileURLToPath(new URL('..', import.meta.url));
const sources = join(root, 'src');
const cacheDir = join(root, 'node_modules', '.cache', 'sitrep-cli');

/** Every file under src/ and web/, with size and modification time: what the bundle was made from. */
function sourceKey() {
  const hash = createHash('sha256').update(`${BUILD_VERSION}\0${process.version}\0`);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(sources);
  // The dashboard's builder (web/build.ts) is bundled into the CLI too.
  walk(join(root, 'web'));
  return hash.digest('hex').slice(0, 16);
}

async function build(outdir) {
  // esbuild comes with tsx (a dependency of the project), so it is resolved from there.
  const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild');
  const partial = `${outdir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await esbuild.build({
    // The extraction worker too: a worker thread started from the bundle loads it without tsx (extract-pool.ts).
    entryPoints: [join(sources, 'cli', 'main.ts'), join(sources, 'cli', 'extract-worker.ts')],
    define: { __SITREP_WORKER__: JSON.stringify(pathToFileURL(join(outdir, 'extract-worker.js')).href) },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: partial,
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [
      {
        // A module that finds files next to itself (the data folder) must still find them from the bundle.
        name: 'keep-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  try {
    renameSync(partial, outdir);
  } catch (error) {
    // Another process made the same bundle first: theirs is used.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(outdir)) throw error;
  }
  // Bundles older than a day go, best effort (a younger one may still be running a command).
  for (const name of readdirSync(dirname(outdir))) {
    const path = join(dirname(outdir), name);
    if (path !== outdir && Date.now() - statSync(path).mtimeMs > 86_400_000) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/** The compiled `main`, built first when the sources changed; null when it cannot be had. */
export async function compiledMain() {
  if (process.env.SITREP_NO_BUNDLE === '1') return null;
  try {
    const outdir = join(cacheDir, sourceKey());
    if (!existsSync(join(outdir, 'main.js'))) {
      mkdirSync(cacheDir, { recursive: true });
      await build(outdir);
    }
    process.setSourceMapsEnabled(true);
    const { main } = await import(pathToFileURL(join(outdir, 'main.js')).href);
    return typeof main === 'function' ? main : null;
  } catch {
    return null;
  }
}
