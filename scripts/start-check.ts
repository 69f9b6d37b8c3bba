// `npm run start:check`: what `npm start` does, checked and stopped. It starts `sitrep serve` on a free port over the
// database `npm start` fills, loads the dashboard once the way the page does (its files, then the API calls of the
// first view and of an event page), asserts each answers 200 with the Content-Security-Policy, prints the address
// and what it found, and stops the server. Exit 0 when all of it worked.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const db = process.argv[process.argv.indexOf('--db') + 1] ?? 'sitrep.db';

interface Check {
  path: string;
  status: number;
  ms: number;
  body: unknown;
}

async function main(): Promise<number> {
  const child = spawn(process.execPath, ['bin/sitrep.js', 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      seen += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(seen);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`sitrep serve stopped (exit ${code}) before listening:\n${seen}`)));
  });
  const failures: string[] = [];
  const get = async (path: string): Promise<Check> => {
    const started = performance.now();
    const response = await fetch(`${address}${path}`);
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await response.json() : await response.text();
    const check = { path, status: response.status, ms: performance.now() - started, body };
    if (response.status !== 200) failures.push(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    if (!/connect-src 'self'/.test(response.headers.get('content-security-policy') ?? '')) {
      failures.push(`${path}: no Content-Security-Policy with connect-src 'self'`);
    }
    return check;
  };
  try {
    const files = await Promise.all(['/', '/app.js', '/app.css', '/basemap.json'].map(get));
    const [events, trends, network, actors] = await Promise.all([
      get('/events?limit=100'),
      get('/trends?level=actor&limit=50'),
      get('/network?level=actor&limit=150'),
      get('/actors?limit=200'),
    ]);
    const listed = (events.body as { events?: { id: string; document: string }[] }).events ?? [];
    const first = listed[0];
    const detail = first ? [await get(`/events/${first.id}`), await get(`/documents/${first.document}`)] : [];
    if (!first) failures.push('/events: no event in the database — did the ingest run?');
    const dyads = (trends.body as { dyads?: { weeks: { events: number; breakout: boolean }[] }[] }).dyads ?? [];
    const breaking = dyads.filter((dyad) => dyad.weeks.findLast((week) => week.events > 0)?.breakout).length;
    const graph = network.body as { nodes?: unknown[]; edges?: unknown[] };
    const out = process.stdout;
    out.write(`dashboard: ${address}/ (database ${db})\n`);
    out.write(
      `first view: ${listed.length} events listed, ${dyads.length} dyads on the timeline, ${breaking} in the escalation panel, ` +
        `${graph.nodes?.length ?? 0} actors and ${graph.edges?.length ?? 0} pairs in the network, ` +
        `${((actors.body as { actors?: unknown[] }).actors ?? []).length} actor names\n`,
    );
    for (const check of [...files, events, trends, network, actors, ...detail]) {
      out.write(`  ${String(check.status).padEnd(4)}${check.ms.toFixed(0).padStart(5)} ms  ${check.path}\n`);
    }
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  for (const failure of failures) process.stderr.write(`start:check: ${failure}\n`);
  process.stdout.write(failures.length === 0 ? 'start:check: ok\n' : `start:check: ${failures.length} problems\n`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
