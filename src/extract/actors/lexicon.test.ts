import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readActorData } from '../../resources/actors.ts';
import { buildActorLexicon, deriveSurnames, type TrieNode } from './lexicon.ts';
import { phraseKeys, phraseWords } from './words.ts';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

const data = readActorData(DEFAULT_DATA_DIR);
const lexicon = buildActorLexicon(data);

test('actors lexicon: every UN member state plus Palestine, Kosovo, Taiwan, Western Sahara and the Vatican', () => {
  assert.equal(data.countries.length, 198);
  const codes = new Set(data.countries.map((c) => c.iso3));
  assert.equal(codes.size, 198);
  for (const code of ['PSE', 'XKX', 'TWN', 'ESH', 'VAT', 'USA', 'IRQ', 'SSD']) assert.ok(codes.has(code), code);
});

test('actors lexicon: at least 150 armed groups, the priority ones included, each with a source', () => {
  const groups = data.entries.filter((e) => e.kind === 'armed-group');
  assert.ok(groups.length >= 150, `${groups.length} armed groups`);
  const ids = new Set(data.entries.map((e) => e.id));
  const priority = [
    'islamic-state',
    'iswap',
    'iskp',
    'is-sahel',
    'al-qaeda',
    'aqap',
    'aqim',
    'jnim',
    'al-shabaab',
    'hts',
    'pkk',
    'ypg',
    'sdf',
    'pmf',
    'kataib-hezbollah',
    'asaib-ahl-al-haq',
    'harakat-al-nujaba',
    'kataib-sayyid-al-shuhada',
    'badr-organization',
    'saraya-awliya-al-dam',
    'hezbollah',
    'hamas',
    'pij',
    'houthis',
    'stc',
    'taliban',
    'ttp',
    'haqqani-network',
    'boko-haram',
    'rsf',
    'm23',
    'adf',
    'wagner-group',
  ];
  for (const id of priority) assert.ok(ids.has(id), id);
  for (const e of data.entries) assert.ok(e.source.length > 3, `${e.id} has no source`);
});

test('actors lexicon: no phrase names two different named actors', () => {
  const clashes: string[] = [];
  const walk = (node: TrieNode, path: string[]): void => {
    const byEntry = new Map<string, string>();
    for (const t of node.terminals) {
      if (t.hit.type !== 'entry') continue;
      // the same words with different capitals ("JEM" and "JeM") are different phrases
      const surface = t.surface.join(' ');
      const other = byEntry.get(surface);
      if (other && other !== t.hit.id) clashes.push(`${path.join(' ')}: ${other} / ${t.hit.id}`);
      byEntry.set(surface, t.hit.id);
    }
    for (const [k, child] of node.next) walk(child, [...path, k]);
  };
  walk(lexicon.root, []);
  assert.deepEqual(clashes, []);
});

test('actors lexicon: spellings fold to the same keys', () => {
  const keys = (s: string): string => phraseKeys(phraseWords(s, lexicon.abbreviations)).join(' ');
  assert.equal(keys("Kata'ib Hezbollah"), keys('Kata’ib Hezbollah'));
  assert.equal(keys('al-Shabaab'), keys('Al Shabaab'));
  assert.equal(keys('Côte d’Ivoire'), keys("Cote d'Ivoire"));
  assert.equal(keys('U.S.'), 'us');
  assert.equal(keys('Lt. Gen. Ahmed'), 'lt gen ahmed');
});

test('actors lexicon: surnames are derived from names, or listed', () => {
  const particles = lexicon.cues.nameParticles;
  const get = (id: string): string[] => {
    const e = data.entries.find((x) => x.id === id);
    assert.ok(e, id);
    return deriveSurnames(e, particles, lexicon.abbreviations);
  };
  assert.ok(get('hossein-taeb').includes('Taeb'));
  assert.ok(get('mustafa-al-kadhimi').includes('al-Kadhimi'));
  assert.ok(get('mustafa-al-kadhimi').includes('Kadhimi'));
  assert.deepEqual(get('kim-jong-un'), []);
});

test('actors lexicon: agents and titles have unique ids and known roles', () => {
  const ids = data.agents.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const a of data.agents) {
    if (a.role === 'event') assert.ok(lexicon.agents.has(a.class ?? 'military'), `${a.id}: unknown class ${a.class}`);
  }
});
