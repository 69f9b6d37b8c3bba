// Builds everything extraction looks things up in, once: the NLP model, the lexicons and the gazetteer.
// The extractor's version carries a hash of the data files, so a record says which lexicons produced it.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExtractionResources } from '../extract/pipeline.ts';
import { createNlp } from '../extract/sentences.ts';
import { loadActorLexicon } from './actors.ts';
import { loadGazetteer } from './gazetteer.ts';
import { loadOutletLexicon } from './outlets.ts';
import { loadTriggerLexicon } from './triggers.ts';
import { DEFAULT_DATA_DIR, EXTRACTOR_VERSION } from './version.ts';

export { DEFAULT_DATA_DIR, EXTRACTOR_VERSION } from './version.ts';

export interface ResourceOptions {
  dataDir?: string;
  /** Folders of user gazetteer imports (`sitrep gazetteer import`). */
  gazetteerDirs?: string[];
}

export function loadResources(options: ResourceOptions = {}): ExtractionResources {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  return {
    nlp: createNlp(),
    triggers: loadTriggerLexicon(dataDir),
    actors: loadActorLexicon(dataDir),
    gazetteer: loadGazetteer({ dataDir, userDirs: options.gazetteerDirs ?? [] }),
    outlets: loadOutletLexicon(dataDir),
    extractor: `${EXTRACTOR_VERSION}+data.${hashData(dataDir)}`,
  };
}

/** A short hash over every data file's path and content. */
export function hashData(dataDir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dataDir)) {
    hash.update(relative(dataDir, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.json') || entry.name.endsWith('.tsv'))
      files.push(path);
  }
  return files;
}
