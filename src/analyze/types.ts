// What escalation analytics returns: the body of `GET /trends` and `GET /network`, and what `sitrep trends --json`
// prints. These shapes are a contract with the dashboard: fields may be added, none renamed or removed.
import type { PloverType } from '../core/ontology/plover.ts';

/**
 * How actors are grouped before dyads are counted:
 * - `actor`: each actor as extracted (a lexicon entry, a generic agent such as "Iraqi militias", or a bare name);
 * - `parent`: its organisational parent in the actor lexicon (part_of, member_of, affiliate_of, commanded_by, up to
 *   the top), else its backer (backed_by), else itself — Kata'ib Hezbollah → Islamic Resistance in Iraq;
 * - `backer`: its backer (backed_by, its own or its parent's), else its parent — Kata'ib Hezbollah → IRGC Quds Force;
 * - `country`: its country (ISO 3166 alpha-3, or a PLOVER code such as IMG for a transnational group).
 */
export const ANALYSIS_LEVELS = ['actor', 'parent', 'backer', 'country'] as const;
export type AnalysisLevel = (typeof ANALYSIS_LEVELS)[number];

/** One side of a dyad at the chosen level. */
export interface DyadActor {
  /**
   * Stable key at this level: a lexicon id ("kataib-hezbollah"), a generic agent id ("generic:IRQ:militia"),
   * "name:<lower-case name>" for an actor known only by name, an ISO3 code at the country level, or "none" when
   * the event names no one on this side (an attack with no named target).
   */
  key: string;
  name: string;
  /** ISO 3166 alpha-3 (or a PLOVER code such as IMG), when known. */
  country: string | null;
  level: AnalysisLevel;
}

/** Conflict (PLOVER quads 3–4) or cooperation (quads 1–2) of one dyad in one week (or in total). */
export interface SideStats {
  /** Merged events counted once each. */
  events: number;
  /** Of these, material events (quad 4 for conflict: attacks, coercion; quad 2 for cooperation: aid). */
  material: number;
  /** Summed magnitude on the PLOVER scale (0–10): an airstrike 9.5, a threat 3.5, a meeting 2.5. */
  intensity: number;
  /** The largest magnitude of one event (0 when there are none). */
  peak: number;
  /** Summed Goldstein score (CAMEO, −10 … +10, signed: negative for conflict). */
  goldstein: number;
}

/** A dyad's events summed over a week or over the whole period: by type, conflict and cooperation kept apart. */
export interface Tally {
  events: number;
  byType: Partial<Record<PloverType, number>>;
  conflict: SideStats;
  cooperation: SideStats;
  /** Killed and injured, the most conservative count reported (the lowest minimum across merged reports). */
  killed: number;
  injured: number;
}

/** One dyad in one week (ISO week, keyed by its Monday). */
export interface DyadWeek extends Tally {
  /** The Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  /** The dyad's conflict left its own recent range this week (docs/ANALYTICS.md, "Breakout"). */
  breakout: boolean;
  /** Why, in words: "6 conflict events, above 2.5 (mean 0.5 + 2 × sd 1.0 over the 8 weeks before)"; else null. */
  breakoutReason: string | null;
}

export interface DyadTotals extends Tally {
  /** Weeks flagged as breakouts. */
  breakouts: number;
}

/** One directed dyad: `source` acts on `target` (A→B and B→A are two dyads). */
export interface DyadTrend {
  source: DyadActor;
  target: DyadActor;
  totals: DyadTotals;
  /** The latest week flagged as a breakout, or null. */
  lastBreakout: string | null;
  /** One entry per week of `TrendsResponse.weeks`, in order (weeks without events are zeros). */
  weeks: DyadWeek[];
}

/** The breakout rule's constants, echoed so a reader knows what was applied. */
export interface BreakoutRule {
  /** Trailing weeks the current week is compared with. */
  window: number;
  /** Weeks of data needed before a week can be judged. */
  minHistory: number;
  /** Standard deviations above the trailing mean. */
  k: number;
  /** The standard deviation used when the trailing weeks vary less (a flat series). */
  sdFloor: number;
  /** Conflict events a week needs before its count can be a breakout. */
  minEvents: number;
  /** Conflict events the trailing weeks need before a graver event can be a breakout. */
  minPrior: number;
  /** How much graver (PLOVER magnitude) than the trailing weeks' worst event counts as a breakout. */
  peakStep: number;
}

export interface TrendsResponse {
  level: AnalysisLevel;
  /** The Monday of the first and of the last week shown; null when there is no dated event to show. */
  since: string | null;
  until: string | null;
  /** Every week shown, Mondays in order. */
  weeks: string[];
  /** Dyads, gravest first (summed conflict intensity, then events), at most `limit`. */
  dyads: DyadTrend[];
  summary: {
    /** Events counted in the weeks shown (merged events once). */
    events: number;
    /** Dyads found before `limit` was applied. */
    dyads: number;
    /** Left out: undated events, and events dated only to a month or longer (they belong to no week). */
    undated: number;
    imprecise: number;
    /** Left out: negated, future and hypothetical events ("did not strike", "will strike"). */
    notAsserted: number;
    /**
     * Left out: events in the weeks shown that name no actor and no recipient ("an explosion hit the market").
     * Always given; optional only because it was added after the first version of this shape.
     */
    unattributed?: number;
  };
  rule: BreakoutRule;
}

export interface NetworkNode {
  /** The `DyadActor.key`. */
  id: string;
  name: string;
  country: string | null;
  /** Events the node takes part in, either side (an event between two nodes counts once for each). */
  events: number;
}

export interface NetworkEdge {
  /** Node ids: `source` acts on `target`. */
  source: string;
  target: string;
  events: number;
  conflict: number;
  cooperation: number;
  /** (cooperation − conflict) / events: −1 all conflict … +1 all cooperation. */
  tone: number;
}

export interface NetworkResponse {
  level: AnalysisLevel;
  /** The period counted (YYYY-MM-DD), null when open. */
  since: string | null;
  until: string | null;
  nodes: NetworkNode[];
  /** Heaviest first, at most `limit`. */
  edges: NetworkEdge[];
}
