// Is a date spoken of as still to come? News dates are in the past unless the clause says otherwise:
// "the talks will resume on Monday" (future) against "the minister said on Monday the talks will resume" (past:
// the date belongs to "said").

// "will", "is due to", "are expected to", "plans to", "ahead of", "upcoming", "to be held"
const FUTURE_CUE =
  /\b(?:will|won't|shall|(?:is|are|was|were|be)\s+(?:due|scheduled|expected|set|slated|poised|planning|going)\s+to|plans?\s+to|intends?\s+to|upcoming|forthcoming|ahead\s+of|to\s+be\s+held|scheduled\s+for|set\s+for|due\s+on)\b|'ll\b/i;

// The last words before the date: "will resume on", "would resume on", "is expected to meet on", "ahead of"
const FUTURE_NEAR =
  /\b(?:will|would|shall|won't|to\s+be|going\s+to|due\s+to|expected\s+to|set\s+to|ahead\s+of)\b|'ll\b/i;

// "said on", "who attacked on", "was killed on", "fled"
const PAST_VERB =
  /\b(?:(?!(?:scheduled|expected|planned|slated|proposed|tabled|intended|timed|billed)\b)[a-z]{2,}ed|said|told|met|held|hit|struck|fought|shot|took|came|began|went|saw|made|gave|left|fled|sent|spoke|wrote|brought|threw|led|won|lost|fell|broke|stood|ran|became|found|got|was|were|had|did|arrived|died|killed|been)\b/i;

// Clause edges: sentence punctuation, dashes, and a comma before a new clause.
const CLAUSE_EDGE = /[.;:!?]\s|\s[—–]\s|,\s+(?:but|while|whereas|although|though)\b/g;

// What `\s` matches: the separators of `split(/\s+/)`.
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The last `n` words of `text` joined by single spaces: `text.split(/\s+/).filter(Boolean).slice(-n).join(' ')`,
 * read from the end (the text before a date can be a long clause, and only its tail counts).
 */
function lastWords(text: string, n: number): string {
  const words: string[] = [];
  let end = text.length;
  while (words.length < n) {
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    if (end === 0) break;
    let start = end;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    words.push(text.slice(start, end));
    end = start;
  }
  return words.reverse().join(' ');
}

/** Whether the clause around [start, end) of `text` puts the date in the future. */
export function speaksOfFuture(text: string, start: number, end: number): boolean {
  let left = 0;
  let right = text.length;
  for (const m of text.matchAll(CLAUSE_EDGE)) {
    if (m.index + m[0].length <= start) left = m.index + m[0].length;
    else if (m.index >= end) {
      right = m.index;
      break;
    }
  }
  const before = text.slice(left, start);
  const after = text.slice(end, right);
  // Up to four words right before the date, leading preposition included ("will resume on").
  const near = lastWords(before, 4);
  if (FUTURE_NEAR.test(near)) return true;
  if (PAST_VERB.test(near)) return false;
  // "on Monday said that the talks will resume": the date hangs on the past verb right after it.
  const next = after.trim().split(/\s+/, 2).join(' ');
  if (/^(?:\w+\s+)?(?:said|told|announced|stated|added|reported|confirmed|warned|claimed)\b/i.test(next)) {
    return false;
  }
  // A comma sets the date apart from a future verb ("…will not be rushed, in an interview late on Friday"),
  // except for a date that opens the sentence ("On Monday, the talks will resume").
  const opening = before.trim() === '' || /^\s*(?:on|late|early|by)\s*$/i.test(before);
  const ownBefore = before.slice(before.lastIndexOf(',') + 1);
  const comma = after.indexOf(',');
  const ownAfter = opening || comma < 0 ? after : after.slice(0, comma);
  return FUTURE_CUE.test(ownBefore) || FUTURE_CUE.test(ownAfter);
}
