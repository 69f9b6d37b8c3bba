// The directed dyads of an event at a level: every actor with every recipient, each pair once (Kata'ib Hezbollah
// and Nujaba attacking U.S. forces is one event for each of the two dyads, and one event for the parent-level dyad
// they share).
import type { AnalysisEvent } from './input.ts';
import { type ActorHierarchy, actorAt, noneActor } from './levels.ts';
import type { AnalysisLevel, DyadActor } from './types.ts';

export interface Dyad {
  source: DyadActor;
  target: DyadActor;
}

/** Directed: A→B and B→A are two keys. */
export const dyadKey = (d: Dyad): string => `${d.source.key}\u0000${d.target.key}`;

export function dyadsOf(event: AnalysisEvent, level: AnalysisLevel, hierarchy: ActorHierarchy): Dyad[] {
  const side = (list: AnalysisEvent['actors']): DyadActor[] => {
    if (list.length === 0) return [noneActor(level)];
    const unique = new Map<string, DyadActor>();
    for (const actor of list) {
      const mapped = actorAt(actor, level, event.year, hierarchy);
      if (!unique.has(mapped.key)) unique.set(mapped.key, mapped);
    }
    return [...unique.values()];
  };
  const sources = side(event.actors);
  const targets = side(event.recipients);
  return sources.flatMap((source) => targets.map((target) => ({ source, target })));
}

/** A dyad asked for: words (or `*`) for each side, as `dyad=A:B` gives them. */
export interface DyadQuery {
  source: string;
  target: string;
}

/**
 * Does a side match the words asked for? `*` matches anyone; otherwise its key or country code equals the words,
 * or its name or key holds them (case-insensitive): "militia", "kataib-hezbollah", "USA", "Hezbollah".
 */
export function sideMatches(actor: DyadActor, words: string): boolean {
  const w = words.trim().toLowerCase();
  if (w === '*') return true;
  if (actor.country !== null && actor.country.toLowerCase() === w) return true;
  return actor.key.toLowerCase().includes(w) || actor.name.toLowerCase().includes(w);
}

/** A→B or B→A: both directions are shown, each as its own dyad. */
export function dyadMatches(dyad: Dyad, query: DyadQuery): boolean {
  return (
    (sideMatches(dyad.source, query.source) && sideMatches(dyad.target, query.target)) ||
    (sideMatches(dyad.source, query.target) && sideMatches(dyad.target, query.source))
  );
}

/** `A:B` as a query, or a message saying what is wrong. */
export function parseDyad(value: string): DyadQuery | string {
  const [source, target, ...rest] = value.split(':');
  if (!source?.trim() || !target?.trim() || rest.length > 0) {
    return `"${value}" is not a dyad A:B, such as "militia:USA" or "kataib-hezbollah:*"`;
  }
  return { source: source.trim(), target: target.trim() };
}
