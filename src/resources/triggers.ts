// Reads data/triggers/*.yaml into the trigger lexicon.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DataError } from '../core/errors.ts';
import {
  buildTriggerLexicon,
  RawGovernorsSchema,
  RawTriggersSchema,
  type TriggerLexicon,
} from '../extract/triggers/lexicon.ts';

export function loadTriggerLexicon(dataDir: string): TriggerLexicon {
  const eventsFile = join(dataDir, 'triggers', 'events.yaml');
  const governorsFile = join(dataDir, 'triggers', 'governors.yaml');
  const events = RawTriggersSchema.safeParse(parse(readFileSync(eventsFile, 'utf8')));
  if (!events.success) throw new DataError(eventsFile, events.error.message);
  const governors = RawGovernorsSchema.safeParse(parse(readFileSync(governorsFile, 'utf8')));
  if (!governors.success) throw new DataError(governorsFile, governors.error.message);
  try {
    return buildTriggerLexicon(events.data, governors.data);
  } catch (cause) {
    throw new DataError(eventsFile, (cause as Error).message, { cause });
  }
}
