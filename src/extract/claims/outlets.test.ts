import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../core/errors.ts';
import { loadOutletLexicon, outletLexiconFrom } from '../../resources/outlets.ts';
import { sentenceOf } from '../testing.ts';
import { buildOutletLexicon, type OutletEntry } from './outlets.ts';

const outlets = loadOutletLexicon(fileURLToPath(new URL('../../../data', import.meta.url)));

// [sentence, the outlet names found, left to right, with the words they cover]
const ROWS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Officials told Reuters on Sunday.', ['Reuters: Reuters']],
  ['The envoy spoke to the New York Times.', ['The New York Times: the New York Times']],
  ['The figures came from Al-Masdar News (AMN).', ['Al-Masdar News: Al-Masdar News', 'Al-Masdar News: AMN']],
  ["One of Reuters' four tribal sources spoke.", ['Reuters: Reuters']],
  ['The AP reported it first.', ['Associated Press: The AP']],
  ['The word ap is not an agency.', []],
  ['Sana said she would stay home.', []],
  [
    'The Britain-based Syrian Observatory for Human Rights said so.',
    ['Syrian Observatory for Human Rights: The Britain-based Syrian Observatory for Human Rights'],
  ],
  ['Tasnim News Agency carried the statement.', ['Tasnim News Agency: Tasnim News Agency']],
  ['The report aired on Kurdistan 24.', ['Kurdistan 24: Kurdistan 24']],
];

test('claims: the outlet lexicon finds outlet names in sentences', () => {
  const misses: string[] = [];
  for (const [text, expected] of ROWS) {
    const sentence = sentenceOf(text);
    const found: string[] = [];
    for (let i = 0; i < sentence.tokens.length; i++) {
      const m = outlets.matchAt(sentence.tokens, i);
      if (!m) continue;
      const first = sentence.tokens[m.start];
      const last = sentence.tokens[m.end - 1];
      if (first && last) found.push(`${m.entry.name}: ${text.slice(first.start, last.end)}`);
      i = m.end - 1;
    }
    if (JSON.stringify(found) !== JSON.stringify(expected)) misses.push(`${text}: got ${JSON.stringify(found)}`);
  }
  assert.deepEqual(misses, []);
});

test('claims: the outlet lexicon looks names up loosely and holds at least 60 outlets', () => {
  assert.ok(outlets.entries.length >= 60);
  assert.equal(outlets.find('al masdar news')?.id, 'al-masdar-news');
  assert.equal(outlets.find('AFP')?.name, 'Agence France-Presse');
  assert.equal(outlets.find('Syrian Observatory for Human Rights')?.kind, 'monitor');
  assert.equal(outlets.find('The Daily Nowhere'), undefined);
});

test('claims: outlet data that breaks the rules is refused with the file named', () => {
  const entry = (id: string, name: string, aliases: string[] = []): OutletEntry => ({
    id,
    name,
    aliases,
    kind: 'wire',
    country: null,
    state: false,
    affiliation: null,
  });
  assert.throws(
    () => buildOutletLexicon([entry('one', 'Daily Gazette'), entry('two', 'The Daily Gazette')]),
    /both one and two/,
  );
  assert.throws(
    () => outletLexiconFrom([{ id: 'x', name: 'X', kind: 'blog' }], 'outlets.yaml'),
    (e: unknown) => e instanceof DataError && e.message.startsWith('outlets.yaml'),
  );
  assert.throws(
    () => outletLexiconFrom([{ id: 'x', name: 'X', kind: 'wire', country: 'Iraq' }], 'outlets.yaml'),
    DataError,
  );
  assert.throws(
    () =>
      outletLexiconFrom(
        [
          { id: 'x', name: 'X', kind: 'wire' },
          { id: 'x', name: 'Y', kind: 'wire' },
        ],
        'outlets.yaml',
      ),
    /twice/,
  );
  assert.equal(
    outletLexiconFrom([{ id: 'x', name: 'X Daily', kind: 'newspaper' }], 'outlets.yaml').entries[0]?.country,
    null,
  );
});
