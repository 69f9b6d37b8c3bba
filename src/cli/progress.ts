// What `sitrep ingest` shows while it runs. On a terminal one line is redrawn in place (documents/s, events,
// unchanged, skipped), at most every `redrawMs`; in a log or a pipe, a plain line per input (written in batches at
// most every `redrawMs`), so that nothing is lost to carriage returns. The stream and the clock are parameters, so
// a test drives both modes.

/** What a run has done so far; the ingest command counts, the reporter reads. */
export interface Tally {
  stored: number;
  replaced: number;
  events: number;
  unchanged: number;
  skipped: { input: string; reason: string }[];
}

export const emptyTally = (): Tally => ({ stored: 0, replaced: 0, events: 0, unchanged: 0, skipped: [] });

/** The part of a stream the reporter uses (process.stdout, or a fake one in a test). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Milliseconds, monotonic (default: performance.now). */
  now?: () => number;
  /** On a terminal, the least time between two redraws. */
  redrawMs?: number;
}

export interface Progress {
  /** One input handled: `what` says which and how ("stored report-12 (3 events)"). */
  update(what: string): void;
  /** The run is over: the final line is drawn and the cursor left on a new line. */
  done(): void;
}

export function progressReporter(tally: Tally, options: ProgressOptions): Progress {
  const { stream, redrawMs = 100 } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const totals = () =>
    `${tally.stored} documents, ${tally.events} events, ${tally.unchanged} unchanged, ${tally.skipped.length} skipped`;
  if (stream.isTTY !== true) {
    // Lines are written in batches, at most every `redrawMs`: a write to a pipe is a system call, and one per
    // document costs the writer as much as a tenth of storing it.
    let lines = '';
    let flushedAt = Number.NEGATIVE_INFINITY;
    const flush = () => {
      if (lines !== '') stream.write(lines);
      lines = '';
      flushedAt = now();
    };
    return {
      update: (what) => {
        lines += `ingest: ${totals()} — ${what}\n`;
        if (now() - flushedAt >= redrawMs) flush();
      },
      done: flush,
    };
  }
  let drawnAt = Number.NEGATIVE_INFINITY;
  const draw = () => {
    const time = now();
    const seconds = (time - started) / 1000;
    const documents = tally.stored + tally.unchanged;
    const rate = seconds > 0 ? documents / seconds : 0;
    const line = `ingest: ${totals()} · ${rate.toFixed(1)} documents/s`;
    // One character short of the width, so that the terminal never wraps the line it redraws.
    stream.write(`\r${line.slice(0, (stream.columns || 120) - 1)}\u001b[K`);
    drawnAt = time;
  };
  return {
    update: () => {
      if (now() - drawnAt >= redrawMs) draw();
    },
    done: () => {
      draw();
      stream.write('\n');
    },
  };
}
