// Which words of a sentence an event was read from: the actor, recipient, trigger, date and place spans of the
// record (document offsets), cut into plain and marked segments of the sentence. Pure, so the event page's
// highlighting is tested without a browser.
import type { EventRecord, Evidence } from './types.ts';

export const SPAN_KINDS = ['actor', 'recipient', 'trigger', 'date', 'place', 'casualty'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export interface Span {
  start: number;
  end: number;
  kind: SpanKind;
  /** What the span stands for: "actor: Islamic State". */
  label: string;
}

export interface Segment {
  text: string;
  span: Span | null;
}

/** The record's own spans (document offsets). */
export function recordSpans(event: EventRecord, evidence: Evidence): Span[] {
  const spans: Span[] = [];
  for (const actor of event.actor) spans.push({ ...actor.span, kind: 'actor', label: `actor: ${actor.name}` });
  for (const actor of event.recipient) {
    spans.push({ ...actor.span, kind: 'recipient', label: `recipient: ${actor.name}` });
  }
  if (evidence.trigger) spans.push({ ...evidence.trigger, kind: 'trigger', label: `trigger: ${event.type}` });
  if (event.date?.span) spans.push({ ...event.date.span, kind: 'date', label: `date: ${event.date.start}` });
  if (event.place?.span) spans.push({ ...event.place.span, kind: 'place', label: `place: ${event.place.name}` });
  return spans;
}

// "killing at least six people", "two others were wounded": the record keeps casualty counts without offsets,
// so the page finds the casualty words in the evidence itself and marks them with the number next to them.
const CASUALTY_WORD =
  /\b(?:kill(?:s|ed|ing)?|dead|died|deaths?|wound(?:s|ed|ing)?|injur(?:y|ies|ed|ing)|casualt(?:y|ies))\b/gi;
const NUMBER =
  '(?:at least |some |about |nearly |more than |up to )?(?:\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?|hundreds?)';
const NUMBER_AFTER = new RegExp(`^\\s+(?:(?:of|at|the|a|an)\\s+)?${NUMBER}(?:\\s+[\\w-]+)?`, 'i');
const NUMBER_BEFORE = new RegExp(`${NUMBER}(?:\\s+[\\w-]+){0,3}\\s+(?:were|was|are|been|people|have|had)?\\s*$`, 'i');

/** Casualty phrases of an evidence sentence, when the record has casualties (document offsets). */
export function casualtySpans(event: EventRecord, evidence: Evidence): Span[] {
  if (!event.killed && !event.injured) return [];
  const spans: Span[] = [];
  const text = evidence.text;
  for (const match of text.matchAll(CASUALTY_WORD)) {
    let start = match.index;
    let end = start + match[0].length;
    const after = NUMBER_AFTER.exec(text.slice(end));
    if (after) end += after[0].length;
    else {
      const before = NUMBER_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
      if (before) start -= before[0].length;
    }
    const counts = [
      event.killed && `killed ${event.killed.min}${event.killed.max === event.killed.min ? '' : '+'}`,
      event.injured && `injured ${event.injured.min}${event.injured.max === event.injured.min ? '' : '+'}`,
    ].filter(Boolean);
    spans.push({
      start: evidence.start + start,
      end: evidence.start + end,
      kind: 'casualty',
      label: `casualties: ${counts.join(', ')}`,
    });
  }
  return spans;
}

/**
 * Cuts `text` (which starts at document offset `base`) into segments. Spans outside it are left out, a span
 * reaching past an edge is cut to it, and of overlapping spans the one starting first (the longer on a tie) wins.
 */
export function segments(text: string, base: number, spans: readonly Span[]): Segment[] {
  const inside = spans
    .map((span) => ({ ...span, start: Math.max(span.start, base), end: Math.min(span.end, base + text.length) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const result: Segment[] = [];
  let at = base;
  for (const span of inside) {
    if (span.start < at) continue;
    if (span.start > at) result.push({ text: text.slice(at - base, span.start - base), span: null });
    result.push({ text: text.slice(span.start - base, span.end - base), span });
    at = span.end;
  }
  if (at < base + text.length) result.push({ text: text.slice(at - base), span: null });
  return result;
}
