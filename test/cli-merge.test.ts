// The cross-document merge end to end: three reports of one invented attack (a wire story, another outlet's copy of
// it, a third outlet's own report with a different toll) and one unrelated report are ingested; `sitrep show` of
// any of the three events prints the merged event. Expectations that depend on what the extractor reads are
// checked against the stored records.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { EventRecord } from '../src/core/record.ts';
import { openStore } from '../src/store/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-merge-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'merge.db');

const REPORTS: Record<string, string> = {
  wire: `---
title: Militants attack army checkpoint near Mosul
url: https://example.org/merge-test/desert-wire-mosul
outlet: Desert Wire
published: 2024-05-08
---
MOSUL, May 8 (Desert Wire) - Islamic State militants attacked an army checkpoint near Mosul on Tuesday, killing four soldiers, two security officials said.
`,
  copy: `---
title: Militants attack army checkpoint near Mosul
url: https://example.org/merge-test/tigris-post-mosul
outlet: Tigris Post
published: 2024-05-08
---
MOSUL, May 8 (Desert Wire) - Islamic State militants attacked an army checkpoint near Mosul on Tuesday, killing four soldiers, two security officials said, according to Desert Wire.
`,
  own: `---
title: Five soldiers killed in checkpoint attack outside Mosul
url: https://example.org/merge-test/nineveh-monitor-mosul
outlet: Nineveh Monitor
published: 2024-05-09
---
Five Iraqi soldiers were killed when Islamic State fighters stormed an army checkpoint outside Mosul on Tuesday, the Iraqi army said.
`,
  basra: `---
title: Protesters rally in Basra over water shortages
url: https://example.org/merge-test/gulf-ledger-basra
outlet: Gulf Ledger
published: 2024-05-08
---
About 200 protesters rallied in Basra on Monday to demand clean water, a local official said.
`,
};

function sitrep(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/sitrep.js', ...args, '--db', db], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let events: EventRecord[] = [];

before(() => {
  const folder = join(dir, 'reports');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(folder, `${name}.md`), text);
  const ingest = sitrep('ingest', folder);
  assert.equal(ingest.code, 0, ingest.err);
  assert.match(ingest.out, /1 merged events \(of 3 events/);
  const store = openStore(db);
  try {
    events = store.listEvents({ limit: 100 }).events;
  } finally {
    store.close();
  }
});

const eventOf = (document: string): EventRecord => {
  const event = events.find((e) => e.document === document);
  assert.ok(event, `an event of ${document}`);
  return event;
};

test('ingest stores one merged event of the three reports; the unrelated report stays apart', () => {
  const store = openStore(db);
  try {
    const merged = store.getMergedForEvent(eventOf('wire').id);
    assert.ok(merged);
    assert.deepEqual(merged, store.getMerged(merged.id));
    assert.deepEqual(merged.members.map((m) => m.document).sort(), ['copy', 'own', 'wire']);
    assert.equal(merged.articles, 3);
    assert.equal(merged.outlets, 3);
    assert.equal(merged.independentSources, 2, 'the Tigris Post copy of the Desert Wire story counts once');
    assert.equal(store.getMergedForEvent(eventOf('own').id)?.id, merged.id);
    assert.equal(store.getMergedForEvent(eventOf('basra').id), null);
    assert.deepEqual(merged.fields.killed, {
      min: 4,
      max: 5,
      reports: [
        { document: 'copy', outlet: 'Tigris Post', min: 4, max: 4 },
        { document: 'own', outlet: 'Nineveh Monitor', min: 5, max: 5 },
        { document: 'wire', outlet: 'Desert Wire', min: 4, max: 4 },
      ],
    });
    // Rebuilding from the same stored events gives the same merged events.
    assert.deepEqual(store.rebuildMerged(), { merged: 1, events: 3 });
    assert.deepEqual(store.getMerged(merged.id), merged);
  } finally {
    store.close();
  }
});

test('sitrep show prints the merged event: members, counts and fields with their documents', () => {
  const shown = sitrep('show', eventOf('copy').id);
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /merged event [0-9a-f]{16}: 3 articles, 3 outlets, 2 independent sources/);
  for (const outlet of ['Desert Wire', 'Tigris Post', 'Nineveh Monitor']) assert.ok(shown.out.includes(outlet), outlet);
  assert.match(shown.out, /copy = wire \(copies of one story\)/);
  assert.match(
    shown.out,
    /killed\s+4–5 \(Tigris Post \[copy\]: 4; Nineveh Monitor \[own\]: 5; Desert Wire \[wire\]: 4\)/,
  );
  assert.match(shown.out, /type\s+ASSAULT \[from copy, own, wire\]/);
  const unrelated = sitrep('show', eventOf('basra').id);
  assert.equal(unrelated.code, 0, unrelated.err);
  assert.doesNotMatch(unrelated.out, /merged event/);
});
