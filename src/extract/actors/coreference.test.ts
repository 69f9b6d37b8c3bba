import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadActorLexicon } from '../../resources/actors.ts';
import { sentencesOf } from '../testing.ts';
import { type ActorMention, findActorMentions, resolveCoreference } from './find.ts';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

const lexicon = loadActorLexicon(DEFAULT_DATA_DIR);

function resolve(text: string): ActorMention[] {
  const sentences = sentencesOf(text);
  return resolveCoreference(
    sentences.flatMap((s) => findActorMentions(s, lexicon)),
    sentences,
  );
}

// [document, the mention (by span text, its nth occurrence) and what it must resolve to: the antecedent's text
// and the identity it takes; antecedent null: left unresolved]
type Row = [
  string,
  { text: string; nth?: number; antecedent: string | null; id?: string | null; name?: string; rule?: string },
];

const rows: Row[] = [
  [
    'The army chief Lt. Gen. Ahmed Karimi visited the front. Karimi said the troops were ready.',
    {
      text: 'Karimi',
      antecedent: 'Lt. Gen. Ahmed Karimi',
      id: 'person:ahmed-karimi',
      name: 'Ahmed Karimi',
      rule: 'coref:surname',
    },
  ],
  [
    'Col. Sami al-Ali spoke to reporters. Later al-Ali declined to comment.',
    { text: 'al-Ali', antecedent: 'Col. Sami al-Ali', id: 'person:sami-al-ali' },
  ],
  [
    'The Sudan Liberation Front (SLF) attacked a convoy. The SLF later withdrew.',
    { text: 'SLF', antecedent: 'Sudan Liberation Front', id: 'org:slf', rule: 'coref:acronym' },
  ],
  [
    "Kata'ib Hezbollah fired rockets at the base. The group said more attacks would follow.",
    { text: 'group', antecedent: "Kata'ib Hezbollah", id: 'kataib-hezbollah', rule: 'coref:definite' },
  ],
  [
    'Iraqi Shia militias attacked U.S. troops. U.S. officials blamed these militias for the strike.',
    { text: 'militias', antecedent: 'Iraqi Shia militias', id: 'generic:IRQ:militia' },
  ],
  [
    'Asaib Ahl al-Haq denied involvement. The militia said it had no role.',
    { text: 'militia', antecedent: 'Asaib Ahl al-Haq', id: 'asaib-ahl-al-haq' },
  ],
  [
    "Iraq's defence ministry issued a statement. The ministry said two soldiers were wounded.",
    { text: 'ministry', antecedent: "Iraq's defence ministry", id: 'generic:IRQ:ministry' },
  ],
  [
    'Hakan Fidan met militia leaders in Erbil. He asked them to hand over their heavy weapons.',
    { text: 'He', antecedent: 'Hakan Fidan', id: 'hakan-fidan', rule: 'coref:pronoun' },
  ],
  [
    'Hakan Fidan met militia leaders in Erbil. He asked them to hand over their heavy weapons.',
    { text: 'them', antecedent: 'militia leaders', id: 'generic:militia' },
  ],
  [
    'The Houthis fired two missiles at a tanker. They said the ship was linked to Israel.',
    { text: 'They', antecedent: 'Houthis', id: 'houthis' },
  ],
  [
    'Hamas rejected the proposal. It said its fighters would not disarm.',
    { text: 'It', antecedent: 'Hamas', id: 'hamas' },
  ],
  [
    'Hamas rejected the proposal. It said its fighters would not disarm.',
    { text: 'its fighters', antecedent: 'It', id: 'hamas' },
  ],
  [
    'Col. Sami al-Ali briefed reporters on Monday. The U.S. forces said he had resigned.',
    { text: 'he', antecedent: 'Col. Sami al-Ali', id: 'person:sami-al-ali' },
  ],
  [
    'President Joe Biden spoke with Prime Minister Mustafa al-Kadhimi. The prime minister thanked him.',
    { text: 'prime minister', antecedent: 'Prime Minister Mustafa al-Kadhimi', id: 'mustafa-al-kadhimi' },
  ],
  [
    'Yahya Sinwar was killed in Rafah. Sinwar had led the group since 2017.',
    { text: 'Sinwar', antecedent: 'Yahya Sinwar', id: 'yahya-sinwar' },
  ],
  ['The convoy was hit near the border. They said the army would respond.', { text: 'They', antecedent: null }],
  [
    'The army deployed more troops. The army said the situation was calm.',
    { text: 'army', nth: 1, antecedent: 'army', id: 'generic:military' },
  ],
];

for (const [doc, want] of rows) {
  test(`actors coreference: ${want.text} in "${doc}"`, () => {
    const all = resolve(doc);
    const shown = all
      .map((m, k) => `${k}:${m.text}[${m.id};${m.rule}${m.antecedent !== undefined ? `->${m.antecedent}` : ''}]`)
      .join(' | ');
    const hits = all.filter((m) => m.text === want.text);
    const m = hits[want.nth ?? 0];
    assert.ok(m, `no mention "${want.text}": ${shown}`);
    if (want.antecedent === null) {
      assert.equal(m.antecedent, undefined, shown);
      return;
    }
    assert.ok(m.antecedent !== undefined, `"${want.text}" unresolved: ${shown}`);
    assert.equal(all[m.antecedent]?.text, want.antecedent, shown);
    if (want.id !== undefined) assert.equal(m.id, want.id, shown);
    if (want.name !== undefined) assert.equal(m.name, want.name, shown);
    if (want.rule !== undefined) assert.equal(m.rule, want.rule, shown);
  });
}

test('actors coreference: returns document order and keeps the mentions it was given', () => {
  const sentences = sentencesOf('Syrian militias attacked. Fidan met them. The group denied it.');
  const flat = sentences.flatMap((s) => findActorMentions(s, lexicon));
  const all = resolveCoreference(flat, sentences);
  assert.ok(all.length >= flat.length);
  for (let k = 1; k < all.length; k++) assert.ok((all[k - 1] as ActorMention).start <= (all[k] as ActorMention).start);
  for (const m of all) if (m.antecedent !== undefined) assert.ok(m.antecedent < all.indexOf(m));
  // the input is not changed
  assert.ok(flat.every((m) => m.antecedent === undefined));
});
