// What every export format is: text before the first event, the text of each event, text after the last. A writer
// is made per export and may keep state (the comma between GeoJSON features); it never holds more than one event,
// so an export of any size streams. Formatters are pure: they see records and options, never the store or files.
import type { EventRecord } from '../core/record.ts';

export interface ExportWriter {
  /** What opens the output: a header row, the start of a JSON collection, or ''. */
  begin(): string;
  /** One event's text; '' when the format leaves the event out. */
  write(event: EventRecord): string;
  /** What closes the output, or ''. */
  end(): string;
}

export interface ExportOptions {
  /** The day of the export (YYYY-MM-DD): PLOVER's coded_date. */
  codedDate: string;
  /** Seconds since 1970 at the export: ACLED's timestamp. */
  timestamp: number;
  /** The country's English short name for an ISO 3166 alpha-3 code, when the caller has a table. */
  countryName: (iso3: string) => string | null;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  codedDate: '1970-01-01',
  timestamp: 0,
  countryName: () => null,
};

/** The names of an event's actors or recipients, in order, without repeats. */
export function names(parties: EventRecord['actor']): string[] {
  return [...new Set(parties.map((party) => party.name))];
}
