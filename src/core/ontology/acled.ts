// ACLED's event types, sub-event types and actor (inter) types, from its public codebook.

export const ACLED_SUB_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type AcledEventType = keyof typeof ACLED_SUB_EVENT_TYPES;
export type AcledSubEventType = (typeof ACLED_SUB_EVENT_TYPES)[AcledEventType][number];

export const ACLED_EVENT_TYPES = Object.keys(ACLED_SUB_EVENT_TYPES) as AcledEventType[];

/** ACLED actor types, the codes of `inter1` / `inter2`. */
export const ACLED_ACTOR_TYPES = {
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/other forces',
} as const;
export type AcledActorType = keyof typeof ACLED_ACTOR_TYPES;

/** Which event type a sub-event type belongs to. */
export function acledEventTypeOf(sub: AcledSubEventType): AcledEventType {
  for (const type of ACLED_EVENT_TYPES) {
    if ((ACLED_SUB_EVENT_TYPES[type] as readonly string[]).includes(sub)) return type;
  }
  throw new Error(`unknown ACLED sub-event type ${sub}`);
}

/** ACLED's `interaction` code: the two actor types, lower first (10 when there is no second actor). */
export function acledInteraction(inter1: AcledActorType, inter2: AcledActorType | null): number {
  if (inter2 === null) return inter1 * 10;
  const [low, high] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return low * 10 + high;
}
