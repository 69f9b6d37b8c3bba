// GET /trends and GET /network in-process against an in-memory store of invented events between an Iraqi militia
// and U.S. forces, with the bundled actor lexicon for the parent, backer and country levels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHierarchy } from '../../src/analyze/levels.ts';
import { type EventSpec, type PartySpec, record } from '../../src/analyze/testing.ts';
import { readActorData } from '../../src/resources/actors.ts';
import { DEFAULT_DATA_DIR } from '../../src/resources/version.ts';
import { openStore } from '../../src/store/open.ts';
import { documentOf } from '../store/contract.ts';
import { appWith, getJson } from './helpers.ts';

const KH: PartySpec = ['kataib-hezbollah', "Kata'ib Hezbollah", 'IRQ'];
const US: PartySpec = ['us-armed-forces', 'United States Armed Forces', 'USA'];

const data = readActorData(DEFAULT_DATA_DIR);
const hierarchy = buildHierarchy(data.entries, data.countries);

/** A rocket attack a week on U.S. forces through January and February 2024, five in the first week of March. */
function militiaStore() {
  const store = openStore(':memory:');
  const specs: EventSpec[] = [];
  for (let i = 0; i < 8; i++) {
    const day = new Date(Date.UTC(2024, 0, 2 + 7 * i)).toISOString().slice(0, 10);
    specs.push({ id: `rocket-${i}`, date: day, actor: [KH], recipient: [US] });
  }
  for (let j = 0; j < 5; j++) specs.push({ id: `surge-${j}`, date: '2024-02-27', actor: [KH], recipient: [US] });
  specs.push({ id: 'strike', mode: 'aerial', date: '2024-02-29', actor: [US], recipient: [KH], killed: 4 });
  for (const spec of specs) {
    const document = `report-${spec.id}`;
    store.putDocument(documentOf(document, `Report ${spec.id}: rockets struck a base housing U.S. troops.`), [
      record({ ...spec, document }),
    ]);
  }
  return store;
}

test('GET /trends: dyads by week with conflict apart and the breakout week flagged', async () => {
  const app = appWith(militiaStore(), { hierarchy });
  const { status, body } = await getJson(app, '/trends?since=2024-02-26&until=2024-03-03');
  assert.equal(status, 200);
  assert.deepEqual(body.weeks, ['2024-02-26']);
  assert.equal(body.level, 'actor');
  const militia = body.dyads.find((d: { source: { key: string } }) => d.source.key === 'kataib-hezbollah');
  assert.deepEqual(militia.target, {
    key: 'us-armed-forces',
    name: 'United States Armed Forces',
    country: 'USA',
    level: 'actor',
  });
  assert.equal(militia.weeks[0].conflict.events, 5);
  assert.equal(militia.weeks[0].breakout, true);
  assert.match(militia.weeks[0].breakoutReason, /5 conflict events/);
  const strike = body.dyads.find((d: { source: { key: string } }) => d.source.key === 'us-armed-forces');
  assert.equal(strike.totals.killed, 4);
  assert.equal(strike.totals.conflict.peak, 9.5);
  assert.deepEqual(body.rule.window, 8);
});

test("GET /trends: levels read the actor lexicon (backer of Kata'ib Hezbollah, countries by name)", async () => {
  const app = appWith(militiaStore(), { hierarchy });
  const backer = await getJson(app, '/trends?level=backer&dyad=quds:*&since=2024-02-26&until=2024-03-03');
  assert.equal(backer.status, 200);
  assert.deepEqual(
    backer.body.dyads.map(
      (d: { source: { name: string }; target: { name: string } }) => `${d.source.name} → ${d.target.name}`,
    ),
    // Gravest first: five attacks (9 each) outweigh one airstrike (9.5).
    ['IRGC Quds Force → United States Armed Forces', 'United States Armed Forces → IRGC Quds Force'],
  );
  const country = await getJson(app, '/trends?level=country&dyad=IRQ:USA&weeks=1');
  assert.deepEqual(country.body.weeks, ['2024-02-26']);
  assert.deepEqual(
    country.body.dyads.map(
      (d: { source: { name: string }; target: { name: string } }) => `${d.source.name} → ${d.target.name}`,
    ),
    ['Iraq → United States', 'United States → Iraq'],
  );
});

test('GET /trends and /network: bad queries are 400s naming the parameter', async () => {
  const app = appWith(militiaStore());
  const rows: [string, RegExp][] = [
    ['/trends?level=faction', /level: not one of actor, parent, backer, country/],
    ['/trends?dyad=militia', /dyad: "militia" is not a dyad A:B/],
    ['/trends?since=2024-03-01&until=2024-02-01', /since: since is after until/],
    ['/trends?weeks=0', /weeks: at least 1/],
    ['/trends?type=SHELLING', /type: not a PLOVER type/],
    ['/trends?colour=red', /unrecognized key|colour/i],
    ['/network?limit=5000', /limit: at most 2000/],
    ['/network?until=March', /until: not a date/],
  ];
  for (const [path, message] of rows) {
    const { status, body } = await getJson(app, path);
    assert.equal(status, 400, path);
    assert.equal(body.error.code, 'INVALID_REQUEST', path);
    assert.match(body.error.message, message, path);
  }
});

test('GET /network: nodes and directed edges with conflict, cooperation and tone', async () => {
  const app = appWith(militiaStore(), { hierarchy });
  const { status, body } = await getJson(app, '/network?since=2024-01-01&until=2024-03-31');
  assert.equal(status, 200);
  assert.deepEqual(body.edges, [
    { source: 'kataib-hezbollah', target: 'us-armed-forces', events: 13, conflict: 13, cooperation: 0, tone: -1 },
    { source: 'us-armed-forces', target: 'kataib-hezbollah', events: 1, conflict: 1, cooperation: 0, tone: -1 },
  ]);
  assert.deepEqual(
    body.nodes.map((n: { id: string; events: number }) => [n.id, n.events]),
    [
      ['kataib-hezbollah', 14],
      ['us-armed-forces', 14],
    ],
  );
  const parent = await getJson(app, '/network?level=parent');
  assert.deepEqual(parent.body.nodes.map((n: { name: string }) => n.name).sort(), [
    'Islamic Resistance in Iraq',
    'United States Armed Forces',
  ]);
});

test('GET /openapi.json describes /trends and /network', async () => {
  const { body } = await getJson(appWith(openStore(':memory:')), '/openapi.json');
  assert.ok(body.paths['/trends']?.get);
  assert.ok(body.paths['/network']?.get);
});
