// `sitrep export --format F`: the events a filter selects, streamed — read from the store a page at a time through
// its cursor and written as they come, waiting whenever the output is full — to stdout or a file.

import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { parse } from 'yaml';
import { SitrepError } from '../../core/errors.ts';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../export/format.ts';
import { EXPORT_FORMATS, type ExportFormat, isExportFormat } from '../../export/index.ts';
import { DEFAULT_DATA_DIR } from '../../resources/version.ts';
import { iterateEvents, iterateMerged } from '../../store/iterate.ts';
import { realEventJson, realEventView } from '../../store/real-event-view.ts';
import { databasePath, openExistingStore } from '../database.ts';
import { type FilterOptions, filterFrom } from '../filters.ts';

export interface ExportCommandOptions extends FilterOptions {
  format: string;
  out?: string;
  limit?: number;
  data?: string;
}

/** ISO3 → English short name, from data/countries.yaml; an unreadable file only costs the names. */
function countryNames(dataDir: string): (iso3: string) => string | null {
  try {
    const entries = parse(readFileSync(join(dataDir, 'countries.yaml'), 'utf8')) as { iso3?: string; name?: string }[];
    const names = new Map(entries.flatMap((c) => (c.iso3 && c.name ? [[c.iso3, c.name] as const] : [])));
    return (iso3) => names.get(iso3) ?? null;
  } catch {
    return DEFAULT_EXPORT_OPTIONS.countryName;
  }
}

async function put(out: Writable, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

export async function runExport(options: ExportCommandOptions): Promise<number> {
  const format = options.format.toLowerCase();
  if (!isExportFormat(format)) {
    process.stderr.write(
      `sitrep export: unknown format "${options.format}" (${Object.keys(EXPORT_FORMATS).join(', ')})\n`,
    );
    return 2;
  }
  const filter = filterFrom(options);
  if (typeof filter === 'string') {
    process.stderr.write(`sitrep export: ${filter}\n`);
    return 2;
  }
  const dbPath = databasePath(options.db);
  const store = openExistingStore('export', dbPath);
  if (store === null) return 1;
  const now = new Date();
  const exportOptions: ExportOptions = {
    codedDate: now.toISOString().slice(0, 10),
    timestamp: Math.floor(now.getTime() / 1000),
    countryName: countryNames(options.data ?? DEFAULT_DATA_DIR),
  };
  const writer = EXPORT_FORMATS[format as ExportFormat](exportOptions);
  const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
  let written = 0;
  try {
    if (options.out) await once(out, 'open');
    await put(out, writer.begin());
    const max = options.limit ? { max: options.limit } : {};
    if (options.merged) {
      // One record per real-world event: a merged event's fields under its id; JSON Lines also carries the counts
      // and the merged event itself (members, each field's documents), null for an event no other report has.
      for (const page of iterateMerged(store, filter, max)) {
        const views = page.map((item) => realEventView(item.event, item.merged));
        const text = views
          .map((view) => (format === 'jsonl' ? `${JSON.stringify(realEventJson(view))}\n` : writer.write(view.record)))
          .join('');
        written += page.length;
        await put(out, text);
      }
    } else {
      for (const page of iterateEvents(store, filter, max)) {
        // One write a page: fewer, larger writes; the page is already in memory.
        const text = page.map((event) => writer.write(event)).join('');
        written += page.length;
        await put(out, text);
      }
    }
    await put(out, writer.end());
    if (options.out) {
      out.end();
      await once(out, 'finish');
      process.stderr.write(
        `sitrep export: ${written} ${options.merged ? 'real-world ' : ''}events read, ${format} written to ${options.out}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SitrepError) {
      process.stderr.write(`sitrep export: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`sitrep export: ${(error as Error).message}\n`);
    return 1;
  } finally {
    store.close();
    if (options.out && !out.writableFinished) out.destroy();
  }
}
