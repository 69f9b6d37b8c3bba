// What kind of event a trigger tells, beyond its lexicon entry: a stated intention is a promise or a threat, a
// weapon named as the actor gives the mode, violence by a crowd is a riot.
import type { Modality, PloverType } from '../core/ontology/plover.ts';
import type { ActorMention } from './actors/find.ts';
import type { Sentence } from './model.ts';
import { modeFromContent, type TriggerMention } from './triggers/find.ts';

// "military aircraft struck hideouts", "artillery pounded the town": the weapon named as the actor gives the mode.
export function modeOfWeapon(actors: readonly ActorMention[]): string | null {
  const words = actors.map((a) => a.text.toLowerCase()).join(' ');
  if (/\b(warplanes?|aircraft|jets?|helicopters?|gunships?|bombers?|air force)\b/.test(words)) return 'aerial';
  if (/\bdrones?\b/.test(words)) return 'drone';
  if (/\b(artillery|tanks?|mortars?|howitzers?|rocket launchers?)\b/.test(words)) return 'heavy-weapons';
  return null;
}

const COOPERATIVE: ReadonlySet<PloverType> = new Set(['CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);

const MATERIAL_CONFLICT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);

/**
 * PLOVER codes a stated intention as the promise or the threat it is: "will send aid" is AGREE, "would blockade
 * the capital" THREATEN, "will not accept more refugees" REJECT. The promise or threat itself is asserted.
 */
export function intentOf(trigger: TriggerMention): { type: PloverType; mode: string | null; modality: Modality } {
  const { cues } = trigger;
  if (COOPERATIVE.has(trigger.type) && cues.future && cues.negated)
    return { type: 'REJECT', mode: null, modality: 'asserted' };
  if (cues.negated) return { type: trigger.type, mode: trigger.mode, modality: trigger.modality };
  if (COOPERATIVE.has(trigger.type) && cues.future) return { type: 'AGREE', mode: null, modality: 'asserted' };
  if (MATERIAL_CONFLICT.has(trigger.type) && (cues.future || cues.hypothetical)) {
    return { type: 'THREATEN', mode: modeFromContent('THREATEN', trigger), modality: 'asserted' };
  }
  return { type: trigger.type, mode: trigger.mode, modality: trigger.modality };
}

const CROWD_MODES = new Set(['primitive', 'destroy', 'beat', null]);

const DEMANDING = /\b(demand|demanding|demanded|protest|protesting|protested|in protest|calling for|chanting)\b/i;

/**
 * "rioters stormed a bank", "depositors stormed a bank to demand their savings": violence by a crowd, or crowd
 * violence with a demand, is a riot (PLOVER PROTEST/riot, ACLED Riots); "a mob beat a man to death" with no demand
 * is ACLED's mob violence.
 */
export function crowdViolence(
  sentence: Sentence,
  intent: { type: PloverType; mode: string | null },
  actors: readonly ActorMention[],
): 'mob' | null {
  if (intent.type !== 'ASSAULT' || !CROWD_MODES.has(intent.mode)) return null;
  const demanding = DEMANDING.test(sentence.text);
  const civilians = actors.some((a) => a.acled === 7);
  const crowd =
    actors.some((a) => a.acled === 5 || a.acled === 6) || (civilians && (intent.mode !== null || demanding));
  if (!crowd) return null;
  intent.type = 'PROTEST';
  intent.mode = 'riot';
  return demanding || actors.some((a) => a.acled === 6) ? null : 'mob';
}
