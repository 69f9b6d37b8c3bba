// Shared by the ingest tests: fixture paths and draining a reader into a list.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/core/errors.ts';
import type { IngestedDocument } from '../../src/ingest/document.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function documentsOf(items: (IngestedDocument | InputError)[]): IngestedDocument[] {
  return items.filter((item): item is IngestedDocument => !(item instanceof InputError));
}

export function errorsOf(items: (IngestedDocument | InputError)[]): InputError[] {
  return items.filter((item): item is InputError => item instanceof InputError);
}

/** Narrows a reader's result to a document, failing the test with the error's message otherwise. */
export function asDocument(item: IngestedDocument | InputError | undefined): IngestedDocument {
  if (item === undefined) throw new Error('no item');
  if (item instanceof InputError) throw new Error(`expected a document, got ${item.code}: ${item.message}`);
  return item;
}
