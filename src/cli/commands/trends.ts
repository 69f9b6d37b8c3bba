// `sitrep trends`: escalation per dyad and week (src/analyze, docs/ANALYTICS.md) as a table with a sparkline of
// weekly conflict intensity, or, with --json, the object GET /trends returns.
import { parseDyad } from '../../analyze/dyads.ts';
import { trendsFrom } from '../../analyze/query.ts';
import { sparkline } from '../../analyze/sparkline.ts';
import type { TrendsOptions } from '../../analyze/trends.ts';
import { ANALYSIS_LEVELS, type AnalysisLevel, type DyadTrend, type TrendsResponse } from '../../analyze/types.ts';
import { SitrepError } from '../../core/errors.ts';
import { isPloverType } from '../../core/ontology/plover.ts';
import { databasePath, openExistingStore } from '../database.ts';
import { hierarchyFor } from '../hierarchy.ts';
import { clip } from '../table.ts';

export interface TrendsCliOptions {
  dyad?: string;
  since?: string;
  until?: string;
  level?: string;
  weeks?: number;
  type?: string;
  limit?: number;
  json?: boolean;
  db?: string;
  data?: string;
}

/** The options as analysis options, or a message naming the bad one. */
export function trendsOptionsFrom(options: TrendsCliOptions): Omit<TrendsOptions, 'hierarchy'> | string {
  const level = options.level ?? 'actor';
  if (!(ANALYSIS_LEVELS as readonly string[]).includes(level)) {
    return `--level must be one of ${ANALYSIS_LEVELS.join(', ')}, not "${level}"`;
  }
  const type = options.type?.toUpperCase();
  if (type !== undefined && !isPloverType(type)) return `--type: "${options.type}" is not a PLOVER type`;
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    return `--since ${options.since} is after --until ${options.until}`;
  }
  const dyad = options.dyad === undefined ? undefined : parseDyad(options.dyad);
  if (typeof dyad === 'string') return `--dyad: ${dyad}`;
  return {
    level: level as AnalysisLevel,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    ...(options.weeks !== undefined ? { weeks: options.weeks } : {}),
    ...(dyad !== undefined ? { dyad } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  };
}

const DYAD_WIDTH = 46;
/** The number columns: header and width. */
const COLUMNS = [
  ['events', 6],
  ['conflict', 8],
  ['coop', 5],
  ['intensity', 9],
  ['peak', 5],
  ['killed', 6],
  ['injured', 7],
] as const;
const num = (x: number) => (Number.isInteger(x) ? `${x}` : x.toFixed(1));
const cells = (values: readonly string[]) => COLUMNS.map(([, width], i) => (values[i] ?? '').padStart(width)).join(' ');

function dyadRow(d: DyadTrend): string {
  const name = clip(`${d.source.name} → ${d.target.name}`, DYAD_WIDTH).padEnd(DYAD_WIDTH);
  const line = sparkline(d.weeks.map((w) => w.conflict.intensity));
  const t = d.totals;
  const values = [
    t.events,
    t.conflict.events,
    t.cooperation.events,
    t.conflict.intensity,
    t.conflict.peak,
    t.killed,
    t.injured,
  ];
  const mark = d.lastBreakout === null ? '' : `  ▲ ${d.lastBreakout}${t.breakouts > 1 ? ` (+${t.breakouts - 1})` : ''}`;
  return `${name}  ${line}  ${cells(values.map(num))}${mark}`;
}

/** The table: one row per dyad, then the reason of each dyad's latest breakout. */
export function formatTrends(result: TrendsResponse): string {
  if (result.weeks.length === 0 || result.dyads.length === 0) {
    return result.since === null
      ? 'no dated events to show\n'
      : `no events in the weeks ${result.since} to ${result.until} (level ${result.level})\n`;
  }
  const width = result.weeks.length;
  const header = `${`dyad (${result.level})`.padEnd(DYAD_WIDTH)}  ${'conflict/week'.padEnd(width)}  ${cells(
    COLUMNS.map(([name]) => name),
  )}  breakout`;
  const lines = [`weeks ${result.since} to ${result.until} (${width}; each row scaled to its own worst week)`, header];
  lines.push(...result.dyads.map(dyadRow));
  const flagged = result.dyads.filter((d) => d.lastBreakout !== null);
  if (flagged.length > 0) {
    lines.push('', 'breakouts (latest of each dyad):');
    for (const d of flagged) {
      const week = d.weeks.find((w) => w.week === d.lastBreakout);
      lines.push(`  ▲ ${d.lastBreakout} ${d.source.name} → ${d.target.name}: ${week?.breakoutReason ?? ''}`);
    }
  }
  const s = result.summary;
  const more = s.dyads > result.dyads.length ? ` (${result.dyads.length} shown; --limit N for more)` : '';
  const left = [
    s.undated > 0 ? `${s.undated} undated` : '',
    s.imprecise > 0 ? `${s.imprecise} dated only to a month or longer` : '',
    s.notAsserted > 0 ? `${s.notAsserted} negated, future or hypothetical` : '',
    (s.unattributed ?? 0) > 0 ? `${s.unattributed} naming no one` : '',
  ].filter(Boolean);
  lines.push(
    '',
    `${s.events} events (a merged event once) in ${s.dyads} dyads${more}${left.length > 0 ? `; not counted: ${left.join(', ')}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

export async function runTrends(options: TrendsCliOptions): Promise<number> {
  const query = trendsOptionsFrom(options);
  if (typeof query === 'string') {
    process.stderr.write(`sitrep trends: ${query}\n`);
    return 2;
  }
  const dbPath = databasePath(options.db);
  const store = openExistingStore('trends', dbPath);
  if (store === null) return 1;
  try {
    // Parents, backers and country names come from the actor lexicon; the actor level needs none of it.
    const hierarchy = query.level === 'actor' ? undefined : hierarchyFor(options);
    const result = trendsFrom(store, { ...query, ...(hierarchy ? { hierarchy } : {}) });
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatTrends(result));
    return 0;
  } catch (error) {
    if (error instanceof SitrepError) {
      process.stderr.write(`sitrep trends: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    store.close();
  }
}
