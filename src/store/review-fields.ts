// The fields a reviewer may set, each with the syntax of its value (checked with zod), where it sits in the
// record, and how setting it changes the record. Values arrive as text (`--set killed=3-5`) and are kept in a
// canonical form (a range as {min, max}), so applying a stored decision never parses again.
import { z } from 'zod';
import { SitrepError } from '../core/errors.ts';
import { cameoRoot } from '../core/ontology/cameo.ts';
import { acledFor, cameoCodeFor } from '../core/ontology/mappings.ts';
import { intensityOf, isMode, MODALITIES, PLOVER, PLOVER_TYPES, type PloverType } from '../core/ontology/plover.ts';
import { type Actor, CLAIM_STATUSES, type EventRecord, type Place, type Range } from '../core/record.ts';

export interface DateValue {
  start: string;
  end: string;
}
export interface PointValue {
  lat: number;
  lon: number;
}
export interface PartyValue {
  name: string;
  country: string | null;
}
export type FieldValue = string | number | null | Range | DateValue | PointValue | PartyValue[];

/** "none", "-" or "null": the field is cleared. */
const NONE = /^(none|null|-|–)$/i;

// A day of the calendar: "2024-02-30" has the form but is not one.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date YYYY-MM-DD')
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'is not a day of the calendar');

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'is not an ISO 3166 alpha-3 code (IRQ, SYR …)')
  .transform((value) => value.toUpperCase());

const orNone = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z.string().transform((value, ctx) => {
    if (NONE.test(value)) return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<T>;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

// "4", "3-5", "3..5", "10+" (at least ten), "none".
const range = orNone(
  z.string().transform((value, ctx): Range => {
    const m = /^(\d{1,7})(?:\s*(?:-|–|\.\.)\s*(\d{1,7})|(\+))?$/.exec(value);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'is not a count or range (4, 3-5, 10+ or none)' });
      return z.NEVER;
    }
    const min = Number(m[1]);
    const max = m[3] ? null : m[2] !== undefined ? Number(m[2]) : min;
    if (max !== null && max < min) {
      ctx.addIssue({ code: 'custom', message: 'is a range whose upper end is below its lower end' });
      return z.NEVER;
    }
    return { min, max };
  }),
);

// "2024-03-02" or "2024-03-02..2024-03-04".
const dateRange = z.string().transform((value, ctx): DateValue => {
  const [start = '', end = start, ...rest] = value.split('..').map((part) => part.trim());
  const ok = rest.length === 0 && day.safeParse(start).success && day.safeParse(end).success;
  if (!ok) {
    ctx.addIssue({ code: 'custom', message: 'is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD' });
    return z.NEVER;
  }
  if (end < start) {
    ctx.addIssue({ code: 'custom', message: 'ends before it starts' });
    return z.NEVER;
  }
  return { start, end };
});

const coordinate = (name: string, limit: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d+)?$/, `is not a ${name} in decimal degrees`)
    .transform(Number)
    .refine((n) => Math.abs(n) <= limit, `is not a ${name} (−${limit} to ${limit})`);

// "33.75,44.64".
const point = z.string().transform((value, ctx): PointValue => {
  const [lat, lon, ...rest] = value.split(',').map((part) => part.trim());
  const la = coordinate('latitude', 90).safeParse(lat ?? '');
  const lo = coordinate('longitude', 180).safeParse(lon ?? '');
  if (rest.length > 0 || !la.success || !lo.success) {
    ctx.addIssue({ code: 'custom', message: 'is not a point LAT,LON such as 33.75,44.64' });
    return z.NEVER;
  }
  return { lat: la.data, lon: lo.data };
});

// "Islamic State; Iraqi army (IRQ)": names separated by ";", each with an optional ISO3 country in brackets.
const parties = z.string().transform((value, ctx): PartyValue[] => {
  if (NONE.test(value)) return [];
  const list: PartyValue[] = [];
  for (const part of value.split(';').map((p) => p.trim())) {
    const m = /^(.*?)\s*\(([A-Za-z]{3})\)$/.exec(part);
    const name = (m ? m[1] : part)?.trim() ?? '';
    if (name === '' || name.length > 200) {
      ctx.addIssue({ code: 'custom', message: 'is not a list of names "NAME; NAME (ISO3)" (or none)' });
      return z.NEVER;
    }
    list.push({ name, country: m?.[2] ? m[2].toUpperCase() : null });
  }
  return list;
});

const name = z.string().min(1, 'is empty').max(300, 'is longer than 300 characters');
const upperEnum = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(values, `is not ${what} (${values.join(', ')})`));
const lowerEnum = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(values, `is not ${what} (${values.join(', ')})`));

interface FieldSpec {
  /** What the value looks like, for help texts and docs/REVIEW.md. */
  syntax: string;
  parse: z.ZodType<FieldValue, string>;
  /** The value the record has, as the field's canonical form (for showing what the reviewer replaced). */
  read(record: EventRecord): unknown;
  /** Sets the value on a copy of the record. */
  apply(record: EventRecord, value: FieldValue): void;
  /** The key of `provenance.fields` that says where the value came from. */
  provenance: string;
}

/** A place the reviewer gives where the extractor found none: named, geo-precision 1 until said otherwise. */
function placeOf(record: EventRecord): Place {
  record.place ??= {
    text: null,
    name: '',
    feature: 'reviewed',
    country: null,
    countries: [],
    admin1: null,
    lat: null,
    lon: null,
    precision: 1,
    span: null,
  };
  return record.place;
}

function partiesOf(current: readonly Actor[], wanted: readonly PartyValue[]): Actor[] {
  return wanted.map((party) => {
    // A name the extractor already had keeps its lexicon id, sector and ACLED type.
    const known = current.find((a) => a.name.toLowerCase() === party.name.toLowerCase());
    if (known) return { ...known, country: party.country ?? known.country };
    return {
      text: party.name,
      name: party.name,
      id: null,
      country: party.country,
      sector: null,
      acled: null,
      kind: 'reviewed',
      span: { start: 0, end: 0 },
      refersTo: null,
    };
  });
}

const range3 = (key: 'count' | 'killed' | 'injured'): FieldSpec => ({
  syntax: '4, 3-5, 10+ or none',
  parse: range,
  read: (r) => r[key],
  apply: (r, v) => {
    r[key] = v as Range | null;
  },
  provenance: key,
});

export const SETTABLE_FIELDS = {
  type: {
    syntax: `a PLOVER type (${PLOVER_TYPES.join(', ')})`,
    parse: upperEnum(PLOVER_TYPES, 'a PLOVER type'),
    read: (r) => r.type,
    apply: (r, v) => {
      r.type = v as PloverType;
    },
    provenance: 'type',
  },
  mode: {
    syntax: 'a PLOVER mode of the type (drone, demo, arrest …) or none',
    parse: orNone(
      z
        .string()
        .transform((value) => value.toLowerCase())
        .pipe(z.string().regex(/^[a-z][a-z-]*$/, 'is not a PLOVER mode (drone, demo, arrest …)')),
    ),
    read: (r) => r.mode,
    apply: (r, v) => {
      r.mode = v as string | null;
    },
    provenance: 'mode',
  },
  modality: {
    syntax: MODALITIES.join(', '),
    parse: lowerEnum(MODALITIES, 'a modality'),
    read: (r) => r.modality,
    apply: (r, v) => {
      r.modality = v as EventRecord['modality'];
    },
    provenance: 'modality',
  },
  claim: {
    syntax: CLAIM_STATUSES.join(', '),
    parse: lowerEnum(CLAIM_STATUSES, 'a claim status'),
    read: (r) => r.claim.status,
    apply: (r, v) => {
      r.claim = { ...r.claim, status: v as EventRecord['claim']['status'] };
    },
    provenance: 'claim',
  },
  date: {
    syntax: 'YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD or none',
    parse: orNone(dateRange),
    read: (r) => (r.date ? { start: r.date.start, end: r.date.end } : null),
    apply: (r, v) => {
      const d = v as DateValue | null;
      r.date = d && {
        start: d.start,
        end: d.end,
        precision: d.start === d.end ? 'day' : 'range',
        text: null,
        basis: 'explicit',
        span: null,
      };
    },
    provenance: 'date',
  },
  'date.start': {
    syntax: 'YYYY-MM-DD',
    parse: day,
    read: (r) => r.date?.start ?? null,
    apply: (r, v) => {
      const start = v as string;
      r.date = { ...(r.date ?? { end: start, text: null, basis: 'explicit', span: null }), start, precision: 'day' };
      if (r.date.start !== r.date.end) r.date.precision = 'range';
    },
    provenance: 'date',
  },
  'date.end': {
    syntax: 'YYYY-MM-DD',
    parse: day,
    read: (r) => r.date?.end ?? null,
    apply: (r, v) => {
      const end = v as string;
      r.date = { ...(r.date ?? { start: end, text: null, basis: 'explicit', span: null }), end, precision: 'day' };
      if (r.date.start !== r.date.end) r.date.precision = 'range';
    },
    provenance: 'date',
  },
  place: {
    syntax: 'none (clears the place; set its parts with place.name, place.country …)',
    parse: z.string().transform((value, ctx) => {
      if (NONE.test(value)) return null;
      ctx.addIssue({ code: 'custom', message: 'takes only "none"; set a place with place.name, place.country …' });
      return z.NEVER;
    }),
    read: (r) => r.place?.name ?? null,
    apply: (r) => {
      r.place = null;
    },
    provenance: 'place',
  },
  'place.name': {
    syntax: 'a place name',
    parse: name,
    read: (r) => r.place?.name ?? null,
    apply: (r, v) => {
      const place = placeOf(r);
      place.name = v as string;
      place.text = null;
      place.span = null;
    },
    provenance: 'place',
  },
  'place.country': {
    syntax: 'an ISO 3166 alpha-3 code (IRQ, SYR …) or none',
    parse: orNone(iso3),
    read: (r) => r.place?.country ?? null,
    apply: (r, v) => {
      const place = placeOf(r);
      place.country = v as string | null;
      place.countries = v === null ? [] : [v as string];
    },
    provenance: 'place',
  },
  'place.admin1': {
    syntax: 'a first-level region (Diyala, Idlib …) or none',
    parse: orNone(name),
    read: (r) => r.place?.admin1 ?? null,
    apply: (r, v) => {
      placeOf(r).admin1 = v as string | null;
    },
    provenance: 'place',
  },
  'place.lat': {
    syntax: 'a latitude in decimal degrees',
    parse: coordinate('latitude', 90),
    read: (r) => r.place?.lat ?? null,
    apply: (r, v) => {
      placeOf(r).lat = v as number;
    },
    provenance: 'place',
  },
  'place.lon': {
    syntax: 'a longitude in decimal degrees',
    parse: coordinate('longitude', 180),
    read: (r) => r.place?.lon ?? null,
    apply: (r, v) => {
      placeOf(r).lon = v as number;
    },
    provenance: 'place',
  },
  'place.point': {
    syntax: 'LAT,LON in decimal degrees, or none',
    parse: orNone(point),
    read: (r) =>
      r.place && r.place.lat !== null && r.place.lon !== null ? { lat: r.place.lat, lon: r.place.lon } : null,
    apply: (r, v) => {
      const p = v as PointValue | null;
      const place = placeOf(r);
      place.lat = p?.lat ?? null;
      place.lon = p?.lon ?? null;
    },
    provenance: 'place',
  },
  'place.precision': {
    syntax: 'ACLED geo-precision: 1 the town, 2 near it or part of a region, 3 a larger region',
    parse: z
      .string()
      .regex(/^[123]$/, 'is not an ACLED geo-precision (1, 2 or 3)')
      .transform(Number),
    read: (r) => r.place?.precision ?? null,
    apply: (r, v) => {
      placeOf(r).precision = v as 1 | 2 | 3;
    },
    provenance: 'place',
  },
  count: range3('count'),
  killed: range3('killed'),
  injured: range3('injured'),
  actor: {
    syntax: 'names separated by ";", each with an optional (ISO3): "Islamic State; Iraqi army (IRQ)", or none',
    parse: parties,
    read: (r) => r.actor.map((a) => ({ name: a.name, country: a.country })),
    apply: (r, v) => {
      r.actor = partiesOf(r.actor, v as PartyValue[]);
    },
    provenance: 'actor',
  },
  recipient: {
    syntax: 'names separated by ";", each with an optional (ISO3), or none',
    parse: parties,
    read: (r) => r.recipient.map((a) => ({ name: a.name, country: a.country })),
    apply: (r, v) => {
      r.recipient = partiesOf(r.recipient, v as PartyValue[]);
    },
    provenance: 'recipient',
  },
} satisfies Record<string, FieldSpec>;

export type SettableField = keyof typeof SETTABLE_FIELDS;

const ALIASES: Readonly<Record<string, SettableField>> = {
  'claim.status': 'claim',
  'place.admin': 'place.admin1',
  'place.coordinates': 'place.point',
  actors: 'actor',
  recipients: 'recipient',
  'date.from': 'date.start',
  'date.to': 'date.end',
};

export function settableField(field: string): SettableField | null {
  const key = field.trim().toLowerCase();
  if (key in SETTABLE_FIELDS) return key as SettableField;
  return ALIASES[key] ?? null;
}

/**
 * The field named and the value parsed for it (null: only the field is checked, for unset). Throws REVIEW_INVALID
 * naming the field and the reason: `killed: "three" is not a count or range (4, 3-5, 10+ or none)`.
 */
export function parseFieldValue(field: string, raw: string | null): { field: SettableField; value: FieldValue } {
  const key = settableField(field);
  if (key === null) {
    throw new SitrepError(
      'REVIEW_INVALID',
      `"${field}" is not a field a reviewer can set (${Object.keys(SETTABLE_FIELDS).join(', ')})`,
    );
  }
  if (raw === null) return { field: key, value: null };
  const spec: FieldSpec = SETTABLE_FIELDS[key];
  const parsed = spec.parse.safeParse(raw.trim());
  if (!parsed.success) {
    throw new SitrepError('REVIEW_INVALID', `${key}: "${raw}" ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
  return { field: key, value: parsed.data };
}

export function fieldSpec(field: SettableField): FieldSpec {
  return SETTABLE_FIELDS[field];
}

/**
 * After the fields are set, what derives from them is derived again as the extractor derives it: the quad,
 * intensity and CAMEO code from the type and mode, the ACLED type for asserted events. A mode the new type does not
 * have is dropped, unless the reviewer set it (then checkView refuses the combination).
 */
export function rederive(record: EventRecord, modeSet: boolean): void {
  if (record.mode !== null && !modeSet && !isMode(record.type, record.mode)) record.mode = null;
  const code = cameoCodeFor(record.type, record.mode);
  record.quad = PLOVER[record.type].quad;
  record.intensity = intensityOf(record.type, record.mode);
  record.cameo = { root: code, goldstein: cameoRoot(code).goldstein };
  record.acled =
    record.modality === 'asserted' || record.modality === 'historical'
      ? acledFor(record.type, record.mode, {
          actor: (record.actor[0]?.acled ?? null) as Parameters<typeof acledFor>[2]['actor'],
          recipient: (record.recipient[0]?.acled ?? null) as Parameters<typeof acledFor>[2]['recipient'],
        })
      : null;
}

/** What makes a reviewed record impossible, as a message naming the field, or null. */
export function checkView(record: EventRecord): string | null {
  if (record.mode !== null && !isMode(record.type, record.mode)) {
    const modes = Object.keys(PLOVER[record.type].modes);
    return `mode: "${record.mode}" is not a mode of ${record.type} (${modes.length > 0 ? modes.join(', ') : 'it has none'}; or none)`;
  }
  if (record.date && record.date.end < record.date.start) {
    return `date: ${record.date.start}..${record.date.end} ends before it starts (set date=START..END)`;
  }
  if (record.place) {
    if (record.place.name === '') return 'place.name: the place has no name (set place.name too)';
    if ((record.place.lat === null) !== (record.place.lon === null)) {
      return 'place.lat/place.lon: a place needs both coordinates or neither (set place.point=LAT,LON)';
    }
  }
  return null;
}
