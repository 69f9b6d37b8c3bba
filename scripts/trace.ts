// Prints what each stage found, sentence by sentence: `node --import tsx scripts/trace.ts FILE [--published DATE]`.
// A tool for people improving the rules; not part of the product.
import { readFileSync } from 'node:fs';
import { findActorMentions, resolveCoreference } from '../src/extract/actors/find.ts';
import { findAttributions } from '../src/extract/claims/find.ts';
import { findDates } from '../src/extract/dates/find.ts';
import { prepareDocument } from '../src/extract/pipeline.ts';
import { findPlaces } from '../src/extract/places/find.ts';
import { findTriggers } from '../src/extract/triggers/find.ts';
import { splitFrontMatter } from '../src/ingest/text.ts';
import { loadResources } from '../src/resources/load.ts';

const [file, flag, value] = process.argv.slice(2);
if (!file) throw new Error('usage: trace.ts FILE [--published YYYY-MM-DD]');
const input = splitFrontMatter(file, readFileSync(file, 'utf8'), {
  id: 'trace',
  published: flag === '--published' ? (value ?? null) : null,
});
if (input instanceof Error) throw input;
const res = loadResources();
const doc = prepareDocument(input, res.nlp);
const actors = resolveCoreference(
  doc.sentences.flatMap((s) => findActorMentions(s, res.actors)),
  doc.sentences,
);
for (const s of doc.sentences) {
  console.log(`\n[${s.index}] (${s.section}, p${s.paragraph}) ${s.text}`);
  console.log(`  tokens: ${s.tokens.map((t) => `${t.text}/${t.pos}`).join(' ')}`);
  for (const a of actors.filter((m) => m.sentence === s.index))
    console.log(
      `  actor: "${a.text}" → ${a.name} [${a.id}] ${a.country ?? '-'} ${a.sector ?? '-'} ${a.kind} (${a.rule})`,
    );
  for (const t of findTriggers(s, res.triggers)) {
    console.log(
      `  trigger: "${t.text}" ${t.type}/${t.mode ?? '-'} ${t.pos} ${t.modality}${t.passive ? ' passive' : ''}${t.governedBy !== null ? ` governed-by:${t.governedBy}` : ''}${t.suppressed ? ' suppressed' : ''} (${t.entry})`,
    );
  }
  for (const a of findAttributions(s, res.outlets))
    console.log(
      `  claim: ${a.status ?? '-'} via [${a.outlets.join(', ')}] sources ${JSON.stringify(a.sources.map((x) => [x.text, x.count, x.anonymous]))} (${a.rule})`,
    );
  for (const d of findDates(s, { published: input.published ?? null }))
    console.log(`  date: "${d.text}" ${d.range.start}..${d.range.end} ${d.precision} (${d.rule})`);
  for (const p of findPlaces(s, res.gazetteer, { excludeSpans: actors.filter((m) => m.sentence === s.index) }))
    console.log(`  place: "${p.text}" → ${p.name}, ${p.admin1 ?? '-'}, ${p.country} p${p.precision} (${p.rule})`);
}
