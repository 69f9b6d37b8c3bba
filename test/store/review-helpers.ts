// Shared by the review tests: a store with a clock that advances a minute per reading, and events whose evidence is
// a real sentence of an invented report, with the trigger word at its real offset — what re-attachment reads.
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { eventOf } from './contract.ts';

export const REPORT = [
  'Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said.',
  'Hours later, hundreds of teachers rallied in Basra to demand unpaid salaries.',
  'Security forces arrested three suspects on Wednesday, the ministry said.',
].join(' ');

/** A store whose clock starts at 2024-05-03T08:00Z and moves one minute each time it is read. */
export function clockStore(): Store {
  let minutes = 0;
  return openStore(':memory:', { now: () => new Date(Date.UTC(2024, 4, 3, 8, minutes++)) });
}

/** The sentences of a text (split after each full stop), with their offsets. */
export function sentencesOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const re = /[^.]+\./g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ start: m.index + lead, end: m.index + m[0].length, text: m[0].trim() });
  }
  return out;
}

type Spec = Omit<Parameters<typeof eventOf>[0], 'id' | 'document' | 'sentences'> & { id?: string };

/**
 * An event of `document` read from sentence `sentence` of `text`, its trigger the word `trigger`; its id made as the
 * extractor makes one (document, type, trigger offset) unless given.
 */
export function eventIn(document: string, text: string, sentence: number, trigger: string, spec: Spec = {}) {
  const s = sentencesOf(text)[sentence];
  if (!s) throw new Error(`no sentence ${sentence}`);
  const at = text.indexOf(trigger, s.start);
  if (at < 0 || at >= s.end) throw new Error(`no "${trigger}" in sentence ${sentence}`);
  const type = spec.type ?? 'ASSAULT';
  const { id, ...rest } = spec;
  const base = eventOf({ ...rest, id: id ?? `${document}:${type}:${at}`, document, type });
  return {
    ...base,
    evidence: [
      { sentence, start: s.start, end: s.end, text: s.text, trigger: { start: at, end: at + trigger.length } },
    ],
  };
}
