// `sitrep reextract`: every stored document through the current extractor and lexicons again (after an upgrade, or
// an entry added to data/), its events replaced one transaction per document, reviews re-attached, the merged
// events rebuilt; prints what changed. `--dry-run` only reports. The work is src/store/reextract.ts.
import type { DocumentInput } from '../../core/record.ts';
import { extractBatch } from '../../extract/pipeline.ts';
import { type DocumentChanges, isChanged, type ReextractReport, reextract } from '../../store/reextract.ts';
import { databasePath, openExistingStore } from '../database.ts';
import { resourcesFor } from '../resources.ts';

export interface ReextractOptions {
  db?: string;
  data?: string;
  dryRun?: boolean;
  json?: boolean;
}

export async function runReextract(options: ReextractOptions): Promise<number> {
  const dbPath = databasePath(options.db);
  const store = openExistingStore('reextract', dbPath);
  if (store === null) return 1;
  try {
    const resources = resourcesFor(options);
    const started = performance.now();
    const tty = process.stderr.isTTY === true;
    // In batches: each stage over a batch of documents, the same records for less CPU than one by one.
    const batch = (inputs: readonly DocumentInput[]) => extractBatch(inputs, resources).map((e) => e.events);
    const report = reextract(
      store,
      { batch },
      {
        dryRun: options.dryRun ?? false,
        onDocument: (_changes, done, total) => {
          if (tty) process.stderr.write(`\rreextract: ${done}/${total} documents\u001b[K`);
        },
      },
    );
    if (tty) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, resources.extractor, seconds),
    );
    return report.totals.failed > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}

export function formatReport(report: ReextractReport, extractor: string, seconds: number): string {
  const t = report.totals;
  const fields = Object.entries(t.fields)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([field, n]) => `${field} ${n}`)
    .join(', ');
  const lines = [
    `sitrep reextract${report.dryRun ? ' (dry run: nothing stored)' : ''}: ${t.documents} documents with extractor ` +
      `${extractor} in ${seconds.toFixed(1)} s; ${t.changedDocuments} changed, ${t.failed} failed`,
    `  events: ${t.before} before, ${t.after} after — ${t.added} added, ${t.removed} removed, ${t.changed} changed` +
      `${fields ? ` (${fields})` : ''}`,
    `  reviews: ${t.reattached} reviewed events re-attached (${t.moved} to a new id), ${t.orphaned} orphaned` +
      `${t.orphaned > 0 ? ' — see `sitrep review --orphans`' : ''}`,
  ];
  const shown = report.documents.filter((d) => d.error !== null || isChanged(d));
  if (shown.length > 0) lines.push('per document:');
  for (const d of shown) lines.push(...formatDocument(d));
  if (report.merged !== null) {
    lines.push(`merged events rebuilt: ${report.merged.merged} (of ${report.merged.events} events)`);
  }
  return `${lines.join('\n')}\n`;
}

function formatDocument(d: DocumentChanges): string[] {
  if (d.error !== null) return [`  ${d.document}: left as stored — ${d.error}`];
  const lines = [`  ${d.document}: ${d.before} → ${d.after} events`];
  if (d.added.length > 0) lines.push(`    added    ${d.added.join(', ')}`);
  if (d.removed.length > 0) lines.push(`    removed  ${d.removed.join(', ')}`);
  for (const c of d.changed) {
    const id = c.newId === null ? c.id : `${c.id} → ${c.newId}`;
    lines.push(`    changed  ${id}${c.fields.length > 0 ? ` (${c.fields.join(', ')})` : ' (id only)'}`);
  }
  for (const r of d.reviews.reattached) {
    if (r.from !== r.to) lines.push(`    review   ${r.decisions} of ${r.from} moved to ${r.to} (same ${r.how})`);
  }
  for (const o of d.reviews.orphaned) lines.push(`    orphaned ${o.decisions} of ${o.event}: ${o.reason}`);
  return lines;
}
