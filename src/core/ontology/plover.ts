// PLOVER v0.8 (Open Event Data Alliance, CC BY-SA 4.0): event types, modes, quad classes, contexts, sectors and
// the conflict–cooperation scores of the manual's table "PLOVER conflict–cooperation scores".

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

export interface PloverTypeInfo {
  type: PloverType;
  quad: QuadClass;
  /** The type's own score on the PLOVER scale (−10 … +10). */
  intensity: number;
  /** Modes with their own scores; a mode without a score of its own takes the type's. */
  modes: Readonly<Record<string, number>>;
  /** PLOVER requires a recipient for these types. */
  recipientRequired: boolean;
}

const info = (
  type: PloverType,
  quad: QuadClass,
  intensity: number,
  modes: Record<string, number> = {},
  recipientRequired = false,
): PloverTypeInfo => ({ type, quad, intensity, modes, recipientRequired });

export const PLOVER: Readonly<Record<PloverType, PloverTypeInfo>> = {
  AGREE: info('AGREE', 1, 2.5),
  CONSULT: info('CONSULT', 1, 2.5, { visit: 4, 'third-party': 1, multilateral: 4, phone: 1.5 }),
  SUPPORT: info('SUPPORT', 1, 5),
  CONCEDE: info('CONCEDE', 1, 4.5),
  COOPERATE: info('COOPERATE', 2, 9.5, {}, true),
  AID: info('AID', 2, 10, {}, true),
  RETREAT: info('RETREAT', 2, 6.5, {
    withdraw: 8,
    release: 6.5,
    disarm: 10,
    ceasefire: 7.5,
    access: 6.5,
    resign: 4.5,
  }),
  REQUEST: info('REQUEST', 3, 0, { assist: 0.5, change: -1, yield: -1, meet: 0 }),
  // The manual's table prints ACCUSE as "3"; its modes score −2 … −3.5 and it is verbal conflict, so −3.
  ACCUSE: info('ACCUSE', 3, -3, { disapprove: -2, investigate: -3.5, allege: -3.5 }),
  REJECT: info('REJECT', 3, -2, { assist: -1.5, change: -2, yield: -2, meet: -2 }),
  THREATEN: info('THREATEN', 3, -3.5, {
    restrict: -3,
    arrest: -3.5,
    relations: -3.5,
    expel: -3.5,
    territory: -4,
    violence: -3.5,
  }),
  PROTEST: info('PROTEST', 4, -5, {
    demo: -5,
    riot: -7,
    strike: -5,
    hunger: -4.5,
    boycott: -4.5,
    obstruct: -4.5,
    vandalize: -5,
  }),
  // SANCTION is material conflict in its own section and summary (the quad table lists it under verbal conflict).
  SANCTION: info('SANCTION', 4, -6, { convict: -6, expel: -5.5, withdraw: -6, discontinue: -6 }, true),
  MOBILIZE: info('MOBILIZE', 4, -5.5, { troops: -6.5, weapons: -6.5, police: -5.5, militia: -6 }),
  COERCE: info('COERCE', 4, -7, {
    seize: -7,
    restrict: -7,
    censor: -6.5,
    curfew: -6.5,
    'martial-law': -7.5,
    arrest: -7,
    deport: -7,
    withhold: -7,
    misinformation: -6.5,
    cyber: -7,
  }),
  ASSAULT: info('ASSAULT', 4, -9, {
    abduct: -8.5,
    beat: -7.5,
    torture: -8.5,
    sexual: -8.5,
    targeted: -9.5,
    destroy: -8.5,
    primitive: -8,
    firearms: -9,
    explosives: -9,
    'suicide-attack': -9.5,
    aerial: -9.5,
    drone: -9.5,
    'heavy-weapons': -9.5,
    'crowd-control': -7.5,
    unconventional: -10,
  }),
};

/** PLOVER's auxiliary modes, kept in the record as `modality`. */
export const MODALITIES = ['asserted', 'negated', 'future', 'hypothetical', 'historical'] as const;
export type Modality = (typeof MODALITIES)[number];

export const PLOVER_CONTEXTS = [
  'military',
  'intelligence',
  'executive',
  'legislative',
  'election',
  'political_institutions',
  'pro_democracy',
  'pro_autocracy',
  'economic',
  'legal',
  'reparations',
  'human_rights',
  'rights_freedoms',
  'repression',
  'human_security',
  'gender',
  'lgbt',
  'religion_ethnicity',
  'inequality',
  'diplomatic',
  'territory',
  'peacekeeping',
  'health',
  'asylum',
  'migration',
  'disasters',
  'natural_resource',
  'environment',
  'technology',
  'terrorism',
  'cbrn',
  'cyber',
  'misinformation',
  'crime',
  'corruption',
  'illegal_drugs',
  'trafficking',
] as const;
export type PloverContext = (typeof PLOVER_CONTEXTS)[number];

/** PLOVER actor sectors. */
export const SECTORS = [
  'COP',
  'GOV',
  'JUD',
  'LEG',
  'MIL',
  'PRM',
  'PTY',
  'REB',
  'SPY',
  'UAF',
  'UNK',
  'AGR',
  'BUS',
  'CRM',
  'CVL',
  'EDU',
  'ELI',
  'JRN',
  'LAB',
  'MED',
  'REF',
  'OPP',
  'PRE',
  'REL',
  'SOC',
] as const;
export type Sector = (typeof SECTORS)[number];

/** v0.5 labels still found in older gold files and coders. */
export const LEGACY_TYPES: Readonly<Record<string, PloverType>> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

export function isPloverType(value: string): value is PloverType {
  return (PLOVER_TYPES as readonly string[]).includes(value);
}

export function isMode(type: PloverType, mode: string): boolean {
  return mode in PLOVER[type].modes;
}

/** The mode's own PLOVER score where it has one, else the type's. */
export function intensityOf(type: PloverType, mode: string | null): number {
  const entry = PLOVER[type];
  return (mode !== null ? entry.modes[mode] : undefined) ?? entry.intensity;
}
