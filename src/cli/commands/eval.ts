// `sitrep eval GOLD.jsonl`: extraction scored against a hand-coded gold file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { EventRecord } from '../../core/record.ts';
import { type GoldDocument, GoldDocumentSchema } from '../../eval/gold.ts';
import { formatReport } from '../../eval/report.ts';
import { type DocumentScore, scoreDocument, summarise } from '../../eval/score.ts';
import { extractEvents } from '../../extract/pipeline.ts';
import { parseTextDocument } from '../../ingest/text.ts';
import { resourcesFor } from '../resources.ts';

export interface EvalOptions {
  json?: boolean;
  limit?: number;
  data?: string;
}

export async function runEval(goldPath: string, options: EvalOptions): Promise<number> {
  let lines: string[];
  try {
    lines = readFileSync(goldPath, 'utf8').split('\n');
  } catch (cause) {
    process.stderr.write(`sitrep eval: cannot read ${goldPath}: ${(cause as Error).message}\n`);
    return 1;
  }
  const resources = resourcesFor(options);
  const golds: GoldDocument[] = [];
  const scores: DocumentScore[] = [];
  const texts = new Map<string, string>();
  const predictions: Record<string, EventRecord[]> = {};
  let problems = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${goldPath}:${i + 1}`;
    let parsed: ReturnType<typeof GoldDocumentSchema.safeParse>;
    try {
      parsed = GoldDocumentSchema.safeParse(JSON.parse(line));
    } catch (cause) {
      problems++;
      process.stderr.write(`sitrep eval: skipped ${where}: not valid JSON: ${(cause as Error).message}\n`);
      return;
    }
    if (!parsed.success) {
      problems++;
      process.stderr.write(
        `sitrep eval: skipped ${where}: ${parsed.error.issues[0]?.message ?? 'invalid gold line'}\n`,
      );
      return;
    }
    const gold = parsed.data;
    let raw: string;
    try {
      raw = gold.text ?? readFileSync(resolve(dirname(goldPath), gold.textFile ?? ''), 'utf8');
    } catch (cause) {
      problems++;
      process.stderr.write(
        `sitrep eval: skipped ${where}: cannot read ${gold.textFile}: ${(cause as Error).message}\n`,
      );
      return;
    }
    const doc = parseTextDocument(where, Buffer.from(raw, 'utf8'), { id: gold.id, published: gold.published ?? null });
    if (doc instanceof Error) {
      problems++;
      process.stderr.write(`sitrep eval: skipped ${doc.message}\n`);
      return;
    }
    const input = {
      ...doc,
      id: gold.id,
      published: doc.published ?? gold.published ?? null,
      outlet: doc.outlet ?? gold.outlet ?? null,
    };
    const { events } = extractEvents(input, resources);
    golds.push(gold);
    texts.set(gold.id, input.text);
    predictions[gold.id] = events;
    scores.push(scoreDocument(gold, events));
  });
  const summary = summarise(scores, golds);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ gold: goldPath, summary, documents: scores.map(brief) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(goldPath, summary, scores, texts, options.limit ?? 40)}\n`);
  }
  return problems > 0 ? 1 : 0;
}

function brief(d: DocumentScore) {
  return {
    document: d.document,
    matched: d.pairs.map((p) => ({ gold: p.gold.id ?? null, predicted: p.predicted.id, fields: p.fields })),
    missed: d.missed.map((g) => g.id ?? null),
    spurious: d.spurious.map((e) => ({ id: e.id, type: e.type, evidence: e.evidence[0]?.text ?? '' })),
  };
}
