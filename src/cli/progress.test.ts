// The ingest progress reporter, driven by a fake stream and a fake clock: a terminal gets one line redrawn in place,
// a pipe gets a plain line per input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyTally, type ProgressStream, progressReporter } from './progress.ts';

function fakeStream(tty: boolean, columns?: number): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return {
    isTTY: tty,
    ...(columns ? { columns } : {}),
    write: (text: string) => chunks.push(text),
    text: () => chunks.join(''),
  };
}

test('progress: on a terminal, one line redrawn in place with documents/s, events, unchanged and skipped', () => {
  const stream = fakeStream(true);
  let clock = 1_000;
  const tally = emptyTally();
  const progress = progressReporter(tally, { stream, now: () => clock, redrawMs: 100 });
  tally.stored = 1;
  tally.events = 3;
  clock += 500;
  progress.update('stored a (3 events)');
  // Within 100 ms of the last redraw: counted, not drawn.
  tally.stored = 2;
  clock += 50;
  progress.update('stored b');
  tally.stored = 3;
  tally.unchanged = 1;
  tally.skipped.push({ input: 'bad.txt', reason: 'the file is empty' });
  clock += 1_450; // two seconds in: 4 documents, 2 per second
  progress.update('skipped bad.txt');
  progress.done();
  const lines = stream.text().split('\r').filter(Boolean);
  assert.deepEqual(lines, [
    'ingest: 1 documents, 3 events, 0 unchanged, 0 skipped · 2.0 documents/s\u001b[K',
    'ingest: 3 documents, 3 events, 1 unchanged, 1 skipped · 2.0 documents/s\u001b[K',
    'ingest: 3 documents, 3 events, 1 unchanged, 1 skipped · 2.0 documents/s\u001b[K\n',
  ]);
  assert.ok(!stream.text().slice(0, -1).includes('\n'), 'no new line before the end');
});

test('progress: on a narrow terminal the line is cut one short of the width, so it never wraps', () => {
  const stream = fakeStream(true, 30);
  const progress = progressReporter(emptyTally(), { stream, now: () => 0 });
  progress.update('stored a');
  assert.equal(stream.text(), '\ringest: 0 documents, 0 events\u001b[K');
});

test('progress: in a pipe or a log, a plain line per input with the totals and what happened, in batches', () => {
  const stream = fakeStream(false);
  let clock = 0;
  const tally = emptyTally();
  const progress = progressReporter(tally, { stream, now: () => clock });
  tally.stored = 1;
  tally.events = 2;
  progress.update('stored report-1 (2 events)');
  assert.equal(stream.text(), 'ingest: 1 documents, 2 events, 0 unchanged, 0 skipped — stored report-1 (2 events)\n');
  tally.unchanged = 1;
  clock += 1; // within 100 ms of the last write: kept for the next
  progress.update('unchanged report-2');
  assert.equal(stream.text().split('\n').length, 2, 'the second line waits');
  progress.done();
  assert.equal(
    stream.text(),
    'ingest: 1 documents, 2 events, 0 unchanged, 0 skipped — stored report-1 (2 events)\n' +
      'ingest: 1 documents, 2 events, 1 unchanged, 0 skipped — unchanged report-2\n',
  );
});
