// The command line: a thin shell over the library. Each command's module is loaded only when it runs.
import { Command, InvalidArgumentError } from 'commander';
import { EXTRACTOR_VERSION } from '../resources/load.ts';
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
    .command('serve')
    .description('serve the HTTP API over a database (POST /documents needs SITREP_TOKEN as a bearer token)')
    .option('--port <n>', 'the port (0: any free one)', port, 8080)
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--db <file>', 'the database (default: $SITREP_DB, else sitrep.db in the working folder)')
    .option('--data <dir>', 'data folder with lexicons and places, for POST /documents (default: the bundled one)')
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
