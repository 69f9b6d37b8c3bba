// Clause boundaries on tokens, without a parser: the punctuation and subordinating words that end what a verb
// governs. Good enough to keep "urged the factions to widen their raids" apart from "after a visit by …".
import type { Token } from './model.ts';

/** Words that open a new clause: what follows is not governed by the verb before them. */
export const SUBORDINATORS = new Set([
  'after',
  'before',
  'while',
  'when',
  'whereas',
  'because',
  'since',
  'although',
  'though',
  'but',
  'as',
  'until',
  'once',
  'following',
  'amid',
  'despite',
]);

/** Words that put an event in the background of another: "during a meeting", "after the airstrikes". */
export const CIRCUMSTANCE_WORDS = new Set([
  'during',
  'at',
  'after',
  'before',
  'amid',
  'following',
  'since',
  'despite',
  'ahead',
  'in',
]);

const HARD_BREAKS = new Set([';', ':', '—', '–', '(', ')']);
const QUOTES = new Set(['"', '“', '”']);

export function isHardBreak(token: Token | undefined): boolean {
  return token !== undefined && HARD_BREAKS.has(token.text);
}

/** Index just past the clause that starts after `from`: the next hard break, subordinator or comma + verb-less run. */
export function clauseEnd(tokens: readonly Token[], from: number): number {
  for (let i = from + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    if (HARD_BREAKS.has(t.text)) return i;
    if (SUBORDINATORS.has(t.normal) && i > from + 1) return i;
    // "condemned the detentions and called on the Taliban to …": a second predicate starts its own clause.
    const next = tokens[i + 1];
    if (t.normal === 'and' && next?.pos === 'VERB' && !/ing$/.test(next.normal) && i > from + 1) return i;
    // ", said …" / ", told …": the reporting clause is not part of what was said.
    if (t.text === ',' && isReportingAhead(tokens, i + 1)) return i;
  }
  return tokens.length;
}

/** Index of the first token of the clause that holds `at`. */
export function clauseStart(tokens: readonly Token[], at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i];
    if (!t) break;
    if (HARD_BREAKS.has(t.text) || QUOTES.has(t.text)) return i + 1;
    if (t.normal === 'that' && t.pos === 'SCONJ') return i + 1;
    if (SUBORDINATORS.has(t.normal) && t.normal !== 'as') return i + 1;
  }
  return 0;
}

const REPORTING = new Set(['said', 'told', 'says', 'tell', 'reported', 'added', 'according', 'stated', 'noted']);

function isReportingAhead(tokens: readonly Token[], i: number): boolean {
  for (let j = i; j < Math.min(tokens.length, i + 12); j++) {
    const t = tokens[j];
    if (!t) return false;
    if (REPORTING.has(t.normal)) return true;
    if (t.pos === 'VERB' || t.text === ',') return false;
  }
  return false;
}
