// Writes docs/ONTOLOGY.md's generated table: `node --import tsx scripts/ontology-doc.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { ontologyTable } from '../src/core/ontology/table.ts';

const path = 'docs/ONTOLOGY.md';
const begin = '<!-- generated: mapping table -->';
const end = '<!-- end of generated table -->';
const doc = readFileSync(path, 'utf8');
const from = doc.indexOf(begin);
const to = doc.indexOf(end);
if (from < 0 || to < 0) throw new Error(`${path} lacks the markers ${begin} … ${end}`);
writeFileSync(path, `${doc.slice(0, from + begin.length)}\n${ontologyTable()}${doc.slice(to)}`);
