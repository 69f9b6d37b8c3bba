// Mappings between the ontologies: PLOVER type+mode → CAMEO root code, and PLOVER type+mode plus the actors'
// ACLED types → ACLED event type / sub-event type. docs/ONTOLOGY.md prints both tables (`npm run docs:ontology`).
import { type AcledActorType, type AcledEventType, type AcledSubEventType, acledEventTypeOf } from './acled.ts';
import type { PloverType } from './plover.ts';

/** CAMEO root code for each PLOVER type; `modes` overrides it where a mode maps elsewhere. */
export const PLOVER_TO_CAMEO: Readonly<Record<PloverType, { root: string; modes?: Record<string, string> }>> = {
  AGREE: { root: '03' },
  CONSULT: { root: '04' },
  SUPPORT: { root: '05' },
  CONCEDE: { root: '08' },
  COOPERATE: { root: '06' },
  AID: { root: '07' },
  RETREAT: { root: '08' },
  REQUEST: { root: '02' },
  ACCUSE: { root: '11', modes: { investigate: '09' } },
  REJECT: { root: '12' },
  THREATEN: { root: '13' },
  PROTEST: { root: '14' },
  SANCTION: { root: '16' },
  MOBILIZE: { root: '15' },
  COERCE: { root: '17' },
  ASSAULT: {
    // 18 covers abductions, beatings, bombings and assassinations; 19 conventional military force; 20 mass violence.
    root: '18',
    modes: {
      firearms: '19',
      aerial: '19',
      drone: '19',
      'heavy-weapons': '19',
      'crowd-control': '17',
      unconventional: '20',
    },
  },
};

export function cameoCodeFor(type: PloverType, mode: string | null): string {
  const entry = PLOVER_TO_CAMEO[type];
  return (mode !== null ? entry.modes?.[mode] : undefined) ?? entry.root;
}

export interface AcledCode {
  event_type: AcledEventType;
  sub_event_type: AcledSubEventType;
}

/** What the trigger itself says beyond type and mode ("grenade", "recaptured"). */
export type AcledHint = 'grenade' | 'territory' | 'looting' | 'protest-intervention' | 'mob' | 'disrupted';

const code = (sub: AcledSubEventType): AcledCode => ({ event_type: acledEventTypeOf(sub), sub_event_type: sub });

/** An armed side: state forces, rebels, militias and external forces. */
const isArmed = (t: AcledActorType | null): boolean => t !== null && [1, 2, 3, 4, 8].includes(t);
const isUnarmed = (t: AcledActorType | null): boolean => t === 5 || t === 6 || t === 7;
const isNonStateArmed = (t: AcledActorType | null): boolean => t === 2 || t === 3 || t === 4;

export interface AcledContext {
  actor: AcledActorType | null;
  recipient: AcledActorType | null;
  hint?: AcledHint | null;
}

/**
 * ACLED's type for a PLOVER event, or null where ACLED codes no such event (a meeting, a request, an accusation).
 * A clash between two armed sides is a Battle; one-sided violence against civilians is Violence against civilians.
 */
export function acledFor(type: PloverType, mode: string | null, ctx: AcledContext): AcledCode | null {
  switch (type) {
    case 'ASSAULT':
      return acledForAssault(mode, ctx);
    case 'PROTEST':
      if (ctx.hint === 'protest-intervention') return code('Protest with intervention');
      if (ctx.hint === 'mob') return code('Mob violence');
      return mode === 'riot' || mode === 'vandalize' ? code('Violent demonstration') : code('Peaceful protest');
    case 'COERCE':
      if (mode === 'arrest') return code('Arrests');
      // A bomb defused, a weapons cache seized: violence averted (by a rebel group, a cache taken is loot).
      if (ctx.hint === 'disrupted' && !isNonStateArmed(ctx.actor)) return code('Disrupted weapons use');
      if (mode === 'seize' && ctx.hint === 'territory') return territoryChange(ctx);
      if (mode === 'seize' || ctx.hint === 'looting') return code('Looting/property destruction');
      return null;
    case 'AGREE':
      return code('Agreement');
    case 'RETREAT':
      if (mode === 'ceasefire' || mode === 'release') return code('Agreement');
      if (mode === 'withdraw') return code('Non-violent transfer of territory');
      if (mode === 'disarm') return code('Change to group/activity');
      return null;
    default:
      return null;
  }
}

function territoryChange(ctx: AcledContext): AcledCode {
  return ctx.actor === 1 ? code('Government regains territory') : code('Non-state actor overtakes territory');
}

function acledForAssault(mode: string | null, ctx: AcledContext): AcledCode {
  if (ctx.hint === 'grenade') return code('Grenade');
  // Police dispersing a protest without killing: ACLED codes the protest and the intervention as one event.
  if (ctx.hint === 'protest-intervention') return code('Protest with intervention');
  if (ctx.hint === 'territory') return territoryChange(ctx);
  switch (mode) {
    case 'aerial':
    case 'drone':
      return code('Air/drone strike');
    case 'heavy-weapons':
      return code('Shelling/artillery/missile attack');
    case 'explosives':
      return code('Remote explosive/landmine/IED');
    case 'suicide-attack':
      return code('Suicide bomb');
    case 'unconventional':
      return code('Chemical weapon');
    case 'destroy':
      return code('Looting/property destruction');
    case 'sexual':
      return code('Sexual violence');
    case 'abduct':
      return code('Abduction/forced disappearance');
    case 'crowd-control':
      return ctx.recipient === 6 ? code('Excessive force against protesters') : code('Attack');
  }
  // Firearms, targeted killings, beatings and unspecified attacks: who was on the receiving end decides.
  if (ctx.recipient === 6) return code('Excessive force against protesters');
  if (isUnarmed(ctx.recipient)) return code('Attack');
  if (isArmed(ctx.recipient) || isArmed(ctx.actor)) return code('Armed clash');
  return code('Attack');
}
