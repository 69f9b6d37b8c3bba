// Builds the dashboard in memory when the server starts: web/src bundled by esbuild into one script, the page, the
// style sheet, and the Natural Earth country shapes from world-atlas. Everything the browser loads comes from here,
// so the dashboard works with no network. Node-side; the browser code is web/src.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Asset, DashboardAssets } from '../src/api/deps.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function buildDashboard(options: { minify?: boolean } = {}): Promise<DashboardAssets> {
  const bundle = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no dashboard script');
  const read = (path: string) => readFileSync(path, 'utf8');
  return new Map<string, Asset>([
    ['/', { body: read(join(here, 'index.html')), contentType: 'text/html; charset=utf-8' }],
    ['/app.js', { body: script, contentType: 'text/javascript; charset=utf-8' }],
    ['/app.css', { body: read(join(here, 'styles.css')), contentType: 'text/css; charset=utf-8' }],
    ['/favicon.svg', { body: read(join(here, 'favicon.svg')), contentType: 'image/svg+xml' }],
    [
      '/basemap.json',
      { body: read(require.resolve('world-atlas/countries-110m.json')), contentType: 'application/json' },
    ],
  ]);
}
