// Stage: links. The relations between events that the text states: "in retaliation for", "followed", "came after",
// "coincided with". They are the action–reaction chains escalation is made of.
import type { EventMention } from './events.ts';
import type { Sentence, Token } from './model.ts';

export type LinkRelation = 'after' | 'before' | 'response_to' | 'coincides';

export interface MentionLink {
  /** Event mention indices: `from` stands in `relation` to `to` ("from" came after "to"). */
  from: number;
  to: number;
  relation: LinkRelation;
  text: string;
}

// Cues between two events of a sentence, "A … cue … B".
const BETWEEN: readonly { words: string[]; relation: LinkRelation }[] = [
  { words: ['in', 'retaliation', 'for'], relation: 'response_to' },
  { words: ['in', 'response', 'to'], relation: 'response_to' },
  { words: ['in', 'revenge', 'for'], relation: 'response_to' },
  { words: ['to', 'avenge'], relation: 'response_to' },
  { words: ['in', 'reprisal', 'for'], relation: 'response_to' },
  { words: ['coincided', 'with'], relation: 'coincides' },
  { words: ['coincide', 'with'], relation: 'coincides' },
  { words: ['came', 'after'], relation: 'after' },
  { words: ['comes', 'after'], relation: 'after' },
  { words: ['followed'], relation: 'after' },
  { words: ['follows'], relation: 'after' },
  { words: ['after'], relation: 'after' },
  { words: ['days', 'after'], relation: 'after' },
  { words: ['preceded'], relation: 'before' },
  { words: ['before'], relation: 'before' },
];

// Cues before both events, "Following A, B" — B came after A.
const LEADING: readonly { words: string[]; relation: LinkRelation }[] = [
  { words: ['following'], relation: 'after' },
  { words: ['after'], relation: 'after' },
  { words: ['in', 'response', 'to'], relation: 'response_to' },
  { words: ['in', 'retaliation', 'for'], relation: 'response_to' },
];

/** Links stated inside one sentence between its event mentions (in reading order). */
export function findLinks(sentence: Sentence, events: readonly EventMention[]): MentionLink[] {
  const links: MentionLink[] = [];
  const tokens = sentence.tokens;
  for (let a = 0; a < events.length; a++) {
    const first = events[a] as EventMention;
    const second = events[a + 1];
    if (!second) break;
    const between = tokens.slice(first.trigger.last, second.trigger.first);
    const cue = findCue(between, BETWEEN);
    if (cue) {
      links.push({ from: first.index, to: second.index, relation: cue.relation, text: cue.text });
      continue;
    }
    const lead = findCue(leadingWords(tokens, first.trigger.first), LEADING);
    if (lead && between.some((t) => t.text === ',')) {
      links.push({ from: second.index, to: first.index, relation: lead.relation, text: lead.text });
    }
  }
  return links;
}

/** The words before a trigger in its own phrase: "Following the May 4 Turkish drone strikes". */
function leadingWords(tokens: readonly Token[], at: number): Token[] {
  let from = at;
  while (from > 0 && at - from < 7) {
    const t = tokens[from - 1] as Token;
    if (t.text === ',') break;
    from--;
  }
  return tokens.slice(from, at);
}

function findCue(tokens: readonly Token[], cues: typeof BETWEEN): { relation: LinkRelation; text: string } | null {
  for (const cue of cues) {
    for (let i = 0; i + cue.words.length <= tokens.length; i++) {
      if (cueAt(tokens, i, cue.words)) return { relation: cue.relation, text: cue.words.join(' ') };
    }
  }
  return null;
}

/** The cue's words start at token i. (A loop, not `every`: this runs for each token and cue.) */
function cueAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if ((tokens[i + k] as Token).normal !== words[k]) return false;
  return true;
}
