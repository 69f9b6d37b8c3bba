// `sitrep extract`: reports in, events out — a table for people, JSON for programs, JSON Lines for batches.
import type { InputError } from '../../core/errors.ts';
import type { DocumentInput, EventRecord } from '../../core/record.ts';
import { extractEvents } from '../../extract/pipeline.ts';
import { readJsonlDocuments } from '../../ingest/jsonl.ts';
import { readTextFile } from '../../ingest/text.ts';
import { resourcesFor } from '../resources.ts';
import { formatEventTable } from '../table.ts';

export interface ExtractOptions {
  published?: string;
  json?: boolean;
  input?: string;
  jsonl?: boolean;
  data?: string;
}

export async function runExtract(files: string[], options: ExtractOptions): Promise<number> {
  if (files.length === 0 && !options.input) {
    process.stderr.write('sitrep extract: give one or more files, or --input FILE.jsonl\n');
    return 2;
  }
  const resources = resourcesFor(options);
  const skipped: InputError[] = [];
  let documents = 0;
  let events = 0;
  const emit = (doc: DocumentInput, records: EventRecord[]) => {
    documents++;
    events += records.length;
    if (options.jsonl) process.stdout.write(`${JSON.stringify({ id: doc.id, events: records })}\n`);
    else if (options.json) process.stdout.write(`${JSON.stringify({ id: doc.id, events: records }, null, 2)}\n`);
    else process.stdout.write(`${formatEventTable(doc, records)}\n\n`);
  };
  const fail = (error: InputError) => {
    skipped.push(error);
    process.stderr.write(`sitrep: skipped ${error.message}\n`);
  };
  for (const file of files) {
    const doc = await readTextFile(file, { published: options.published ?? null });
    if (doc instanceof Error) fail(doc);
    else emit(doc, extractEvents(doc, resources).events);
  }
  if (options.input) {
    try {
      for await (const item of readJsonlDocuments(options.input)) {
        if (item.document instanceof Error) fail(item.document);
        else
          emit(
            item.document,
            extractEvents(
              { ...item.document, published: item.document.published ?? options.published ?? null },
              resources,
            ).events,
          );
      }
    } catch (cause) {
      process.stderr.write(`sitrep: cannot read ${options.input}: ${(cause as Error).message}\n`);
      return 1;
    }
  }
  process.stderr.write(
    `sitrep: ${documents} documents, ${events} events${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}\n`,
  );
  return skipped.length > 0 ? 1 : 0;
}
