// The export formats by name.
import { createAcledWriter } from './acled.ts';
import { createCsvWriter } from './csv.ts';
import type { ExportOptions, ExportWriter } from './format.ts';
import { createGeojsonWriter } from './geojson.ts';
import { createJsonlWriter } from './jsonl.ts';
import { createPloverWriter } from './plover.ts';

export const EXPORT_FORMATS = {
  csv: () => createCsvWriter(),
  jsonl: () => createJsonlWriter(),
  geojson: () => createGeojsonWriter(),
  plover: (options: ExportOptions) => createPloverWriter(options),
  acled: (options: ExportOptions) => createAcledWriter(options),
} as const satisfies Record<string, (options: ExportOptions) => ExportWriter>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
