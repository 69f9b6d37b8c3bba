import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseText } from './normalise.ts';

const sections = (text: string) => normaliseText(text).blocks.map((b) => `${b.section}: ${text.slice(b.start, b.end)}`);

/** [text, the blocks it is cut into as "section: text"] */
const rows: [string, string[]][] = [
  [
    'Subscribe to our newsletter for daily updates\n\nDrone hits convoy near Kirkuk\n\nMarch 3, 2024\n\nA drone struck a convoy on Sunday.',
    [
      'promo: Subscribe to our newsletter for daily updates',
      'headline: Drone hits convoy near Kirkuk',
      'dateline: March 3, 2024',
      'body: A drone struck a convoy on Sunday.',
    ],
  ],
  [
    'BAGHDAD, March 12 (Desert Wire) - Two rockets hit the airport.\nMore text follows.',
    ['dateline: BAGHDAD, March 12 (Desert Wire) -', 'body: Two rockets hit the airport.', 'body: More text follows.'],
  ],
  [
    'MOGADISHU, Somalia (AP) — Militants attacked a hotel.',
    ['dateline: MOGADISHU, Somalia (AP) —', 'body: Militants attacked a hotel.'],
  ],
  [
    'Smoke rises over the port after the strike. (Photo: Sam Reed/Desert Wire)\nThe port was hit twice.',
    [
      'caption: Smoke rises over the port after the strike.',
      'byline: (Photo: Sam Reed/Desert Wire)',
      'body: The port was hit twice.',
    ],
  ],
  ['By Jane Doe and Ali Hassan\nThe talks ended.', ['byline: By Jane Doe and Ali Hassan', 'body: The talks ended.']],
  [
    'Join our Telegram channel for breaking news!\nTroops entered the town.',
    ['promo: Join our Telegram channel for breaking news!', 'body: Troops entered the town.'],
  ],
];

for (const [text, expected] of rows) {
  test(`normalise: ${text.slice(0, 50)}`, () => assert.deepEqual(sections(text), expected));
}

test('normalise: offsets point into the original text, CRLF included', () => {
  const text = 'Headline here\r\n\r\nBody sentence one. Body two.\r\n';
  const { blocks } = normaliseText(text);
  assert.deepEqual(
    blocks.map((b) => text.slice(b.start, b.end)),
    ['Headline here', 'Body sentence one. Body two.'],
  );
});

// The agency a dateline names wrote the story; the claim chain runs through it (records.ts).
const agencies: [string, string | null][] = [
  ['BAGHDAD, March 12 (Desert Wire) - Two rockets hit the airport.', 'Desert Wire'],
  ['MOGADISHU, Somalia (AP) — Militants attacked a hotel.', 'AP'],
  ['KHARTOUM - Fighting resumed in the capital.', null],
  ['Fighting resumed in the capital (officials said).', null],
];

for (const [text, agency] of agencies) {
  test(`normalise: the dateline's agency of "${text.slice(0, 40)}" is ${agency}`, () =>
    assert.equal(normaliseText(text).agency, agency));
}
