import './setup.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventDetail } from '../src/types.ts';
import { renderDocumentText, renderEventPage } from '../src/views/event-page.ts';
import { fixtureEvent } from './fixtures.ts';
import { click, recordingHandlers } from './setup.ts';

function detail(change: Parameters<typeof fixtureEvent>[0] = {}): EventDetail {
  const event = fixtureEvent(change);
  return {
    event,
    provenance: {
      fields: event.provenance.fields,
      extractor: 'test',
      claim: event.claim,
      document: {
        id: 'doc-1',
        url: 'javascript:alert(1)',
        outlet: 'Gulf Desk',
        title: 'Police post attacked in Nahr District',
        published: '2024-05-15',
        source: 'a.md',
        format: 'markdown',
        ingestedAt: '2024-05-15T10:00:00Z',
      },
    },
    mentions: [],
    merged: null,
  };
}

test('event page: the evidence sentence with each kind of span marked', () => {
  const page = renderEventPage(detail(), recordingHandlers());
  const marks = [...page.querySelectorAll('.sentence mark')].map((mark) => [
    mark.getAttribute('data-kind'),
    mark.textContent,
  ]);
  assert.deepEqual(marks, [
    ['actor', 'Ashur Brigades'],
    ['trigger', 'attacked'],
    ['recipient', 'police post'],
    ['place', 'Nahr District'],
    ['date', 'on Tuesday'],
    ['casualty', 'killing at least six officers'],
  ]);
});

test('event page: each field with the rule that read it', () => {
  const page = renderEventPage(detail(), recordingHandlers());
  const row = (field: string) =>
    [...(page.querySelector(`tr[data-field="${field}"]`)?.querySelectorAll('td') ?? [])].map(
      (cell) => cell.textContent,
    );
  assert.deepEqual(row('actor'), ['Ashur Brigades (IRQ REB armed-group)', 'active:subject; lexicon:ashur-brigades']);
  assert.deepEqual(row('killed'), ['at least 6', '']);
  assert.equal(page.querySelector('tr[data-field="injured"]'), null, 'an empty field is left out');
});

test('event page: the claim chain runs from the sources through the outlets to the status', () => {
  const page = renderEventPage(detail(), recordingHandlers());
  const steps = [...page.querySelectorAll('.claim-steps > .step, .claim-steps > .status')].map(
    (step) => step.textContent,
  );
  assert.deepEqual(steps, ['two security officials (anonymous, 2 sources)', 'Wire Agency', 'Gulf Desk', 'claimed']);
});

test('event page: linked events by their titles, a non-web address as text', () => {
  const handlers = recordingHandlers();
  const linkedEvent = fixtureEvent({ id: 'ev-0', type: 'COERCE' });
  const page = renderEventPage(
    detail({ links: [{ relation: 'response_to', event: 'ev-0', text: 'in retaliation for' }] }),
    handlers,
    new Map([['ev-0', linkedEvent]]),
  );
  const button = page.querySelector('.links button.linked-event');
  assert.match(
    page.querySelector('.links li')?.textContent ?? '',
    /^in response to \("in retaliation for"\) COERCE · /,
  );
  click(button);
  assert.deepEqual(handlers.calls.opened, ['ev-0']);
  assert.equal(page.querySelector('a[href^="javascript"]'), null);
  assert.match(page.querySelector('.report')?.textContent ?? '', /javascript:alert\(1\)/);
});

test('event page: the whole report with the event words marked, as text', () => {
  const event = fixtureEvent();
  const text = `${'x'.repeat(1000)}${event.evidence[0]?.text}<script>alert(2)</script>`;
  const pre = renderDocumentText(text, event);
  assert.equal(pre.querySelector('script'), null);
  assert.equal(pre.textContent, text);
  assert.equal(pre.querySelectorAll('mark').length, 6);
});
