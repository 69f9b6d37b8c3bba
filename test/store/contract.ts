// The contract every store implementation keeps, as a function of a factory: each implementation's test file calls
// it once per way of opening that store (in memory, on disk …). Reports and names here are invented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SitrepError } from '../../src/core/errors.ts';
import type { PloverType } from '../../src/core/ontology/plover.ts';
import { type Actor, type EventRecord, EventRecordSchema } from '../../src/core/record.ts';
import { contentHash } from '../../src/ingest/document.ts';
import type { DocumentToStore, EventFilter, Store } from '../../src/store/store.ts';

export interface StoreFactory {
  /** A new, empty store. */
  open(): Store;
  /** Opens the store `open` last returned again, after it was closed, when the implementation persists. */
  reopen?: () => Store;
}

export function documentOf(id: string, text: string, extra: Partial<DocumentToStore> = {}): DocumentToStore {
  return {
    id,
    url: `https://example.org/news/${id}`,
    outlet: 'Test Wire',
    title: `Report ${id}`,
    published: '2024-05-02',
    contentHash: contentHash(text),
    text,
    source: `/reports/${id}.md`,
    format: 'markdown',
    ...extra,
  };
}

function party(text: string, name: string, country: string | null): Actor {
  return {
    text,
    name,
    id: null,
    country,
    sector: null,
    acled: null,
    kind: 'generic',
    span: { start: 0, end: text.length },
    refersTo: null,
  };
}

interface EventSpec {
  id: string;
  document: string;
  type?: PloverType;
  date?: string | null;
  actor?: [string, string, string | null];
  recipient?: [string, string, string | null];
  placeCountry?: string | null;
  /** Where the place is, when there is one (default: Baqubah's coordinates). */
  at?: [number, number];
  mode?: string | null;
  sentences?: number[];
}

export function eventOf(spec: EventSpec): EventRecord {
  const date = spec.date === undefined ? '2024-05-01' : spec.date;
  const record: EventRecord = {
    id: spec.id,
    document: spec.document,
    type: spec.type ?? 'ASSAULT',
    mode: spec.mode ?? null,
    context: [],
    intensity: -9,
    quad: 4,
    cameo: { root: '19', goldstein: -10 },
    acled: null,
    actor: spec.actor ? [party(...spec.actor)] : [],
    recipient: spec.recipient ? [party(...spec.recipient)] : [],
    date: date
      ? { start: date, end: date, precision: 'day', text: 'on Tuesday', basis: 'explicit', span: { start: 0, end: 10 } }
      : null,
    place:
      spec.placeCountry === undefined || spec.placeCountry === null
        ? null
        : {
            text: 'near Baqubah',
            name: 'Baqubah',
            feature: 'town',
            country: spec.placeCountry,
            countries: [spec.placeCountry],
            admin1: null,
            lat: spec.at?.[0] ?? 33.75,
            lon: spec.at?.[1] ?? 44.64,
            precision: 2,
            span: null,
          },
    count: null,
    killed: { min: 2, max: 2 },
    injured: null,
    victims: ['police officers'],
    claim: {
      status: 'reported',
      via: ['Test Wire'],
      sources: [{ text: 'police', anonymous: false, count: 1, kind: 'police' }],
    },
    modality: 'asserted',
    links: [],
    evidence: (spec.sentences ?? [0]).map((sentence) => ({
      sentence,
      start: sentence * 100,
      end: sentence * 100 + 50,
      text: `Sentence ${sentence} of ${spec.document}.`,
      trigger: { start: 3, end: 9 },
    })),
    provenance: { extractor: 'test', fields: { type: 'trigger:attacked' } },
    confidence: 0.8,
  };
  return EventRecordSchema.parse(record);
}

const REPORT = 'Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said.';

export function storeContract(name: string, factory: StoreFactory): void {
  const withStore = (title: string, body: (store: Store) => void) =>
    test(`store contract (${name}): ${title}`, () => {
      const store = factory.open();
      try {
        body(store);
      } finally {
        store.close();
      }
    });

  withStore('a document and its events come back as they were stored, with their mentions and sources', (store) => {
    const doc = documentOf('raid', REPORT);
    const event = eventOf({ id: 'e1', document: 'raid', sentences: [0, 2], actor: ['Gunmen', 'gunmen', null] });
    assert.deepEqual(store.putDocument(doc, [event]), { replaced: [] });
    const stored = store.getDocument('raid');
    assert.ok(stored);
    const { ingestedAt, ...rest } = stored;
    assert.deepEqual(rest, doc);
    assert.ok(!Number.isNaN(Date.parse(ingestedAt)));
    assert.deepEqual(store.getEvent('e1'), event);
    assert.deepEqual(
      store.getMentions('e1').map((m) => [m.documentId, m.sentence, m.text]),
      [
        ['raid', 0, 'Sentence 0 of raid.'],
        ['raid', 2, 'Sentence 2 of raid.'],
      ],
    );
    assert.equal(store.getDocument('missing'), null);
    assert.equal(store.getEvent('missing'), null);
    const stats = store.stats();
    assert.equal(stats.documents, 1);
    assert.equal(stats.events, 1);
    assert.equal(stats.mentions, 2);
    assert.equal(stats.sources, 1);
    assert.deepEqual(stats.eventsByType, { ASSAULT: 1 });
    assert.ok(stats.schemaVersion >= 1);
  });

  withStore('the same content stored twice changes nothing', (store) => {
    const doc = documentOf('raid', REPORT);
    const events = [eventOf({ id: 'e1', document: 'raid' }), eventOf({ id: 'e2', document: 'raid', type: 'PROTEST' })];
    assert.equal(store.hasContent(doc.contentHash), false);
    store.putDocument(doc, events);
    assert.equal(store.hasContent(doc.contentHash), true);
    const before = { stats: store.stats(), page: store.listEvents() };
    assert.deepEqual(store.putDocument(doc, events), { replaced: ['raid'] });
    assert.deepEqual({ stats: store.stats(), page: store.listEvents() }, before);
    assert.equal(store.hasContent(contentHash(`${REPORT} `)), false);
  });

  withStore('a changed document at the same url replaces the old one, its events and its mentions', (store) => {
    const url = 'https://example.org/news/checkpoint-raid';
    const old = documentOf('raid-v1', REPORT, { url });
    store.putDocument(old, [
      eventOf({ id: 'old-1', document: 'raid-v1' }),
      eventOf({ id: 'old-2', document: 'raid-v1' }),
    ]);
    const updatedText = `${REPORT} A third officer died of his wounds on Wednesday.`;
    const updated = documentOf('raid-v2', updatedText, { url });
    assert.deepEqual(store.putDocument(updated, [eventOf({ id: 'new-1', document: 'raid-v2' })]), {
      replaced: ['raid-v1'],
    });
    assert.equal(store.getDocument('raid-v1'), null);
    assert.equal(store.getEvent('old-1'), null);
    assert.deepEqual(store.getMentions('old-1'), []);
    assert.equal(store.hasContent(old.contentHash), false);
    assert.equal(store.getDocument('raid-v2')?.text, updatedText);
    assert.deepEqual(
      store.listEvents().events.map((e) => e.id),
      ['new-1'],
    );
    const stats = store.stats();
    assert.deepEqual([stats.documents, stats.events, stats.mentions, stats.sources], [1, 1, 1, 1]);
    // The same id at another url replaces it too.
    store.putDocument(documentOf('raid-v2', REPORT, { url: null }), []);
    assert.equal(store.getDocument('raid-v2')?.url, null);
    assert.equal(store.stats().events, 0);
  });

  withStore('a failed write leaves the earlier version untouched (one transaction)', (store) => {
    store.putDocument(documentOf('raid', REPORT), [eventOf({ id: 'e1', document: 'raid' })]);
    const duplicate = eventOf({ id: 'twice', document: 'raid' });
    assert.throws(() => store.putDocument(documentOf('raid', `${REPORT} Updated.`), [duplicate, duplicate]));
    assert.equal(store.getDocument('raid')?.text, REPORT);
    assert.ok(store.getEvent('e1'));
    assert.equal(store.getEvent('twice'), null);
    assert.equal(store.stats().events, 1);
  });

  withStore(
    'hostile text — markup, SQL, quotes, control and astral characters — is stored and returned intact',
    (store) => {
      const hostile = [
        `<script>alert("x")</script><img src=x onerror=alert(1)> '); DROP TABLE events; --`,
        `Robert'); DELETE FROM documents WHERE 1=1; -- "quoted" \`ticks\` \\ backslash % _ wildcards`,
        'NUL \u0000 inside, tab\t, CR\r\n, emoji 🛰️, right-to-left \u202Eabc, Arabic قصف, combining é',
      ].join('\n');
      const doc = documentOf("x'); DROP TABLE documents; --", hostile, {
        url: "https://example.org/?q=' OR 1=1 --",
        title: '<b>"Title"</b>',
        outlet: "O'Brien & Sons",
      });
      const event = eventOf({
        id: "e'; DROP TABLE mentions; --",
        document: doc.id,
        actor: ["'); DROP TABLE events; --", '<i>Gunmen</i>', 'IRQ'],
      });
      store.putDocument(doc, [event]);
      const stored = store.getDocument(doc.id);
      assert.equal(stored?.text, hostile);
      assert.equal(stored?.title, doc.title);
      assert.equal(stored?.url, doc.url);
      assert.deepEqual(store.getEvent(event.id), event);
      assert.deepEqual(
        store.listEvents({ actor: 'DROP TABLE' }).events.map((e) => e.id),
        [event.id],
      );
      // LIKE wildcards in a filter are taken literally.
      assert.deepEqual(store.listEvents({ actor: '%' }).events, []);
      assert.deepEqual(store.listEvents({ actor: '_' }).events, []);
      // Query syntax in a search is searched for as words, never interpreted.
      for (const query of ["'); DROP TABLE events; --", 'NEAR(a b)', '"unbalanced', 'title:x OR *', 'AND', '^', '']) {
        assert.doesNotThrow(() => store.searchDocuments(query), query);
      }
      assert.deepEqual(
        store.searchDocuments('DROP TABLE events').map((hit) => hit.id),
        [doc.id],
      );
      assert.deepEqual(
        store.searchDocuments('قصف').map((hit) => hit.id),
        [doc.id],
      );
      const stats = store.stats();
      assert.deepEqual([stats.documents, stats.events, stats.mentions, stats.sources], [1, 1, 1, 1]);
    },
  );

  withStore('a 10 MB document is stored, searched and returned intact', (store) => {
    const paragraph = 'Protesters marched through the capital, chanting <b>slogans</b> & waving flags. ';
    const big = `${paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length))}The zeppelinword ends it.`;
    const doc = documentOf('big', big);
    store.putDocument(doc, [eventOf({ id: 'big-1', document: 'big', type: 'PROTEST' })]);
    const stored = store.getDocument('big');
    assert.equal(stored?.text.length, big.length);
    assert.equal(stored?.text === big, true);
    assert.equal(stored?.contentHash, contentHash(big));
    assert.equal(store.hasContent(contentHash(big)), true);
    assert.deepEqual(
      store.searchDocuments('zeppelinword').map((hit) => hit.id),
      ['big'],
    );
  });

  withStore('events filter by type, dates, actor, country and document, and page with a cursor', (store) => {
    // Three documents, twelve events over twelve days, one undated.
    const types: PloverType[] = ['ASSAULT', 'PROTEST', 'ASSAULT', 'AGREE'];
    const byDocument = new Map<string, EventRecord[]>();
    for (let i = 0; i < 12; i++) {
      const document = `doc-${i % 3}`;
      const event = eventOf({
        id: `ev-${String(i).padStart(2, '0')}`,
        document,
        type: types[i % types.length] ?? 'ASSAULT',
        date: i === 11 ? null : `2024-05-${String(i + 1).padStart(2, '0')}`,
        actor: i % 2 === 0 ? ['Islamic State fighters', 'Islamic State', 'SYR'] : ['protesters', 'protesters', null],
        recipient: i % 4 === 1 ? ['the army', 'Iraqi army', 'IRQ'] : undefined,
        placeCountry: i % 3 === 0 ? 'NGA' : null,
      } as EventSpec);
      byDocument.set(document, [...(byDocument.get(document) ?? []), event]);
    }
    for (const [id, events] of byDocument) store.putDocument(documentOf(id, `${REPORT} (${id})`), events);

    const ids = (filter: EventFilter) => store.listEvents(filter).events.map((e) => e.id);
    // Latest first, undated last.
    assert.deepEqual(ids({}), [
      'ev-10',
      'ev-09',
      'ev-08',
      'ev-07',
      'ev-06',
      'ev-05',
      'ev-04',
      'ev-03',
      'ev-02',
      'ev-01',
      'ev-00',
      'ev-11',
    ]);
    assert.deepEqual(ids({ type: 'AGREE' }), ['ev-07', 'ev-03', 'ev-11']);
    assert.deepEqual(ids({ since: '2024-05-09' }), ['ev-10', 'ev-09', 'ev-08']);
    assert.deepEqual(ids({ until: '2024-05-02' }), ['ev-01', 'ev-00']);
    assert.deepEqual(ids({ since: '2024-05-03', until: '2024-05-04', type: 'ASSAULT' }), ['ev-02']);
    assert.deepEqual(ids({ actor: 'islamic state', until: '2024-05-05' }), ['ev-04', 'ev-02', 'ev-00']);
    assert.deepEqual(ids({ actor: 'IRAQI ARMY' }), ['ev-09', 'ev-05', 'ev-01']);
    assert.deepEqual(ids({ country: 'IRQ' }), ['ev-09', 'ev-05', 'ev-01']);
    assert.deepEqual(ids({ country: 'NGA' }), ['ev-09', 'ev-06', 'ev-03', 'ev-00']);
    assert.deepEqual(ids({ document: 'doc-2' }), ['ev-08', 'ev-05', 'ev-02', 'ev-11']);
    assert.deepEqual(ids({ document: 'doc-2', type: 'PROTEST' }), ['ev-05']);
    assert.deepEqual(ids({ type: 'SANCTION' }), []);

    // Pages of five, then the same walk with a filter: every event once, in order, and an end.
    const walk = (filter: EventFilter) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = store.listEvents({ ...filter, limit: 5, ...(cursor ? { cursor } : {}) });
        assert.ok(page.events.length <= 5);
        seen.push(...page.events.map((e) => e.id));
        cursor = page.next ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      return { seen, pages };
    };
    assert.deepEqual(walk({}), { seen: ids({}), pages: 3 });
    assert.deepEqual(walk({ actor: 'protesters' }), { seen: ids({ actor: 'protesters' }), pages: 2 });
    assert.equal(store.listEvents({ limit: 12 }).next, null);
    // An event stored between pages does not shift the walk.
    const first = store.listEvents({ limit: 5 });
    store.putDocument(documentOf('late', `${REPORT} (late)`), [
      eventOf({ id: 'ev-late', document: 'late', date: '2024-06-01' }),
    ]);
    assert.deepEqual(
      store.listEvents({ limit: 5, cursor: first.next ?? '' }).events.map((e) => e.id),
      ['ev-05', 'ev-04', 'ev-03', 'ev-02', 'ev-01'],
    );

    for (const bad of [{ cursor: 'not-a-cursor' }, { limit: 0 }, { limit: 2.5 }, { since: 'May 3' }] as EventFilter[]) {
      assert.throws(
        () => store.listEvents(bad),
        (error: unknown) => error instanceof SitrepError && error.code === 'STORE_QUERY_INVALID',
        JSON.stringify(bad),
      );
    }
  });

  withStore('events filter by mode, dyad, distance from a point and document words', (store) => {
    // Baqubah 33.75,44.64; Baghdad 33.31,44.37 (≈ 55 km away); Basra 30.51,47.78 (≈ 450 km); Suva 18.14 S, 178.44 E
    // and Taveuni 16.8 S, 179.97 W, either side of the antimeridian (≈ 230 km apart).
    store.putDocument(documentOf('a', 'Drones struck a depot near Baqubah; the army said.'), [
      eventOf({
        id: 'n1',
        document: 'a',
        date: '2024-05-05',
        mode: 'drone',
        placeCountry: 'IRQ',
        actor: ['U.S. forces', 'U.S. forces', 'USA'],
        recipient: ['the militia', 'Iraqi militia', 'IRQ'],
      }),
      eventOf({
        id: 'n2',
        document: 'a',
        date: '2024-05-04',
        placeCountry: 'IRQ',
        at: [33.31, 44.37],
        actor: ['the militia', 'Iraqi militia', 'IRQ'],
        recipient: ['U.S. forces', 'U.S. forces', 'USA'],
      }),
    ]);
    store.putDocument(documentOf('b', 'Shelling hit the port of Basra overnight, residents said.'), [
      eventOf({ id: 'n3', document: 'b', date: '2024-05-03', mode: 'drone', placeCountry: 'IRQ', at: [30.51, 47.78] }),
      eventOf({ id: 'n4', document: 'b', date: '2024-05-02', placeCountry: null }),
    ]);
    store.putDocument(documentOf('c', 'A storm closed the harbour at Suva.'), [
      eventOf({ id: 'n5', document: 'c', date: '2024-05-01', placeCountry: 'FJI', at: [-18.14, 178.44] }),
    ]);
    const ids = (filter: EventFilter) => store.listEvents(filter).events.map((e) => e.id);
    assert.deepEqual(ids({ mode: 'drone' }), ['n1', 'n3']);
    assert.deepEqual(ids({ mode: 'shell' }), []);
    // Directed: the actor side, then the recipient side, each by words or by country code.
    assert.deepEqual(ids({ dyad: { actor: 'u.s.', recipient: 'militia' } }), ['n1']);
    assert.deepEqual(ids({ dyad: { actor: 'USA', recipient: 'irq' } }), ['n1']);
    assert.deepEqual(ids({ dyad: { actor: 'IRQ', recipient: 'USA' } }), ['n2']);
    assert.deepEqual(ids({ dyad: { actor: 'militia', recipient: 'militia' } }), []);
    assert.deepEqual(ids({ near: { lat: 33.75, lon: 44.64, km: 10 } }), ['n1']);
    assert.deepEqual(ids({ near: { lat: 33.75, lon: 44.64, km: 60 } }), ['n1', 'n2']);
    assert.deepEqual(ids({ near: { lat: 33.75, lon: 44.64, km: 50 } }), ['n1']);
    assert.deepEqual(ids({ near: { lat: 33.75, lon: 44.64, km: 500 } }), ['n1', 'n2', 'n3']);
    assert.deepEqual(ids({ near: { lat: 33.75, lon: 44.64, km: 500 }, mode: 'drone' }), ['n1', 'n3']);
    assert.deepEqual(ids({ near: { lat: -16.8, lon: -179.97, km: 250 } }), ['n5']);
    assert.deepEqual(ids({ near: { lat: -16.8, lon: -179.97, km: 150 } }), []);
    // Distance-filtered pages still page: one event a page, every event once.
    const first = store.listEvents({ near: { lat: 33.75, lon: 44.64, km: 500 }, limit: 2 });
    assert.deepEqual(
      first.events.map((e) => e.id),
      ['n1', 'n2'],
    );
    assert.deepEqual(
      store
        .listEvents({ near: { lat: 33.75, lon: 44.64, km: 500 }, limit: 2, cursor: first.next ?? '' })
        .events.map((e) => e.id),
      ['n3'],
    );
    assert.deepEqual(ids({ text: 'shelling BASRA' }), ['n3', 'n4']);
    assert.deepEqual(ids({ text: 'drones', mode: 'drone' }), ['n1']);
    assert.deepEqual(ids({ text: 'harbour baqubah' }), []);
    assert.deepEqual(ids({ text: '"*' }), []);
    for (const bad of [
      { near: { lat: 91, lon: 0, km: 5 } },
      { near: { lat: 0, lon: 0, km: -1 } },
      { dyad: { actor: ' ', recipient: 'x' } },
    ] as EventFilter[]) {
      assert.throws(
        () => store.listEvents(bad),
        (error: unknown) => error instanceof SitrepError && error.code === 'STORE_QUERY_INVALID',
        JSON.stringify(bad),
      );
    }
  });

  withStore('full-text search finds documents by their words, title included, and forgets replaced ones', (store) => {
    store.putDocument(documentOf('baqubah', REPORT, { title: 'Checkpoint raid' }), []);
    store.putDocument(
      documentOf(
        'kherson',
        'Shelling hit a market in Kherson on Sunday; the regional governor said three people died.',
      ),
      [],
    );
    store.putDocument(
      documentOf('accents', 'Rebels entered Bamako’s outskirts near Kati, officials in Ségou said.'),
      [],
    );
    const hits = (text: string) => store.searchDocuments(text).map((hit) => hit.id);
    assert.deepEqual(hits('police checkpoint'), ['baqubah']);
    assert.deepEqual(hits('CHECKPOINT raid'), ['baqubah']);
    assert.deepEqual(hits('kherson market'), ['kherson']);
    assert.deepEqual(hits('kherson baqubah'), []);
    assert.deepEqual(hits('segou'), ['accents']);
    assert.deepEqual(hits('said').sort(), ['accents', 'baqubah', 'kherson']);
    assert.equal(store.searchDocuments('said', { limit: 2 }).length, 2);
    assert.match(store.searchDocuments('market')[0]?.snippet ?? '', /\[market\]/);
    store.putDocument(documentOf('kherson', 'The market in Kherson reopened on Monday.'), []);
    assert.deepEqual(hits('shelling'), []);
    assert.deepEqual(hits('reopened'), ['kherson']);
  });

  withStore('actors are listed with the number of events they take part in, most events first', (store) => {
    store.putDocument(documentOf('a', REPORT), [
      eventOf({ id: 'a1', document: 'a', actor: ['Gunmen', 'gunmen', null], recipient: ['police', 'police', 'IRQ'] }),
      eventOf({ id: 'a2', document: 'a', actor: ['the army', 'army', 'IRQ'], recipient: ['police', 'police', 'IRQ'] }),
    ]);
    store.putDocument(documentOf('b', `${REPORT} Again.`), [
      eventOf({ id: 'b1', document: 'b', actor: ['police', 'police', 'IRQ'], recipient: ['Gunmen', 'gunmen', null] }),
    ]);
    assert.deepEqual(store.listActors(), [
      { name: 'police', country: 'IRQ', events: 3, asActor: 1, asRecipient: 2 },
      { name: 'gunmen', country: null, events: 2, asActor: 1, asRecipient: 1 },
      { name: 'army', country: 'IRQ', events: 1, asActor: 1, asRecipient: 0 },
    ]);
    assert.deepEqual(
      store.listActors({ limit: 1 }).map((a) => a.name),
      ['police'],
    );
    assert.throws(() => store.listActors({ limit: 0 }), SitrepError);
  });

  if (factory.reopen) {
    const reopen = factory.reopen;
    test(`store contract (${name}): what was stored is there after the store is closed and opened again`, () => {
      const store = factory.open();
      store.putDocument(documentOf('raid', REPORT), [eventOf({ id: 'e1', document: 'raid' })]);
      store.close();
      const again = reopen();
      try {
        assert.equal(again.getDocument('raid')?.text, REPORT);
        assert.ok(again.getEvent('e1'));
        assert.deepEqual(
          again.searchDocuments('checkpoint').map((hit) => hit.id),
          ['raid'],
        );
      } finally {
        again.close();
      }
    });
  }
}
