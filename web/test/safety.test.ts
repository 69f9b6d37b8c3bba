// The element helper is the only way views make markup: text stays text, handlers cannot ride in as attributes.
import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h, s } from '../src/dom.ts';
import { renderEventPage } from '../src/views/event-page.ts';
import { fixtureEvent } from './fixtures.ts';
import { recordingHandlers } from './setup.ts';

const HOSTILE = 'Militants <script>alert("x")</script><img src=x onerror=alert(1)> attacked a post.';

test('dom: text containing tags becomes text nodes, not elements', () => {
  const element = h('p', {}, HOSTILE);
  assert.equal(element.querySelector('script'), null);
  assert.equal(element.querySelector('img'), null);
  assert.equal(element.textContent, HOSTILE);
  const label = s('text', {}, HOSTILE);
  assert.equal(label.querySelector('script'), null);
  assert.equal(label.textContent, HOSTILE);
});

test('dom: event-handler attributes are refused', () => {
  assert.throws(() => h('div', { onclick: 'alert(1)' }), /onclick refused/);
  assert.throws(() => s('circle', { OnMouseOver: 'alert(1)' }), /refused/);
});

test('event page: a report with script tags shows them as text', () => {
  const event = fixtureEvent({
    evidence: [{ sentence: 0, start: 0, end: HOSTILE.length, text: HOSTILE, trigger: { start: 70, end: 78 } }],
    actor: [],
    recipient: [],
    date: null,
    place: null,
    killed: null,
  });
  const page = renderEventPage(
    {
      event,
      provenance: { fields: {}, extractor: 'test', claim: event.claim, document: null },
      mentions: [],
      merged: null,
    },
    recordingHandlers(),
  );
  assert.equal(page.querySelector('script'), null);
  assert.equal(page.querySelector('img'), null);
  assert.match(page.querySelector('.sentence')?.textContent ?? '', /<script>alert\("x"\)<\/script>/);
});
