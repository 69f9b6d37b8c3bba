// The bundled examples across reports: three accounts of one drone strike (examples/01, 25, 26) become one merged
// event, and the paper that reprints the wire's story word for word counts as the wire, not as a second source;
// the weekly series of examples/escalation.jsonl breaks out in its last week.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { trendsFrom } from '../src/analyze/query.ts';
import type { DocumentInput } from '../src/core/record.ts';
import { extractEvents } from '../src/extract/pipeline.ts';
import { splitFrontMatter } from '../src/ingest/text.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { testResources } from './helpers.ts';

function report(name: string): DocumentInput {
  const doc = splitFrontMatter(name, readFileSync(`examples/${name}`, 'utf8'), { id: name, published: null });
  if (doc instanceof Error) throw doc;
  return doc;
}

function put(store: Store, input: DocumentInput): void {
  const { events } = extractEvents(input, testResources());
  store.putDocument(
    {
      id: input.id,
      url: input.url ?? null,
      outlet: input.outlet ?? null,
      title: input.title ?? null,
      published: input.published ?? null,
      contentHash: createHash('sha256').update(input.text).digest('hex'),
      text: input.text,
      source: null,
      format: 'markdown',
    },
    events,
  );
}

test('examples: three reports of the Al-Qaim strike are one event from two independent sources', () => {
  const store = openStore(':memory:');
  for (const name of [
    '01-drone-strike-al-qaim.md',
    '25-al-qaim-strike-second-account.md',
    '26-al-qaim-strike-republished.md',
  ]) {
    put(store, report(name));
  }
  store.rebuildMerged();
  const strike = store
    .listEvents({ document: '01-drone-strike-al-qaim.md', type: 'ASSAULT', mode: 'drone' })
    .events.find((e) => e.date?.start === '2024-03-11');
  assert.ok(strike, 'the strike of 01 is extracted');
  const merged = store.getMergedForEvent(strike.id);
  assert.ok(merged, 'the strike is merged across reports');
  assert.equal(merged.articles, 3);
  assert.equal(merged.independentSources, 2, 'the reprint of the wire story is not a second source');
  store.close();
});

test('examples: the weekly attacks of escalation.jsonl break out in their last week', () => {
  const store = openStore(':memory:');
  const lines = readFileSync('examples/escalation.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  for (const line of lines) put(store, JSON.parse(line) as DocumentInput);
  store.rebuildMerged();
  const { dyads } = trendsFrom(store, { dyad: { source: 'Islamic Resistance in Iraq', target: 'U.S. forces' } });
  const attacks = dyads.find((d) => d.source.name === 'Islamic Resistance in Iraq');
  assert.ok(attacks, 'the faction → U.S. forces dyad');
  assert.ok(attacks.totals.conflict.events >= 12, `${attacks.totals.conflict.events} attacks counted`);
  assert.equal(attacks.lastBreakout, '2024-10-21', 'the week of five attacks');
  const flagged = attacks.weeks.filter((w) => w.breakout).map((w) => w.week);
  assert.deepEqual(flagged, ['2024-10-21'], 'one attack a week is its normal range');
  store.close();
});
