// The evaluation report a person reads: headline scores, per-field and per-type tables, and the missed and
// spurious events with their sentences, so one can see why.
import type { EventRecord } from '../core/record.ts';
import { asList, type GoldEvent } from './gold.ts';
import { type DocumentScore, FIELDS, type Summary } from './score.ts';

const pct = (v: number | null): string => (v === null ? '   –  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

export function formatReport(
  name: string,
  summary: Summary,
  scores: readonly DocumentScore[],
  texts: ReadonlyMap<string, string>,
  listLimit = 40,
): string {
  const lines: string[] = [];
  lines.push(`Evaluation of ${name}: ${summary.documents} documents`);
  lines.push(
    `events  precision ${pct(summary.precision)} (${summary.matchedPredicted}/${summary.predicted})  recall ${pct(summary.recall)} (${summary.matchedRequired}/${summary.required})  F1 ${pct(summary.f1)}`,
  );
  lines.push('');
  lines.push('field                      on matched events        over all required gold events');
  for (const field of FIELDS) {
    const f = summary.fields[field];
    if (!f) continue;
    lines.push(
      `${field.padEnd(26)} ${pct(f.matched.accuracy)} (${f.matched.right}/${f.matched.total})`.padEnd(51) +
        `${pct(f.overall.accuracy)} (${f.overall.right}/${f.overall.total})`,
    );
  }
  lines.push('');
  lines.push('type        gold  found  recall   predicted  precision');
  for (const [type, t] of Object.entries(summary.types).sort()) {
    lines.push(
      `${type.padEnd(11)} ${String(t.gold).padStart(4)}  ${String(t.found).padStart(5)}  ${pct(t.recall)}  ${String(t.predicted).padStart(9)}  ${pct(t.precision)}`,
    );
  }
  const missed = scores.flatMap((d) => d.missed.map((g) => ({ d, g })));
  if (missed.length > 0) {
    lines.push('', `missed (${missed.length}${missed.length > listLimit ? `, first ${listLimit}` : ''}):`);
    for (const { d, g } of missed.slice(0, listLimit))
      lines.push(`  - ${d.document} ${describeGold(g, texts.get(d.document) ?? '')}`);
  }
  const spurious = scores.flatMap((d) => d.spurious.map((e) => ({ d, e })));
  if (spurious.length > 0) {
    lines.push('', `spurious (${spurious.length}${spurious.length > listLimit ? `, first ${listLimit}` : ''}):`);
    for (const { d, e } of spurious.slice(0, listLimit)) lines.push(`  - ${d.document} ${describePredicted(e)}`);
  }
  const wrong = scores.flatMap((d) =>
    d.pairs.filter((p) => Object.values(p.fields).includes(false)).map((p) => ({ d, p })),
  );
  if (wrong.length > 0) {
    lines.push(
      '',
      `matched with wrong fields (${wrong.length}${wrong.length > listLimit ? `, first ${listLimit}` : ''}):`,
    );
    for (const { d, p } of wrong.slice(0, listLimit)) {
      const bad = Object.entries(p.fields)
        .filter(([, ok]) => !ok)
        .map(([f]) => f);
      lines.push(`  - ${d.document} ${p.gold.id ?? ''} ${bad.join(', ')}: ${describePredicted(p.predicted)}`);
    }
  }
  return lines.join('\n');
}

function describeGold(g: GoldEvent, text: string): string {
  const phrase = asList(g.evidence)[0];
  const at = phrase ? text.toLowerCase().indexOf(phrase.toLowerCase()) : -1;
  const sentence = at >= 0 ? sentenceAround(text, at) : (g.note ?? '');
  return `${g.id ?? ''} ${asList(g.type).join('|')}: ${sentence}`;
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at) + 2, text.lastIndexOf('\n', at) + 1, 0);
  const stops = [text.indexOf('. ', at), text.indexOf('\n', at)].filter((i) => i >= 0);
  const end = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
  return text.slice(start, end).trim();
}

function describePredicted(e: EventRecord): string {
  const who = (list: EventRecord['actor']) => list.map((a) => a.text).join(' + ') || '?';
  return `${e.type}${e.mode ? `/${e.mode}` : ''} ${who(e.actor)} → ${who(e.recipient)} | ${e.evidence[0]?.text ?? ''}`;
}
