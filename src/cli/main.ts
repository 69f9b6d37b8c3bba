// The command line: a thin shell over the library. Each command's module is loaded only when it runs.
import { Command, InvalidArgumentError } from 'commander';
import { EXTRACTOR_VERSION } from '../resources/version.ts';
import { positiveInteger, withFilterOptions } from './filters.ts';

const isoDate = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`"${value}" is not a date in the form YYYY-MM-DD`);
  }
  return value;
};

const port = (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port (0 to 65535)`);
  return n;
};

const workers = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) > 256) {
    throw new InvalidArgumentError(`"${value}" is not a number of worker threads (0 to 256)`);
  }
  return Number(value);
};

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('sitrep')
    .description('Sourced, geolocated, time-resolved event records from conflict and politics reporting')
    .version(EXTRACTOR_VERSION)
    .showHelpAfterError();

  program
    .command('extract')
    .description('extract events from text or markdown reports (or JSON Lines with --input)')
    .argument(
      '[inputs...]',
      'files (text, markdown with front matter, HTML, RSS/Atom, Telegram result.json), folders or URLs',
    )
    .option('--published <date>', 'publication date for files whose header gives none (YYYY-MM-DD)', isoDate)
    .option('--json', 'print the event records as JSON')
    .option('--input <file>', 'read documents from a JSON Lines file: {id, text, published?, outlet?, url?, title?}')
    .option('--jsonl', 'write one line {id, events} per document (with --input)')
    .option('--data <dir>', 'data folder with lexicons and places (default: the bundled one)')
    .option('--allow-private', 'allow URLs on private, loopback and link-local addresses')
    .action(async (files: string[], options) => {
      const { runExtract } = await import('./commands/extract.ts');
      exitCode = await runExtract(files, options);
    });

  program
    .command('eval')
    .description('score extraction against a gold file (JSON Lines, the gold-file schema)')
    .argument('<gold>', 'gold file')
    .option('--json', 'print the scores as JSON')
    .option('--limit <n>', 'how many missed and spurious events to list', (v) => Number.parseInt(v, 10), 40)
    .option('--data <dir>', 'data folder with lexicons and places (default: the bundled one)')
    .action(async (gold: string, options) => {
      const { runEval } = await import('./commands/eval.ts');
      exitCode = await runEval(gold, options);
    });

  program
    .command('ingest')
    .description('extract events from reports and store them, one transaction per document; unchanged input is skipped')
    .argument('<inputs...>', 'files, folders or URLs (every kind `extract` reads)')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--published <date>', 'publication date for documents that give none (YYYY-MM-DD)', isoDate)
    .option('--data <dir>', 'data folder with lexicons and places (default: the bundled one)')
    .option('--allow-private', 'allow URLs on private, loopback and link-local addresses')
    .option('--workers <n>', 'extraction threads (default: cores - 1, at least 1; 0 or 1: in the main thread)', workers)
    .option('--dry-run', 'read and extract everything, store nothing: what the inputs give, and which are skipped, why')
    .action(async (inputs: string[], options) => {
      const { runIngest } = await import('./commands/ingest.ts');
      exitCode = await runIngest(inputs, options);
    });

  withFilterOptions(
    program
      .command('events')
      .description('list stored events, latest first, with filters; a table, or the records with --json'),
  )
    .option('--limit <n>', 'at most this many events', positiveInteger, 50)
    .option('--json', 'print the event records as JSON')
    .action(async (options) => {
      const { runEvents } = await import('./commands/events.ts');
      exitCode = await runEvents(options);
    });

  program
    .command('show')
    .description('one stored event: each field with its rule, the claim chain, links and evidence sentences')
    .argument('<event-id>', 'the event id (from `sitrep events`)')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--json', 'print it as JSON')
    .action(async (id: string, options) => {
      const { runShow } = await import('./commands/show.ts');
      exitCode = await runShow(id, options);
    });

  const collect = (value: string, list: string[]) => [...list, value];
  program
    .command('review')
    .description('review an event: confirm, reject or correct it, with a note; kept with who and when (docs/REVIEW.md)')
    .argument('[event-id]', 'the event id (from `sitrep events`)')
    .option('--confirm', 'the event happened as recorded')
    .option('--reject', 'not a real event (left out of events, export and merges; --include-rejected shows it)')
    .option('--set <field=value>', 'correct a field: killed=3-5 (repeatable; see --fields)', collect, [])
    .option('--unset <field>', 'give a field back to the extractor (repeatable)', collect, [])
    .option('--note <text>', 'why (kept with each decision); alone, a note-only decision')
    .option('--by <name>', 'the reviewer (default: $SITREP_REVIEWER, else the user name)')
    .option('--history', "list the event's decisions")
    .option('--orphans', 'list the decisions whose event vanished in a re-extraction')
    .option('--fields', 'list the fields a reviewer can set, with their syntax')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--json', 'print as JSON')
    .action(async (id: string | undefined, options) => {
      const { runReview } = await import('./commands/review.ts');
      exitCode = await runReview(id, options);
    });

  program
    .command('reextract')
    .description('extract every stored document again with the current extractor and lexicons; report what changed')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--data <dir>', 'data folder with lexicons and places (default: the bundled one)')
    .option('--dry-run', 'report what would change; store nothing')
    .option('--json', 'print the report as JSON')
    .action(async (options) => {
      const { runReextract } = await import('./commands/reextract.ts');
      exitCode = await runReextract(options);
    });

  withFilterOptions(
    program
      .command('export')
      .description('stream the stored events a filter selects as CSV, JSON Lines, GeoJSON, PLOVER JSON or ACLED CSV'),
  )
    .requiredOption('--format <format>', 'csv, jsonl, geojson, plover or acled')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--limit <n>', 'at most this many events (default: all)', positiveInteger)
    .option('--data <dir>', 'data folder, for country names (default: the bundled one)')
    .action(async (options) => {
      const { runExport } = await import('./commands/export.ts');
      exitCode = await runExport(options);
    });

  program
    .command('trends')
    .description('escalation per dyad and week: conflict and cooperation apart, sparklines, breakouts')
    .option('--dyad <a:b>', 'only the dyads A→B and B→A (words of a name, a lexicon id or an ISO3 code; * for anyone)')
    .option('--since <date>', 'from the week holding this day (YYYY-MM-DD)', isoDate)
    .option('--until <date>', 'to the week holding this day (default: the latest event)', isoDate)
    .option('--level <level>', 'group actors as: actor, parent, backer or country', 'actor')
    .option('--weeks <n>', 'weeks shown when --since is not given', positiveInteger, 26)
    .option('--type <type>', 'count only this PLOVER type')
    .option('--limit <n>', 'at most this many dyads, gravest first', positiveInteger, 20)
    .option('--json', 'print the object GET /trends returns')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--data <dir>', 'data folder with the actor lexicon, for --level parent/backer/country (default: bundled)')
    .action(async (options) => {
      const { runTrends } = await import('./commands/trends.ts');
      exitCode = await runTrends(options);
    });

  program
    .command('serve')
    .description('serve the HTTP API over a database (POST /documents needs SITREP_TOKEN as a bearer token)')
    .option('--port <n>', 'the port (0: any free one)', port, 8080)
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--data <dir>', 'data folder with lexicons and places, for POST /documents (default: the bundled one)')
    .option('--no-dashboard', 'serve the JSON API alone, without the web dashboard under /')
    .action(async (options) => {
      const { runServe } = await import('./commands/serve.ts');
      exitCode = await runServe(options);
    });

  const gazetteer = program.command('gazetteer').description('manage the offline gazetteer');
  gazetteer
    .command('import')
    .description('import GeoNames country dumps (19 tab-separated columns) for villages the default data lacks')
    .argument('<files...>', 'GeoNames files such as LB.txt')
    .option('--into <dir>', 'where imported places are kept', '.sitrep/gazetteer')
    .action(async (files: string[], options) => {
      const { runGazetteerImport } = await import('./commands/gazetteer.ts');
      exitCode = await runGazetteerImport(files, options);
    });

  await program.parseAsync([...argv]);
  return exitCode;
}
