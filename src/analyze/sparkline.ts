// A row of block characters for a series: ▁ for the lowest nonzero values up to █ for the highest; a space for
// zero, so weeks with nothing stand out from weeks with a little.
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export function sparkline(values: readonly number[], max = Math.max(0, ...values)): string {
  return values
    .map((v) => {
      if (v <= 0 || max <= 0) return ' ';
      const i = Math.min(BLOCKS.length - 1, Math.ceil((v / max) * BLOCKS.length) - 1);
      return BLOCKS[Math.max(0, i)];
    })
    .join('');
}
