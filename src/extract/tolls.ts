// Stage: tolls told on their own. "A rocket hit the base near Bashiqa. No casualties were reported.": a sentence
// that counts the dead or wounded and names no event of its own tells the toll of the violent event just before it
// in the same paragraph. The sentence becomes evidence of that event, with no trigger word.
import type { CasualtyMention } from './casualties/find.ts';
import type { SentenceFindings } from './events.ts';
import type { EventCluster } from './merge.ts';
import type { Sentence } from './model.ts';

/** A toll sentence reaches back this many sentences for its event. */
const REACH = 2;

/** Words a toll sentence holds, tested before the casualty stage reads it. */
export const TOLL_CUE = /\b(?:kill|dead|death|died|wound|injur|casualt|fatalit|hurt|toll|unharmed)/i;

export function attachTolls(
  clusters: readonly EventCluster[],
  findings: readonly SentenceFindings[],
  sentences: readonly Sentence[],
): void {
  for (const found of findings) {
    if (found.triggers.length > 0 || found.casualties.length === 0) continue;
    const before = latestBefore(clusters, sentences, found.sentence);
    const head = before?.mentions[0];
    // Violence: an attack, or a riot ("protesters stormed the building. Nine policemen were hurt.").
    if (!before || !head || !(head.type === 'ASSAULT' || (head.type === 'PROTEST' && head.mode === 'riot'))) continue;
    for (const kind of ['killed', 'injured'] as const) {
      const told = before.mentions.some((m) => m[kind] !== null) || before.tolls.some((t) => t.kind === kind);
      // "there was no word on casualties" tells nothing yet.
      const toll = found.casualties.find((c) => c.kind === kind && c.rule !== 'casualty:unknown');
      if (toll && !told) before.tolls.push(toll);
    }
  }
}

/** The cluster of the latest event mention in the `REACH` sentences before `toll`, in its paragraph. */
function latestBefore(
  clusters: readonly EventCluster[],
  sentences: readonly Sentence[],
  toll: Sentence,
): EventCluster | undefined {
  let best: EventCluster | undefined;
  let at = -1;
  for (const cluster of clusters) {
    for (const m of cluster.mentions) {
      if (m.sentence >= toll.index || m.sentence < toll.index - REACH || m.sentence <= at) continue;
      if (sentences[m.sentence]?.paragraph !== toll.paragraph) continue;
      at = m.sentence;
      best = cluster;
    }
  }
  return best;
}

/** The toll of `kind` a cluster took from a sentence of its own, if any. */
export function tollOf(tolls: readonly CasualtyMention[], kind: 'killed' | 'injured'): CasualtyMention | null {
  return tolls.find((t) => t.kind === kind) ?? null;
}
