import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PloverType } from '../core/ontology/plover.ts';
import type { Actor, EventRecord, Place } from '../core/record.ts';
import { mergeKey } from './compatible.ts';
import { type MergeInput, mergedId, mergeEvents, mergeLoading } from './merge.ts';
import { independentSources, jaccard, wordSet } from './sources.ts';
import { party } from './testing.ts';

const IS = party('islamic-state', 'Islamic State', 'IMG', 'REB');
const ARMY = party('generic:IRQ:military', 'Iraqi forces', 'IRQ', 'MIL');
const FORCES = party('generic:military', 'forces', null, 'MIL');
const PROTESTERS = party('generic:protesters', 'protesters', null, 'CVL');

const town = (name: string, lat: number, lon: number, precision: 1 | 2 = 1): Place => ({
  text: name,
  name,
  feature: 'town',
  country: 'IRQ',
  countries: ['IRQ'],
  admin1: 'Nineveh',
  lat,
  lon,
  precision,
  span: null,
});
const MOSUL = town('Mosul', 36.335, 43.119);
const NINEVEH: Place = { ...town('Nineveh', 36.2, 42.5), feature: 'admin1', precision: 3 };

interface Spec {
  id: string;
  document: string;
  outlet?: string | null;
  type?: PloverType;
  mode?: string | null;
  actor?: Actor[];
  recipient?: Actor[];
  date?: [string, string] | null;
  place?: Place | null;
  killed?: number | null;
  via?: string[];
  status?: EventRecord['claim']['status'];
  text?: string;
}

const WIRE_TEXT =
  'Islamic State militants attacked an army checkpoint near Mosul on Tuesday, killing four soldiers, two security officials said.';

function input(spec: Spec): MergeInput {
  const text = spec.text ?? WIRE_TEXT;
  const event: EventRecord = {
    id: spec.id,
    document: spec.document,
    type: spec.type ?? 'ASSAULT',
    mode: spec.mode ?? null,
    context: [],
    intensity: -9,
    quad: 4,
    cameo: { root: '19', goldstein: -10 },
    acled: null,
    actor: spec.actor ?? [IS],
    recipient: spec.recipient ?? [ARMY],
    date:
      spec.date === null
        ? null
        : {
            start: spec.date?.[0] ?? '2024-05-07',
            end: spec.date?.[1] ?? '2024-05-07',
            precision: spec.date && spec.date[0] !== spec.date[1] ? 'range' : 'day',
            text: 'on Tuesday',
            basis: 'explicit',
            span: null,
          },
    place: spec.place === undefined ? MOSUL : spec.place,
    count: null,
    killed: spec.killed === null ? null : { min: spec.killed ?? 4, max: spec.killed ?? 4 },
    injured: null,
    victims: [],
    claim: { status: spec.status ?? 'reported', via: spec.via ?? [spec.outlet ?? 'Desert Wire'], sources: [] },
    modality: 'asserted',
    links: [],
    evidence: [{ sentence: 0, start: 0, end: text.length, text, trigger: null }],
    provenance: { extractor: 'test', fields: {} },
    confidence: 0.8,
  };
  const outlet = spec.outlet === undefined ? 'Desert Wire' : spec.outlet;
  return { event, outlet, url: `https://example.org/${spec.document}`, published: '2024-05-08' };
}

/** Three reports of one invented attack (a wire story, a copy of it, another outlet's own report) and others. */
const REPORTS: MergeInput[] = [
  input({ id: 'e-wire', document: 'wire', outlet: 'Desert Wire' }),
  input({
    id: 'e-copy',
    document: 'copy',
    outlet: 'Tigris Post',
    via: ['Desert Wire', 'Tigris Post'],
    text: `${WIRE_TEXT} according to Desert Wire`,
  }),
  input({
    id: 'e-own',
    document: 'own',
    outlet: 'Nineveh Monitor',
    recipient: [FORCES],
    date: ['2024-05-06', '2024-05-08'],
    killed: 5,
    place: NINEVEH,
    status: 'claimed',
    text: 'Five soldiers died when jihadists stormed a post outside the city, the army said.',
  }),
  // The same day and place, but a protest: never merged with an assault.
  input({ id: 'e-protest', document: 'protest', outlet: 'Gulf Ledger', type: 'PROTEST', actor: [PROTESTERS] }),
  // An assault in another province a week later.
  input({
    id: 'e-later',
    document: 'later',
    outlet: 'Gulf Ledger',
    date: ['2024-05-14', '2024-05-14'],
    place: { ...town('Tikrit', 34.6, 43.68), admin1: 'Salahuddin' },
  }),
];

test('mergeEvents: one merged event of the three reports of one attack, the rest left apart', () => {
  const merged = mergeEvents(REPORTS);
  assert.equal(merged.length, 1);
  const [m] = merged;
  assert.ok(m);
  assert.equal(m.id, mergedId(['e-wire', 'e-copy', 'e-own']));
  assert.deepEqual(
    m.members.map((x) => [x.event, x.document, x.outlet]),
    [
      ['e-copy', 'copy', 'Tigris Post'],
      ['e-own', 'own', 'Nineveh Monitor'],
      ['e-wire', 'wire', 'Desert Wire'],
    ],
  );
  assert.equal(m.articles, 3);
  assert.equal(m.outlets, 3);
  assert.equal(m.independentSources, 2, 'the copy of the wire story counts once');
  assert.deepEqual(m.sources, [['copy', 'wire'], ['own']]);
  assert.deepEqual(m.fields.type, { value: 'ASSAULT', documents: ['copy', 'own', 'wire'] });
  assert.deepEqual(
    m.fields.recipient.map((r) => [r.value.name, r.documents]),
    [
      ['Iraqi forces', ['copy', 'wire']],
      ['forces', ['own']],
    ],
  );
  assert.deepEqual(m.fields.date, {
    start: '2024-05-07',
    end: '2024-05-07',
    precision: 'day',
    basis: 'intersection',
    documents: ['copy', 'wire'], // the ranges that bound it; own's 6–8 May holds it but does not narrow it
  });
  assert.equal(m.fields.place?.value.name, 'Mosul', 'the town, not the province');
  assert.deepEqual(m.fields.place?.documents, ['copy', 'wire']);
  assert.deepEqual(m.fields.claim, { value: 'reported', documents: ['copy', 'wire'] });
});

test('mergeEvents: conflicting casualty counts become a range with who reported which', () => {
  const [m] = mergeEvents(REPORTS);
  assert.deepEqual(m?.fields.killed, {
    min: 4,
    max: 5,
    reports: [
      { document: 'copy', outlet: 'Tigris Post', min: 4, max: 4 },
      { document: 'own', outlet: 'Nineveh Monitor', min: 5, max: 5 },
      { document: 'wire', outlet: 'Desert Wire', min: 4, max: 4 },
    ],
  });
  assert.equal(m?.fields.injured, null);
});

test('mergeLoading: from the merge keys, loading only the events that merge, the merged events of mergeEvents', () => {
  const byId = new Map(REPORTS.map((r) => [r.event.id, r]));
  const asked: string[][] = [];
  const merged = mergeLoading(
    REPORTS.map((r) => mergeKey(r.event)),
    (ids) => {
      asked.push(ids);
      // Answered in another order than asked: the merge must not depend on it.
      return [...ids].reverse().map((id) => byId.get(id) as MergeInput);
    },
  );
  assert.deepEqual(merged, mergeEvents(REPORTS));
  assert.equal(asked.length, 1, 'one load');
  assert.deepEqual(
    [...(asked[0] ?? [])].sort(),
    merged.flatMap((m) => m.members.map((member) => member.event)).sort(),
    'only the members of merged events are loaded',
  );
  assert.ok((asked[0]?.length ?? 0) < REPORTS.length);
});

test('mergeEvents: the result does not depend on the order of the input', () => {
  const expected = mergeEvents(REPORTS);
  // A fixed pseudo-random sequence of shuffles (Park–Miller), so a failure can be replayed.
  let seed = 42;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let round = 0; round < 20; round++) {
    const shuffled = [...REPORTS];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as MergeInput, shuffled[i] as MergeInput];
    }
    assert.deepEqual(mergeEvents(shuffled), expected, `round ${round}`);
  }
});

test('mergeEvents: clusters are connected components (a chain of day-apart reports is one event)', () => {
  const chain = [
    input({ id: 'a', document: 'd1', date: ['2024-05-06', '2024-05-06'] }),
    input({ id: 'b', document: 'd2', date: ['2024-05-07', '2024-05-07'] }),
    input({ id: 'c', document: 'd3', date: ['2024-05-08', '2024-05-08'] }),
  ];
  const [m, ...rest] = mergeEvents(chain);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    m?.members.map((x) => x.event),
    ['a', 'b', 'c'],
  );
  // The three days do not meet: the narrowest range is kept, and the earliest of equals.
  assert.equal(m?.fields.date?.basis, 'narrowest');
  assert.equal(m?.fields.date?.start, '2024-05-06');
  assert.deepEqual(m?.fields.date?.documents, ['d1']);
});

test('mergeEvents: two events of one document are not merged with each other; singletons are left out', () => {
  const same = [input({ id: 'x1', document: 'one' }), input({ id: 'x2', document: 'one' })];
  assert.deepEqual(mergeEvents(same), []);
  assert.equal(mergeEvents(same, { singletons: true }).length, 2);
});

test('independent sources: copies of one wire story count once, different reports twice', () => {
  assert.ok(jaccard(wordSet(WIRE_TEXT), wordSet(`${WIRE_TEXT} according to Desert Wire`)) >= 0.8);
  const wire = { document: 'w', origin: 'Desert Wire', text: WIRE_TEXT };
  const copy = { document: 'c', origin: 'desert wire', text: `${WIRE_TEXT} according to Desert Wire` };
  const other = { document: 'o', origin: 'Nineveh Monitor', text: 'Five soldiers died when jihadists stormed a post.' };
  // The same words from another origin: two outlets each reporting it (a shared press release, say) stay two.
  const sameWordsOtherOrigin = { document: 'x', origin: 'Gulf Ledger', text: WIRE_TEXT };
  assert.deepEqual(independentSources([wire, copy]), [['c', 'w']]);
  assert.deepEqual(independentSources([copy, other, wire]), [['c', 'w'], ['o']]);
  assert.deepEqual(independentSources([wire, sameWordsOtherOrigin]), [['w'], ['x']]);
  // One origin, but a different story (the wire's second report of the day): two.
  const second = { document: 'w2', origin: 'Desert Wire', text: 'Officials later raised the toll to six.' };
  assert.deepEqual(independentSources([wire, second]), [['w'], ['w2']]);

  const twoOutlets = mergeEvents([REPORTS[0] as MergeInput, REPORTS[1] as MergeInput]);
  assert.equal(twoOutlets[0]?.outlets, 2);
  assert.equal(twoOutlets[0]?.independentSources, 1);
  const twoReports = mergeEvents([REPORTS[0] as MergeInput, REPORTS[2] as MergeInput]);
  assert.equal(twoReports[0]?.independentSources, 2);
});

test('mergeEvents: missing evidence never links two reports (no firm date, no place, no named party)', () => {
  const GUNMEN = party(null, 'gunmen', null, 'UAF');
  const loose = (spec: Partial<Spec>, n: number) => input({ id: `l${n}`, document: `d${n}`, ...spec });
  // Undated, unplaced, or only unidentified parties on both sides: each stays on its own.
  assert.equal(mergeEvents([loose({ date: null }, 1), loose({ date: null }, 2)]).length, 0);
  assert.equal(mergeEvents([loose({ place: null }, 1), loose({ place: null }, 2)]).length, 0);
  assert.equal(
    mergeEvents([loose({ actor: [GUNMEN], recipient: [] }, 1), loose({ actor: [GUNMEN], recipient: [] }, 2)]).length,
    0,
  );
  // A month-long date is not firm enough either.
  assert.equal(mergeEvents([loose({ date: ['2024-05-01', '2024-05-31'] }, 1), loose({}, 2)]).length, 0);
});
