// `sitrep events`, `show` and `export` end to end, on a database ingested from reports written for this test.
// Expectations are taken from the stored records themselves where they depend on what the extractor reads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { distanceKm } from '../src/core/geo.ts';
import type { EventRecord } from '../src/core/record.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-query-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'query.db');

const REPORTS: Record<string, string> = {
  kirkuk: `---
title: Drone strike hits depot near Kirkuk
url: https://example.org/test/kirkuk-drone
outlet: Test Wire
published: 2024-04-10
---
KIRKUK, April 10 (Test Wire) - A Turkish drone struck a weapons depot of the Kurdistan Workers' Party near Kirkuk on Tuesday, killing three fighters, two security officials said.
`,
  basra: `---
title: Protesters march in Basra over power cuts
url: https://example.org/test/basra-protest
outlet: Gulf Ledger
published: 2024-04-15
---
About 300 protesters marched in Basra on Sunday to demand an end to power cuts, a local official said.
`,
  borno: `---
title: Militants attack army post in Borno
url: https://example.org/test/borno-attack
outlet: Sahel Courier
published: 2024-03-20
---
Boko Haram militants attacked an army post near Maiduguri on Monday, killing five soldiers and wounding seven, the Nigerian army said.
`,
};

function sitrep(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/sitrep.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SITREP_DB: db },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let all: EventRecord[] = [];
const byDocument = (id: string): EventRecord => {
  const event = all.find((e) => e.document === id);
  assert.ok(event, `an event of ${id}`);
  return event;
};
/** `sitrep events --json ARGS` run in this process (spawning a command per filter would be slow). */
async function ids(...args: string[]): Promise<string[]> {
  let out = '';
  const write = process.stdout.write;
  // The command writes strings; the test runner's own reports (binary) pass through untouched.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return write.call(process.stdout, chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  let code: number;
  try {
    code = await main(['node', 'sitrep', 'events', '--db', db, '--json', ...args]);
  } finally {
    process.stdout.write = write;
  }
  assert.equal(code, 0, args.join(' '));
  return (JSON.parse(out) as EventRecord[]).map((e) => e.id);
}

before(() => {
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(reports, `${name}.md`), text);
  const run = sitrep('ingest', reports, '--db', db);
  assert.equal(run.code, 0, run.err);
  all = JSON.parse(sitrep('events', '--json').out) as EventRecord[];
});

test('sitrep events: every stored event, latest first, as a table or as records, within --limit', async () => {
  assert.ok(all.length >= 3, `${all.length} events`);
  const starts = all.map((e) => e.date?.start ?? '');
  assert.deepEqual(starts, [...starts].sort().reverse());
  const table = sitrep('events');
  assert.equal(table.code, 0, table.err);
  assert.match(table.out, /^id\s+date\s+type\s+actor → recipient\s+place\s+killed\s+claim/);
  assert.match(table.out, new RegExp(`${all.length} events`));
  for (const e of all) assert.ok(table.out.includes(e.id), e.id);
  assert.equal((await ids('--limit', '1')).length, 1);
  assert.deepEqual(await ids('--limit', '1'), [all[0]?.id]);
});

test('sitrep events: filters by type, mode, country, dates, actor, dyad, distance and text', async () => {
  const borno = byDocument('borno');
  const basra = byDocument('basra');
  const kirkuk = byDocument('kirkuk');
  const expect = async (args: string[], predicate: (e: EventRecord) => boolean) =>
    assert.deepEqual(
      await ids(...args),
      all.filter(predicate).map((e) => e.id),
      args.join(' '),
    );

  await expect(['--type', 'protest'], (e) => e.type === 'PROTEST');
  assert.ok((await ids('--type', 'PROTEST')).includes(basra.id));
  if (kirkuk.mode) await expect(['--mode', kirkuk.mode], (e) => e.mode === kirkuk.mode);
  assert.ok((await ids('--country', 'nga')).includes(borno.id));
  assert.ok(!(await ids('--country', 'NGA')).includes(basra.id));
  await expect(['--since', '2024-04-01'], (e) => e.date !== null && e.date.end >= '2024-04-01');
  await expect(['--until', '2024-03-31'], (e) => e.date !== null && e.date.start <= '2024-03-31');
  assert.ok((await ids('--actor', 'boko')).includes(borno.id));
  assert.deepEqual(await ids('--actor', 'no such group'), []);

  const actor = borno.actor[0];
  const recipient = borno.recipient[0];
  if (actor && recipient) {
    assert.ok((await ids('--dyad', `${actor.name}:${recipient.text}`)).includes(borno.id));
    if (recipient.country) assert.ok((await ids('--dyad', `${actor.name}:${recipient.country}`)).includes(borno.id));
    assert.ok(!(await ids('--dyad', `${recipient.text}:${actor.name}`)).includes(borno.id), 'a dyad is directed');
  }

  const place = basra.place;
  assert.ok(place?.lat != null && place.lon != null, 'Basra is placed');
  const near = (km: number) =>
    all.filter(
      (e) =>
        e.place?.lat != null && e.place.lon != null && distanceKm({ lat: 30.5, lon: 47.8 }, e.place as never) <= km,
    );
  assert.deepEqual(
    await ids('--near', '30.5,47.8', '--within', '25'),
    near(25).map((e) => e.id),
  );
  assert.ok((await ids('--near', '30.5,47.8', '--within', '25')).includes(basra.id));
  assert.ok(!(await ids('--near', '30.5,47.8', '--within', '25')).includes(borno.id));

  await expect(['--text', 'maiduguri SOLDIERS'], (e) => e.document === 'borno');
  assert.deepEqual(await ids('--text', 'maiduguri basra'), []);
  await expect(['--text', 'Basra', '--type', 'PROTEST'], (e) => e.document === 'basra' && e.type === 'PROTEST');
});

test('sitrep events: bad filters and a missing database are told, with a status', () => {
  const cases: [string[], number, RegExp][] = [
    [['--near', '30.5,47.8'], 2, /--near and --within go together/],
    [['--near', 'Basra', '--within', '5'], 1, /not a point/],
    [['--type', 'BOMB'], 1, /not a PLOVER type/],
    [['--dyad', 'militia'], 1, /not a dyad/],
    [['--since', 'May 3'], 1, /not a date/],
    [['--db', join(dir, 'missing.db')], 1, /no database at/],
  ];
  for (const [args, code, message] of cases) {
    const run = sitrep('events', ...args);
    assert.equal(run.code, code, args.join(' '));
    assert.match(run.err, message, args.join(' '));
  }
});

test('sitrep show: fields with their rules, the claim chain, links and evidence with document, url and offsets', () => {
  const event = byDocument('borno');
  const text = sitrep('show', event.id);
  assert.equal(text.code, 0, text.err);
  for (const part of ['fields:', 'claim chain:', 'links:', 'evidence:', `event ${event.id}`]) {
    assert.ok(text.out.includes(part), part);
  }
  for (const rule of Object.values(event.provenance.fields)) assert.ok(text.out.includes(`rule: ${rule}`), rule);
  assert.ok(text.out.includes('https://example.org/test/borno-attack'));
  const evidence = event.evidence[0];
  assert.ok(evidence);
  assert.ok(text.out.includes(`[borno sentence ${evidence.sentence}, chars ${evidence.start}–${evidence.end}]`));

  const json = sitrep('show', event.id, '--json');
  assert.equal(json.code, 0, json.err);
  const shown = JSON.parse(json.out) as {
    event: EventRecord;
    fields: { field: string; value: string; rule: string | null }[];
    evidence: { documentId: string; url: string; start: number; end: number; text: string }[];
  };
  assert.deepEqual(shown.event, event);
  assert.equal(shown.fields.find((f) => f.field === 'type')?.rule, event.provenance.fields.type ?? null);
  assert.deepEqual(
    shown.evidence.map((m) => [m.documentId, m.url, m.start, m.end, m.text]),
    event.evidence.map((ev) => ['borno', 'https://example.org/test/borno-attack', ev.start, ev.end, ev.text]),
  );
  const missing = sitrep('show', 'no-such-event');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no event no-such-event/);
});

/** RFC 4180 records, for reading the exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field, '', 'the CSV ends with a line break');
  return rows;
}

const ACLED_COLUMNS =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(
    ',',
  );

test('sitrep export: jsonl, csv, geojson, plover and acled read back, whole and filtered', () => {
  const exported = (format: string, ...args: string[]) => {
    const run = sitrep('export', '--format', format, ...args);
    assert.equal(run.code, 0, run.err);
    return run.out;
  };
  const jsonl = exported('jsonl')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as EventRecord);
  assert.deepEqual(jsonl, all);
  assert.deepEqual(
    exported('jsonl', '--type', 'PROTEST')
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as EventRecord).id),
    all.filter((e) => e.type === 'PROTEST').map((e) => e.id),
  );

  const csv = parseCsv(exported('csv'));
  const header = csv[0] ?? [];
  assert.deepEqual(header.slice(0, 3), ['id', 'document', 'date_start']);
  assert.equal(csv.length, all.length + 1);
  for (const row of csv) assert.equal(row.length, header.length);
  const borno = byDocument('borno');
  const bornoRow = csv.find((row) => row[0] === borno.id);
  assert.ok(bornoRow);
  const cell = (name: string) => bornoRow[header.indexOf(name)];
  assert.equal(cell('evidence'), borno.evidence.map((e) => e.text).join(' … '));
  assert.equal(cell('killed_min'), String(borno.killed?.min ?? ''));
  assert.equal(cell('type'), borno.type);

  const geojson = JSON.parse(exported('geojson')) as {
    type: string;
    features: {
      type: string;
      id: string;
      geometry: { type: string; coordinates: number[] };
      properties: { id: string };
    }[];
  };
  assert.equal(geojson.type, 'FeatureCollection');
  const placed = all.filter((e) => e.place?.lat != null && e.place.lon != null);
  assert.deepEqual(
    geojson.features.map((f) => f.id),
    placed.map((e) => e.id),
  );
  for (const [i, f] of geojson.features.entries()) {
    assert.equal(f.type, 'Feature');
    assert.equal(f.geometry.type, 'Point');
    assert.deepEqual(f.geometry.coordinates, [placed[i]?.place?.lon, placed[i]?.place?.lat]);
    assert.equal(f.properties.id, f.id);
  }
  assert.deepEqual(JSON.parse(exported('geojson', '--text', 'no-such-word-anywhere')), {
    type: 'FeatureCollection',
    features: [],
  });

  const plover = exported('plover')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(
    plover.map((r) => r.id),
    all.map((e) => e.id),
  );
  for (const r of plover) {
    for (const key of [
      'date',
      'enddate',
      'actor',
      'recipient',
      'event',
      'quad_code',
      'event_scale',
      'coder',
      'coded_date',
    ]) {
      assert.ok(key in r, key);
    }
  }

  const out = join(dir, 'acled.csv');
  const toFile = sitrep('export', '--format', 'acled', '--out', out);
  assert.equal(toFile.code, 0, toFile.err);
  assert.equal(toFile.out, '');
  const acled = parseCsv(readFileSync(out, 'utf8'));
  assert.deepEqual(acled[0], ACLED_COLUMNS);
  const coded = all.filter((e) => e.acled !== null);
  assert.equal(acled.length, coded.length + 1);
  for (const [i, row] of acled.slice(1).entries()) {
    const e = coded[i];
    assert.ok(e);
    const value = (name: string) => row[ACLED_COLUMNS.indexOf(name)];
    assert.equal(value('event_id_cnty'), `${e.place?.country ?? 'XXX'}-${e.id}`);
    assert.equal(value('event_type'), e.acled?.event_type);
    assert.equal(value('sub_event_type'), e.acled?.sub_event_type);
    assert.equal(value('fatalities'), String(e.killed?.min ?? 0));
    assert.equal(value('time_precision'), e.date?.precision === 'day' ? '1' : value('time_precision'));
  }

  const bad = sitrep('export', '--format', 'xml');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown format "xml"/);
});
