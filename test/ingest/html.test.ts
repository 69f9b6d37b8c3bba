import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { htmlFragmentText, parseHtmlDocument, readHtmlFile } from '../../src/ingest/html.ts';
import { asDocument, fixture } from './helpers.ts';

const page = (
  head: string,
  body = '<article><p>Troops entered the town of Aster on Friday, officials said.</p></article>',
) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const read = (html: string, published: string | null = null) =>
  asDocument(parseHtmlDocument(html, { id: 'p', source: 'page.html', published }));

test('html: an article page gives its text, metadata, captions apart and no promos', async () => {
  const doc = asDocument(await readHtmlFile(fixture('article.html')));
  assert.deepEqual(
    { ...doc.input, text: undefined },
    {
      id: 'article',
      text: undefined,
      published: '2023-11-07',
      outlet: 'Harbor Ledger',
      url: 'https://harborledger.example/world/2023/11/rocket-fire-fuel-depot',
      title: 'Rocket fire hits fuel depot outside Port Selka',
    },
  );
  assert.equal(doc.provenance.format, 'html');
  assert.equal(doc.provenance.byline, 'Mira Okonjo');
  assert.deepEqual(doc.provenance.captions, [
    'Firefighters spray foam on a burning storage tank at the depot on Monday night. (Photo: Teo Varga/Harbor Ledger)',
    'A map of the depot and the farmland where the launch site was found.',
  ]);
  const paragraphs = doc.input.text.split('\n\n');
  assert.match(paragraphs.find((p) => p.startsWith('PORT SELKA')) ?? '', /injuring four workers/);
  // The captions close the text, one paragraph each, marked for the extractor's caption handling.
  assert.deepEqual(paragraphs.slice(-2), [
    'Caption: Firefighters spray foam on a burning storage tank at the depot on Monday night. (Photo: Teo Varga/Harbor Ledger)',
    'Caption: A map of the depot and the farmland where the launch site was found.',
  ]);
  for (const gone of [
    'Telegram',
    'Subscribe',
    'newsletter',
    'Sign up',
    'Related',
    'Home',
    'All rights reserved',
    'window.',
  ])
    assert.doesNotMatch(doc.input.text, new RegExp(gone), `"${gone}" is dropped`);
  assert.equal(doc.provenance.contentHash, createHash('sha256').update(doc.input.text).digest('hex'));
});

test('html: malformed markup still gives its paragraphs and metadata', async () => {
  const doc = asDocument(await readHtmlFile(fixture('malformed.html'), { id: 'm' }));
  assert.equal(doc.input.id, 'm');
  assert.equal(doc.input.title, 'Border post shelled');
  assert.equal(doc.input.published, '2022-05-14');
  assert.equal(doc.provenance.byline, 'Desk Staff');
  assert.deepEqual(doc.input.text.split('\n\n'), [
    'Artillery shells landed near the Kesh border post on Friday morning, the district governor said',
    'Two guards were wounded, he said, and the crossing was closed to traffic until further notice.',
    'Residents of nearby villages said the shelling lasted about an hour.',
    'Local officials said repairs would begin next week.',
  ]);
});

/** [where the date is, the page's head and body, the publication date read] */
const dateRows: [string, string, string, string | null][] = [
  [
    'article:published_time',
    '<meta property="article:published_time" content="2021-04-02T21:00:00-04:00">',
    '',
    '2021-04-02',
  ],
  [
    'JSON-LD datePublished',
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-30"}</script>',
    '',
    '2020-12-30',
  ],
  [
    'JSON-LD in a list, typed by an array',
    '<script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":["ReportageNewsArticle"],"datePublished":"2019-07-01T05:00:00Z"}]</script>',
    '',
    '2019-07-01',
  ],
  [
    'broken JSON-LD, then <time datetime>',
    '<script type="application/ld+json">{"@type": "NewsArticle", </script>',
    '<article><time datetime="2018-03-09T10:00">9 March</time><p>Troops entered the town of Aster on Friday.</p></article>',
    '2018-03-09',
  ],
  [
    'itemprop datePublished',
    '',
    '<article><meta itemprop="datePublished" content="2017-06-05"><p>Troops entered the town of Aster on Friday.</p></article>',
    '2017-06-05',
  ],
  ['an RFC 822 meta date', '<meta name="pubdate" content="Tue, 12 Mar 2024 23:30:00 -0500">', '', '2024-03-12'],
  ['no date: the caller’s default', '<title>t</title>', '', '2000-01-01'],
  ['an impossible date is none', '<meta property="article:published_time" content="2021-02-30">', '', '2000-01-01'],
];

for (const [where, head, body, expected] of dateRows) {
  test(`html: the publication date from ${where}`, () => {
    assert.equal(read(body ? page(head, body) : page(head), '2000-01-01').input.published, expected);
  });
}

/** [where the byline is, head, body, byline read] */
const bylineRows: [string, string, string, string | undefined][] = [
  ['meta author', '<meta name="author" content="Lena Park">', '', 'Lena Park'],
  [
    'meta article:author as a URL is not a name',
    '<meta property="article:author" content="https://x.example/lena">',
    '',
    undefined,
  ],
  [
    'JSON-LD authors',
    '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Lena Park"},"Omar Diaz"]}</script>',
    '',
    'Lena Park, Omar Diaz',
  ],
  [
    'a byline element',
    '',
    '<article><div class="byline">By Omar Diaz</div><p>Troops entered the town of Aster on Friday, officials said.</p></article>',
    'Omar Diaz',
  ],
];

for (const [where, head, body, expected] of bylineRows) {
  test(`html: the byline from ${where}`, () => {
    assert.equal(read(body ? page(head, body) : page(head)).provenance.byline, expected);
  });
}

/** [a line of a story, whether it is dropped as promotion] */
const promoRows: [string, boolean][] = [
  ['Join our Telegram channel for breaking news.', true],
  ['Join us on WhatsApp for live updates', true],
  ['Subscribe', true],
  ['Subscribe to our newsletter and get the top stories every morning.', true],
  ['Sign up for our daily briefing', true],
  ['Follow us on X and Instagram', true],
  ['Advertisement', true],
  ['Read more: Port strikes enter second week', true],
  ['The group urged supporters to join its Telegram channel, the ministry said.', false],
  ['Subscribers to the rebels’ channel shared the video widely, analysts said.', false],
  ['Police said the newsletter published by the group called for attacks on the border post.', false],
];

for (const [line, dropped] of promoRows) {
  test(`html: "${line}" is ${dropped ? 'dropped' : 'kept'}`, () => {
    const { text } = htmlFragmentText(`<p>Troops entered the town.</p><p>${line}</p>`);
    assert.equal(!text.includes(line), dropped);
  });
}

test('html: promo boxes named by their class are dropped, a layout wrapper with such a name is not', () => {
  const body =
    '<div class="ads-wrapper"><article><p>Troops entered the town of Aster on Friday, officials said.</p>' +
    `<p>${'The army said the operation would continue for several days. '.repeat(30)}</p>` +
    '<div id="newsletter-box"><p>Daily news, free.</p></div></article></div>';
  const doc = read(page('', body));
  assert.match(doc.input.text, /Troops entered the town of Aster/);
  assert.doesNotMatch(doc.input.text, /Daily news, free/);
});

test('html: a short story in a wrapper with a promo-like class is kept', () => {
  const html =
    '<!DOCTYPE html><html><head></head><body class="single has-ads"><div class="story ads-wrapper">' +
    '<p>Troops entered the town of Aster on Friday, officials said.</p>' +
    '<div class="share-tools"><p>Share on X</p></div></div></body></html>';
  assert.equal(read(html).input.text, 'Troops entered the town of Aster on Friday, officials said.');
});

test('html: a page without text, a binary file and broken UTF-8 are InputErrors, not throws', async () => {
  const empty = parseHtmlDocument(page('<title>Nothing</title>', '<div><img src="a.png"></div>'), {
    id: 'e',
    source: 'empty.html',
  });
  assert.ok(empty instanceof InputError);
  assert.equal(empty.code, 'INPUT_EMPTY');
  assert.match(empty.message, /^empty\.html: /);

  const dir = mkdtempSync(join(tmpdir(), 'sitrep-html-'));
  const cases: [string, Buffer, string][] = [
    ['binary.html', Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02]), 'INPUT_BINARY'],
    ['broken.html', Buffer.from([0x3c, 0x70, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x70, 0x3e]), 'INPUT_ENCODING'],
    ['nothing.html', Buffer.alloc(0), 'INPUT_EMPTY'],
  ];
  for (const [name, bytes, code] of cases) {
    writeFileSync(join(dir, name), bytes);
    const result = await readHtmlFile(join(dir, name));
    assert.ok(result instanceof InputError, name);
    assert.equal(result.code, code, name);
  }
  assert.equal((await readHtmlFile(join(dir, 'missing.html'))).constructor, InputError);
});

test('html: a declared legacy charset is decoded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-html-'));
  const path = join(dir, 'latin.html');
  const html = page(
    '<meta charset="windows-1252">',
    '<article><p>Troops entered Sainte-Agn\u00e8s on Friday.</p></article>',
  );
  writeFileSync(path, Buffer.from(html, 'latin1'));
  assert.match(asDocument(await readHtmlFile(path)).input.text, /Sainte-Agnès/);
});
