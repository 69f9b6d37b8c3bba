// The dashboard's files (GET /, /app.js, /app.css, /basemap.json, /favicon.svg), built by web/build.ts and handed
// to createApp; the page keeps its state in the query string, so "/?dyad=…&event=…" is the same file. Without
// assets (tests of the API alone, a server started without the dashboard) these paths are 404s.
import type { Hono } from 'hono';
import type { ApiDeps } from '../deps.ts';

export function registerDashboard(app: Hono, { dashboard }: ApiDeps): void {
  if (!dashboard) return;
  for (const [path, asset] of dashboard) {
    app.get(path, (c) => {
      // The page is small and rebuilt at each start: always revalidate rather than risk a stale script.
      c.header('Cache-Control', 'no-cache');
      return c.body(asset.body, 200, { 'Content-Type': asset.contentType });
    });
  }
}
