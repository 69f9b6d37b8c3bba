// Independent sources: republished copies of one wire story are one source, however many outlets carry them.
// Two articles are copies when their claim chains start at the same origin (`claim.via[0]`, else the outlet) and
// the words of their evidence are near-identical (Jaccard similarity of the word sets at least the threshold).

/** The lower-cased words of a text, as a set. */
export function wordSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.normalize('NFC')));
}

/** |A ∩ B| / |A ∪ B|; two empty sets are identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return common / (a.size + b.size - common);
}

export interface Article {
  document: string;
  /** Where the claim chain starts: `claim.via[0]`, else the outlet, else the document. */
  origin: string;
  /** The evidence text of the article's events in the merged event. */
  text: string;
}

/** The origin of a claim chain, compared case- and space-insensitively. */
export function normaliseOrigin(origin: string): string {
  return origin.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Is `b` a copy of the story `a` (or `a` of `b`)? */
export function sameStory(a: Article, b: Article, threshold = 0.8): boolean {
  return (
    normaliseOrigin(a.origin) === normaliseOrigin(b.origin) && jaccard(wordSet(a.text), wordSet(b.text)) >= threshold
  );
}

/**
 * The articles grouped into independent sources: the connected components of `sameStory`, each a sorted list of
 * document ids, the groups sorted by their first document. Independent of the articles' order.
 */
export function independentSources(articles: readonly Article[], threshold = 0.8): string[][] {
  const sorted = [...articles].sort((x, y) => (x.document < y.document ? -1 : x.document > y.document ? 1 : 0));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  // `sameStory`, with each article's origin and word set computed once: a merged event reported by hundreds of
  // articles would otherwise split the same texts into words for every pair. Two articles already in one group
  // are not compared again: it could not change the groups.
  const origins = sorted.map((article) => normaliseOrigin(article.origin));
  const words = sorted.map((article) => wordSet(article.text));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [ri, rj] = [find(i), find(j)];
      if (ri === rj || origins[i] !== origins[j]) continue;
      if (jaccard(words[i] as Set<string>, words[j] as Set<string>) >= threshold) {
        parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, string[]>();
  sorted.forEach((article, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(article.document);
    groups.set(root, group);
  });
  return [...groups.values()];
}
