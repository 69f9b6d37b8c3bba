// The small word sets of the place stage: prepositions, directions, head nouns, connectors inside names, titles
// before people, verbs and event nouns around places. Grammar rather than lexicon, so kept beside the code; the
// place names themselves are data (data/places/).

/** How the text relates the event to the place: "in Ramadi", "near Kirkuk", "the Idlib countryside" … */
export type PlaceRelation = 'in' | 'near' | 'outside' | 'countryside' | 'province' | 'along' | 'at';

/** What a noun after a name says about it: "Anbar province", "Idlib countryside", "Kabul airport". */
export type Head =
  | 'province'
  | 'district'
  | 'countryside'
  | 'outskirts'
  | 'area'
  | 'facility'
  | 'settlement'
  | 'border';

const set = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** A map from each word of a group to the group's value: `groups({ in: 'in inside', at: 'at' })`. */
function groups<V extends string>(spec: Partial<Record<V, string>>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [value, list] of Object.entries(spec) as [V, string][]) {
    for (const word of list.split(/\s+/).filter(Boolean)) map.set(word, value);
  }
  return map;
}

// "in Ramadi", "near Kirkuk", "outside Mosul", "at Ain al-Asad", "along the border", "across Syria".
export const CUES: ReadonlyMap<string, PlaceRelation> = groups<PlaceRelation>({
  in: 'in inside within across throughout into to toward towards from over via through between against on',
  at: 'at',
  near: 'near nearby around off',
  outside: 'outside',
  along: 'along',
});

// "the outskirts of Mosul", "north of Baghdad", "the countryside of Idlib", "the province of Herat".
export const OF_NOUNS: ReadonlyMap<string, PlaceRelation> = groups<PlaceRelation>({
  outside: 'outskirts suburbs suburb edge edges periphery',
  near: `
    vicinity north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west
  `,
  countryside: 'countryside',
  province: 'province governorate region state oblast',
  in: `
    district city town village villages hamlet area capital port center centre heart streets market bazaar
    square
    neighbourhood neighborhood residents people governor siege fall capture control battle shelling bombing
    liberation
  `,
});

// Words that may stand between a cue and the name: "in the northern Iraqi city of Mosul".
export const BETWEEN = set(`
  the a an of northern southern eastern western central northeastern northwestern southeastern southwestern
  north-eastern north-western south-eastern south-western nearby neighbouring neighboring restive besieged
  embattled strategic key flashpoint remote small tiny large major rural disputed contested occupied ancient
  coastal mountainous desert oil-rich frontline front-line city town village province governorate district
  region area port capital camp base km kms kilometers kilometres kilometer kilometre miles mile meters metres
`);

// "in northern Iraq", "in western Anbar", "eastern Aleppo".
export const DIRECTIONS: ReadonlyMap<string, string> = groups<string>({
  northern: 'northern north',
  southern: 'southern south',
  eastern: 'eastern east',
  western: 'western west',
  central: 'central',
  northeastern: 'northeastern north-eastern northeast north-east',
  northwestern: 'northwestern north-western northwest north-west',
  southeastern: 'southeastern south-eastern southeast south-east',
  southwestern: 'southwestern south-western southwest south-west',
  upper: 'upper',
  lower: 'lower',
});

// "Anbar province", "Idlib countryside", "Kabul airport", "the Hawija area", "the Syrian border".
export const HEADS: ReadonlyMap<string, Head> = groups<Head>({
  province: `
    province provinces governorate governorates oblast region regions state prefecture wilaya
    county department krai
  `,
  district: `
    district districts subdistrict sub-district municipality neighbourhood neighborhood quarter
    raion cercle cercles territory tehsil lga township commune locality woreda zone
  `,
  countryside: 'countryside',
  outskirts: 'outskirts suburbs environs',
  area: 'area areas vicinity',
  facility: 'airport airbase airfield base barracks camp refinery crossing checkpoint dam bridge',
  settlement: 'city town village',
  border: 'border borders frontier',
});

// Lower-case words a place name may contain: "Dayr az Zawr", "Ras al Ain", "Gulf of Aden", "Bosnia and …".
export const CONNECTORS = set(`
  al el ad ed az ez as es ash ar er an at ul bin ibn bani beni de du da di des la le of and the sur i e
`);

// Lower-case words a curated name may end with: "the Syrian-Iraqi border", "Erbil air base", "Ghouta".
export const NAME_TAILS = set(`
  border frontier crossing air base airbase airport airfield field oil gas plant camp valley mountains
  mountain heights strip bank zone desert plains plain sea gulf strait river lake coast island peninsula
  corridor region district province governorate countryside suburbs city line farms forest hospital compound
  complex garrison nuclear power station steel works steelworks
`);

// "Gen. Ali", "President Trump": a name after a title is a person.
export const TITLES = set(`
  president minister gen gen. general col col. colonel maj maj. major lt lt. lieutenant capt capt. captain sgt
  sgt. mr mr. mrs mrs. ms ms. dr dr. sheikh shaikh imam ayatollah cleric commander spokesman spokeswoman
  leader king prince emir sultan senator sen. rep. ambassador envoy secretary chief mayor governor
`);

// "rockets struck Erbil", "militants stormed Palmyra": a place as the object of these verbs (lemmas).
export const PLACE_VERBS = set(`
  hit strike bomb shell attack target raid storm capture seize recapture retake enter besiege encircle
  surround pound rock shake liberate visit reach leave flee evacuate overrun occupy invade bombard blockade
  shell rocket control
`);

// "the Hawija offensive", "the Mosul battle": a well-known place named before the event it locates.
export const EVENT_NOUNS = set(`
  offensive operation battle siege attack attacks bombing bombings massacre clashes fighting front frontline
  airstrike airstrikes strike strikes raid explosion blast uprising protests campaign assault incursion
`);

// "Pakistan's northwest", "Nigeria's troubled northeast": a direction as a noun after a possessive country.
export const DIRECTION_NOUNS = set(`
  north south east west northeast northwest southeast southwest north-east north-west south-east south-west
`);

// "the road between Djibo and Namssiguia": a route between two places, each of them a place.
export const ROUTES = set('road roads highway route axis stretch track');

export const HYPHENS = /[-‐‑–—]/;
// "rebel-held", "Kurdish-controlled", "government-run": hyphenated adjectives that may stand before a place.
export const HELD = /-(?:held|controlled|run|dominated|occupied|besieged|based|administered|ruled|allied)$/;
export const DISTANCE_UNITS = set('km kms kilometers kilometres kilometer kilometre miles mile');
