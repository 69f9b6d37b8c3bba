// How much one event weighs: its PLOVER quad class decides whether it is conflict or cooperation, its type and mode
// give its magnitude on the PLOVER scale, and its CAMEO root gives the Goldstein score shown alongside.
import { cameoRoot } from '../core/ontology/cameo.ts';
import { cameoCodeFor } from '../core/ontology/mappings.ts';
import { intensityOf, PLOVER, type PloverType } from '../core/ontology/plover.ts';

export interface EventWeight {
  side: 'conflict' | 'cooperation';
  /** Quad 4 (material conflict) or quad 2 (material cooperation). */
  material: boolean;
  /** The size of the PLOVER score, 0–10, whatever its sign: an airstrike 9.5, a threat 3.5, a meeting 2.5. */
  magnitude: number;
  /** Goldstein score of the CAMEO root the type and mode map to, signed (−10 … +10). */
  goldstein: number;
}

/**
 * The weight of an event of this type and mode. Conflict is quads 3–4, cooperation quads 1–2; the PLOVER scale
 * is signed (conflict negative), but conflict and cooperation are kept apart, so each is summed as a magnitude and
 * a meeting never cancels an airstrike. A score on the other side of zero than the quad (REQUEST's "assist", +0.5,
 * is verbal conflict) weighs nothing on its side: it is counted, not weighed.
 */
export function weightOf(type: PloverType, mode: string | null): EventWeight {
  // A handful of types and modes weigh every event of a store: each pair is worked out once.
  const key = `${type}/${mode ?? ''}`;
  const known = WEIGHTS.get(key);
  if (known !== undefined) return known;
  const weight = computeWeight(type, mode);
  WEIGHTS.set(key, weight);
  return weight;
}

const WEIGHTS = new Map<string, EventWeight>();

function computeWeight(type: PloverType, mode: string | null): EventWeight {
  const { quad } = PLOVER[type];
  const side = quad >= 3 ? 'conflict' : 'cooperation';
  const score = intensityOf(type, mode);
  return {
    side,
    material: quad === 2 || quad === 4,
    magnitude: Math.max(0, side === 'conflict' ? -score : score),
    goldstein: cameoRoot(cameoCodeFor(type, mode)).goldstein,
  };
}
