// Where a review is anchored, so that it outlives the event id. An event's id is made of its document, its type and
// the offset of its first trigger (src/extract/records.ts): a new lexicon entry, a retyped trigger or an edited
// document gives the same real event a new id. So each decision also keeps the evidence it was made on — the
// sentences and trigger spans, and the hash of the text they index — and after a re-extraction the decision goes to
// the new event that covers the same evidence. When none does, the decision is an orphan: kept and reported.
import type { EventRecord, Evidence } from '../core/record.ts';

export interface Anchor {
  /** sha256 of the document text the offsets refer to. */
  contentHash: string;
  type: string;
  evidence: Evidence[];
}

export type Successor =
  | { event: EventRecord; how: 'same-id' | 'trigger' | 'sentence' }
  | { event: null; reason: string };

export function anchorOf(event: EventRecord, contentHash: string): Anchor {
  return { contentHash, type: event.type, evidence: event.evidence };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Does evidence `f` (new) carry the trigger of evidence `e` (old)? */
function sameTrigger(e: Evidence, f: Evidence, sameText: boolean): boolean {
  if (!e.trigger || !f.trigger) return false;
  // Same text: the same offsets are the same words, whatever the sentence splitter now makes of them.
  if (sameText && e.trigger.start === f.trigger.start && e.trigger.end === f.trigger.end) return true;
  // An edited document: the same sentence (by its words) with the trigger at the same place inside it.
  return (
    squash(e.text) === squash(f.text) &&
    e.trigger.start - e.start === f.trigger.start - f.start &&
    e.trigger.end - e.start === f.trigger.end - f.start
  );
}

/** Is `f` (new) the sentence of `e` (old)? */
function sameSentence(e: Evidence, f: Evidence, sameText: boolean): boolean {
  if (sameText && e.trigger && e.trigger.start >= f.start && e.trigger.start < f.end) return true;
  return squash(e.text) === squash(f.text);
}

/**
 * The new event a review of the old event `oldId` goes to. The same id first; then the event that now holds the
 * old event's first trigger, then any of its triggers; then, when only its sentences are left, the one event of
 * the same type in them. Two such events, or only events of other types ("called on" gone, "condemned" left in
 * the sentence: another event), make an orphan rather than a guess.
 */
export function findSuccessor(
  oldId: string,
  anchor: Anchor,
  candidates: readonly EventRecord[],
  contentHash: string,
): Successor {
  const same = candidates.find((c) => c.id === oldId);
  if (same) return { event: same, how: 'same-id' };
  const sameText = anchor.contentHash === contentHash;
  const [first, ...rest] = anchor.evidence;
  if (!first) return { event: null, reason: 'the review kept no evidence to find its event by' };
  const scored = candidates.map((c) => {
    const holds = (e: Evidence, test: typeof sameTrigger) => c.evidence.some((f) => test(e, f, sameText));
    const firstTrigger = holds(first, sameTrigger) ? 1 : 0;
    const triggers = rest.filter((e) => holds(e, sameTrigger)).length;
    const sentences = anchor.evidence.filter((e) => holds(e, sameSentence)).length;
    return { event: c, firstTrigger, triggers, sentences, sameType: c.type === anchor.type };
  });
  const byTrigger = scored
    .filter((s) => s.firstTrigger + s.triggers > 0)
    .sort((a, b) => b.firstTrigger - a.firstTrigger || b.triggers - a.triggers || b.sentences - a.sentences);
  if (byTrigger[0]) return { event: byTrigger[0].event, how: 'trigger' };
  const inSentence = scored.filter((s) => s.sentences > 0);
  const sameType = inSentence.filter((s) => s.sameType);
  if (sameType.length === 1 && sameType[0]) return { event: sameType[0].event, how: 'sentence' };
  const where = `"${clip(squash(first.text), 80)}"`;
  if (sameType.length > 1) {
    return {
      event: null,
      reason: `ambiguous: events ${sameType.map((s) => s.event.id).join(', ')} share its sentence ${where}`,
    };
  }
  if (inSentence.length > 0) {
    const others = inSentence.map((s) => `${s.event.id} (${s.event.type})`).join(', ');
    return { event: null, reason: `its sentence ${where} now holds only events of other types: ${others}` };
  }
  return { event: null, reason: `no event of the new extraction covers its evidence ${where}` };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
