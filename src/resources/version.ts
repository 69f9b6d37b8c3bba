// The extractor's version and where the bundled data lives: constants only, so that commands which never extract
// (`sitrep events`, `export`, `--version`) can name them without loading the NLP model and the lexicons.
import { fileURLToPath } from 'node:url';

export const EXTRACTOR_VERSION = '0.1.0';

/** The data folder shipped with the project. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
