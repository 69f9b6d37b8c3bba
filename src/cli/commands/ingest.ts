// `sitrep ingest`: reports in, stored documents and events out. Each document is stored with its events in one
// transaction, so a run killed at any point loses at most the document it was on; a rerun skips, by content hash
// and before extraction, everything already stored, and so neither duplicates nor misses anything.
import { resolve } from 'node:path';
import type { InputError } from '../../core/errors.ts';
import type { ExtractionResources } from '../../extract/pipeline.ts';
import { extractEvents } from '../../extract/pipeline.ts';
import type { IngestedDocument } from '../../ingest/document.ts';
import { readInputs } from '../../ingest/read.ts';
import { openStore } from '../../store/open.ts';
import type { DocumentToStore, Store } from '../../store/store.ts';
import { databasePath } from '../database.ts';
import { resourcesFor } from '../resources.ts';

export interface IngestOptions {
  db?: string;
  published?: string;
  allowPrivate?: boolean;
  data?: string;
}

export { databasePath } from '../database.ts';

interface Tally {
  stored: number;
  replaced: number;
  events: number;
  unchanged: number;
  skipped: { input: string; reason: string }[];
}

export async function runIngest(inputs: string[], options: IngestOptions): Promise<number> {
  if (inputs.length === 0) {
    process.stderr.write('sitrep ingest: give one or more files, folders or URLs\n');
    return 2;
  }
  const dbPath = databasePath(options.db);
  let store: Store;
  try {
    store = openStore(dbPath);
  } catch (cause) {
    process.stderr.write(`sitrep ingest: cannot open the database ${dbPath}: ${(cause as Error).message}\n`);
    return 1;
  }
  const started = performance.now();
  const tally: Tally = { stored: 0, replaced: 0, events: 0, unchanged: 0, skipped: [] };
  const progress = progressReporter(tally, started);
  // Loaded on the first document that needs extracting: a rerun with nothing new never pays for it.
  let resources: ExtractionResources | undefined;
  try {
    for await (const item of readInputs(inputs, {
      published: options.published ?? null,
      allowPrivate: options.allowPrivate ?? false,
    })) {
      if (item instanceof Error) {
        skip(tally, item);
        progress(`skipped ${item.message}`);
        continue;
      }
      if (store.hasContent(item.provenance.contentHash)) {
        tally.unchanged++;
        progress(`unchanged ${item.input.id}`);
        continue;
      }
      resources ??= resourcesFor(options);
      let events: ReturnType<typeof extractEvents>['events'];
      try {
        events = extractEvents(item.input, resources).events;
      } catch (cause) {
        // An extractor bug on one document is reported with it; the run goes on with the rest.
        tally.skipped.push({ input: item.input.id, reason: `extraction failed: ${(cause as Error).message}` });
        progress(`skipped ${item.input.id}: extraction failed`);
        continue;
      }
      const { replaced } = store.putDocument(toStore(item), events);
      tally.stored++;
      tally.events += events.length;
      if (replaced.length > 0) tally.replaced++;
      const replacing = replaced.length > 0 ? `, replacing ${replaced.join(', ')}` : '';
      progress(`stored ${item.input.id} (${events.length} events${replacing})`);
    }
  } finally {
    progress.done();
  }
  // The merged events are derived from everything stored, so they are recomputed whole (docs/MERGE.md).
  const merged = store.rebuildMerged();
  const stats = store.stats();
  store.close();
  process.stdout.write(summary(tally, dbPath, stats, merged, (performance.now() - started) / 1000));
  return tally.skipped.length > 0 ? 1 : 0;
}

function skip(tally: Tally, error: InputError): void {
  tally.skipped.push({ input: error.input, reason: error.message.slice(error.input.length + 2) || error.code });
}

function toStore({ input, provenance }: IngestedDocument): DocumentToStore {
  return {
    id: input.id,
    url: input.url ?? null,
    outlet: input.outlet ?? null,
    title: input.title ?? null,
    published: input.published ?? null,
    contentHash: provenance.contentHash,
    text: input.text,
    source: provenance.source,
    format: provenance.format,
  };
}

/**
 * On a terminal, one line rewritten in place (documents/s, events, skipped); otherwise, for logs and pipes, a plain
 * line per input.
 */
function progressReporter(tally: Tally, started: number): ((what: string) => void) & { done(): void } {
  const tty = process.stdout.isTTY === true;
  const totals = () =>
    `${tally.stored} documents, ${tally.events} events, ${tally.unchanged} unchanged, ${tally.skipped.length} skipped`;
  const report = (what: string) => {
    if (!tty) {
      process.stdout.write(`ingest: ${totals()} — ${what}\n`);
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (tally.stored + tally.unchanged) / seconds : 0;
    const line = `ingest: ${totals()} · ${rate.toFixed(1)} documents/s`;
    process.stdout.write(`\r${line.slice(0, (process.stdout.columns || 120) - 1)}\u001b[K`);
  };
  return Object.assign(report, {
    done: () => {
      if (tty) process.stdout.write('\n');
    },
  });
}

function summary(
  tally: Tally,
  dbPath: string,
  stats: ReturnType<Store['stats']>,
  merged: ReturnType<Store['rebuildMerged']>,
  seconds: number,
): string {
  const lines = [
    `sitrep ingest: ${tally.stored} documents stored (${tally.replaced} replacing an earlier version), ` +
      `${tally.events} events, ${tally.unchanged} unchanged, ${tally.skipped.length} skipped, in ${seconds.toFixed(1)} s`,
  ];
  if (tally.skipped.length > 0) {
    lines.push('skipped:');
    for (const { input, reason } of tally.skipped) lines.push(`  ${input}: ${reason}`);
  }
  const where = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  lines.push(
    `database: ${where} — ${stats.documents} documents, ${stats.events} events, ${stats.mentions} mentions, ` +
      `${merged.merged} merged events (of ${merged.events} events reported by more than one document)`,
    `look: node bin/sitrep.js events --db ${dbPath}   (then: show EVENT_ID, export --format csv|jsonl|geojson|plover|acled)`,
  );
  return `${lines.join('\n')}\n`;
}
