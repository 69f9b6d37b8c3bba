// The trigger lexicon, built once from data/triggers: phrases indexed by the forms their first word can take.
import { z } from 'zod';
import type { AcledHint } from '../../core/ontology/mappings.ts';
import { isMode, PLOVER_TYPES, type PloverType } from '../../core/ontology/plover.ts';

const RawEntrySchema = z.object({
  words: z.string().min(1),
  pos: z.enum(['VERB', 'NOUN']).optional(),
  mode: z.string().nullable().optional(),
  hint: z.enum(['grenade', 'territory', 'looting', 'protest-intervention', 'mob', 'disrupted']).optional(),
  context: z.array(z.string()).optional(),
  governs: z.boolean().optional(),
  gap: z.number().int().min(0).max(4).optional(),
  speaker: z.boolean().optional(),
  reverse: z.boolean().optional(),
});
export const RawTriggersSchema = z.partialRecord(z.enum(PLOVER_TYPES), z.array(RawEntrySchema));
export type RawTriggers = z.infer<typeof RawTriggersSchema>;

export const RawGovernorsSchema = z.object({
  suppress: z.array(z.string()),
  future: z.array(z.string()),
  hypothetical: z.array(z.string()),
  negated: z.array(z.string()),
  passThrough: z.array(z.string()),
  notTriggers: z.array(z.string()),
});
export type RawGovernors = z.infer<typeof RawGovernorsSchema>;

export interface TriggerEntry {
  /** "ASSAULT:air strike" — the provenance of the type. */
  id: string;
  /** Each position holds the forms a token may take there. */
  words: ReadonlyArray<ReadonlySet<string>>;
  type: PloverType;
  mode: string | null;
  pos: 'VERB' | 'NOUN' | null;
  hint: AcledHint | null;
  context: readonly string[];
  governs: boolean;
  /** How many modifiers may stand between the phrase's words: "expelled two Russian diplomats". */
  gap: number;
  /** "Russia said Sudan must return the helicopter": the speaker asks, the subject is asked. */
  speaker: boolean;
  /** "a convoy struck a landmine": the subject is on the receiving end. */
  reverse: boolean;
  /** The last word of the phrase as a noun, singular and plural ("strike", "strikes"): see `nounHead`. */
  nounForms: ReadonlySet<string>;
}

export interface TriggerLexicon {
  /** Entries by every form of their first word, longest phrase first. */
  byFirst: ReadonlyMap<string, readonly TriggerEntry[]>;
  suppressors: ReadonlySet<string>;
  /** Verbs that hand a cue on to the verb they govern: "will continue to send". */
  passThrough: ReadonlySet<string>;
  /** Forms that look like a trigger but never are one: "according" (to). */
  notTriggers: ReadonlySet<string>;
  /** Cue phrases (lower case, space separated) that set an event's modality. */
  future: readonly string[][];
  hypothetical: readonly string[][];
  negated: readonly string[][];
}

/** Regular inflections of an English base form: attack → attacks, attacked, attacking. */
export function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (!/^[a-z]+$/.test(word)) return [...forms];
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  const last = word.at(-1) ?? '';
  forms.add(
    /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`,
  );
  forms.add(/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : `${stem}ed`);
  forms.add(`${stem}ing`);
  // "shell" → "shelled" is regular; "ship" → "shipped" doubles: add the doubled forms too, they cost nothing.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) {
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  }
  return [...forms];
}

export function buildTriggerLexicon(raw: RawTriggers, governors: RawGovernors): TriggerLexicon {
  const byFirst = new Map<string, TriggerEntry[]>();
  for (const type of PLOVER_TYPES) {
    for (const item of raw[type] ?? []) {
      for (const phrase of expandPhrase(item.words)) {
        const mode = item.mode ?? null;
        if (mode !== null && !isMode(type, mode))
          throw new Error(`trigger "${item.words}": ${mode} is not a ${type} mode`);
        const entry: TriggerEntry = {
          id: `${type}:${phrase.join(' ')}`,
          words: phrase.map((w) => new Set(inflections(w))),
          type,
          mode,
          pos: item.pos ?? null,
          hint: item.hint ?? null,
          context: item.context ?? [],
          governs: item.governs ?? false,
          gap: item.gap ?? 0,
          speaker: item.speaker ?? false,
          reverse: item.reverse ?? false,
          nounForms: new Set(inflections(phrase.at(-1) ?? '').slice(0, 2)),
        };
        for (const form of entry.words[0] ?? []) {
          const list = byFirst.get(form) ?? [];
          list.push(entry);
          byFirst.set(form, list);
        }
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const phrases = (list: string[]) => list.map((p) => p.toLowerCase().split(/\s+/));
  return {
    byFirst,
    suppressors: new Set(governors.suppress.flatMap(inflections)),
    notTriggers: new Set(governors.notTriggers.map((w) => w.toLowerCase())),
    passThrough: new Set(governors.passThrough.flatMap(inflections)),
    future: phrases(governors.future),
    hypothetical: phrases(governors.hypothetical),
    negated: phrases(governors.negated),
  };
}

/** "air strike|air raid" is two phrases; every word of a phrase may be inflected. */
function expandPhrase(words: string): string[][] {
  // wink-nlp splits "counter-offensive" into three tokens; the phrase does the same.
  return words.split('|').map((a) =>
    a
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .flatMap((w) => w.split(/(-)/).filter((part) => part !== '')),
  );
}
