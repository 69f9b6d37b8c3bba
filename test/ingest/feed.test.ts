import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { decodeXmlText, parseFeed, readFeedFile } from '../../src/ingest/feed.ts';
import { asDocument, collect, fixture } from './helpers.ts';

test('feed: RSS 2.0 gives one document per item, the channel as outlet, HTML bodies as text', async () => {
  const items = await collect(readFeedFile(fixture('rss.xml')));
  assert.equal(items.length, 3);
  const [protest, budget, gallery] = items;
  const first = asDocument(protest);
  assert.deepEqual(first.input, {
    id: 'vc-2024-0311-001',
    text:
      'TAMRIN, March 11 - Hundreds of farmers blocked the main highway near Tamrin on Monday to protest against ' +
      'water cuts, police said.\n\nPolice said the protest was peaceful & that no one was arrested.\n\n' +
      'Caption: Farmers sit on the highway near Tamrin.',
    // 23:10 at UTC-5 is still the 11th where it was published.
    published: '2024-03-11',
    outlet: 'Valley Courier & Wire',
    url: 'https://valleycourier.example/news/tamrin-highway-protest',
    title: 'Protesters block highway near Tamrin',
  });
  assert.equal(first.provenance.format, 'rss');
  assert.equal(first.provenance.source, fixture('rss.xml'));
  assert.equal(first.provenance.byline, 'Ana Ruiz');
  assert.deepEqual(first.provenance.captions, ['Farmers sit on the highway near Tamrin.']);

  // An escaped-HTML description; no guid, so the link names it; markup in the title is dropped.
  const second = asDocument(budget);
  assert.equal(second.input.id, 'https://valleycourier.example/news/council-budget');
  assert.equal(second.input.title, 'Council approves budget');
  assert.equal(
    second.input.text,
    'The city council approved the annual budget on Sunday after a three-hour debate.\n\nThe vote was 7 to 2.',
  );
  assert.equal(second.input.published, '2024-03-10');

  assert.ok(gallery instanceof InputError);
  assert.equal(gallery.code, 'INPUT_EMPTY');
  assert.match(gallery.message, /rss\.xml#3: item 3 "Photo gallery: the spring fair" has no text/);
});

test('feed: Atom entries, with XHTML, HTML and text content, relative links and authors', async () => {
  const docs = (await collect(readFeedFile(fixture('atom.xml'), { published: '1999-01-01' }))).map(asDocument);
  assert.deepEqual(
    docs.map((d) => [d.input.id, d.input.url, d.input.title, d.input.published, d.provenance.byline]),
    [
      [
        'tag:steppemonitor.example,2021:17',
        'https://steppemonitor.example/reports/oru-road-ambush',
        'Convoy ambushed on the Oru road',
        '2021-09-02',
        'Daniyar Sels',
      ],
      [
        'tag:steppemonitor.example,2021:16',
        'https://steppemonitor.example/reports/talks-resume',
        'Ceasefire talks resume',
        '2021-09-01',
        undefined,
      ],
      [
        'tag:steppemonitor.example,2021:15',
        'https://steppemonitor.example/reports/checkpoint',
        'Militia seizes checkpoint',
        '2021-08-30',
        undefined,
      ],
    ],
  );
  assert.ok(docs.every((d) => d.input.outlet === 'Steppe Monitor' && d.provenance.format === 'atom'));
  assert.equal(
    docs[0]?.input.text,
    'Gunmen ambushed a supply convoy on the Oru road on Thursday evening, killing two drivers, a regional ' +
      'official said.\n\nThe official said the attackers fled into the hills & that a search was under way.',
  );
  assert.equal(
    docs[1]?.input.text,
    'Negotiators met again on Wednesday, a mediator said. Both sides said the\ntalks were "useful" & would go on.',
  );
  // The promo line of an HTML body is dropped like a page's.
  assert.equal(docs[2]?.input.text, 'A militia seized a checkpoint north of Bakar on Monday, residents said.');
});

test('feed: RSS 1.0 (RDF) items are read too', async () => {
  const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old Wire</title><link>https://old.example/</link></channel>
  <item rdf:about="https://old.example/1"><title>Dockers strike</title><link>https://old.example/1</link>
    <description>Dock workers walked out on Monday.</description><dc:date>2005-10-03T09:00:00Z</dc:date></item>
</rdf:RDF>`;
  const [item] = await collect(parseFeed(xml, { source: 'old.rdf' }));
  const doc = asDocument(item);
  assert.deepEqual(
    [doc.input.outlet, doc.input.url, doc.input.published, doc.input.text],
    ['Old Wire', 'https://old.example/1', '2005-10-03', 'Dock workers walked out on Monday.'],
  );
});

/** [file, code, the reason] */
const badFeeds: [string, string, RegExp][] = [
  ['malformed.xml', 'INPUT_INVALID', /not well-formed XML: .*'item'.*\(line 8, column \d+\)/],
  ['not-a-feed.xml', 'INPUT_INVALID', /not an RSS or Atom feed \(root element <inventory>\)/],
  ['does-not-exist.xml', 'INPUT_UNREADABLE', /ENOENT/],
];

for (const [file, code, reason] of badFeeds) {
  test(`feed: ${file} is one InputError naming the file`, async () => {
    const items = await collect(readFeedFile(fixture(file)));
    assert.equal(items.length, 1);
    const [error] = items;
    assert.ok(error instanceof InputError);
    assert.equal(error.code, code);
    assert.equal(error.input, fixture(file));
    assert.match(error.message, reason);
  });
}

test('feed: entity definitions cannot blow up (billion laughs)', async () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss><channel><title>&d;</title><item><title>x</title><description>&d;&d;&d;</description></item></channel></rss>`;
  const items = await collect(parseFeed(laughs, { source: 'laughs.xml' }));
  // Whatever it yields, it yields quickly and small: no expansion reaches the text.
  for (const item of items) if (!(item instanceof InputError)) assert.ok(item.input.text.length < 1000);
});

/** [raw XML character data, the text] */
const decodeRows: [string, string][] = [
  ['Tom &amp; Jerry', 'Tom & Jerry'],
  ['&lt;p&gt;hi&lt;/p&gt;', '<p>hi</p>'],
  ['<![CDATA[a &amp; b]]> &amp; c', 'a &amp; b & c'],
  ['&#233;t&#xE9;', 'été'],
  ['&nbsp;stays', '&nbsp;stays'],
];

for (const [raw, text] of decodeRows) {
  test(`feed: character data ${JSON.stringify(raw)} reads ${JSON.stringify(text)}`, () => {
    assert.equal(decodeXmlText(raw), text);
  });
}
