// Loads extraction resources for a command, with the user's gazetteer imports when there are any.
import { existsSync } from 'node:fs';
import type { ExtractionResources } from '../extract/pipeline.ts';
import { loadResources } from '../resources/load.ts';

/** Where `sitrep gazetteer import` keeps places by default; SITREP_GAZETTEER overrides it. */
export const USER_GAZETTEER_DIR = process.env.SITREP_GAZETTEER ?? '.sitrep/gazetteer';

export function resourcesFor(options: { data?: string }): ExtractionResources {
  const gazetteerDirs = existsSync(USER_GAZETTEER_DIR) ? [USER_GAZETTEER_DIR] : [];
  return loadResources({ ...(options.data ? { dataDir: options.data } : {}), gazetteerDirs });
}
