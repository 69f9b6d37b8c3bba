// Name folding for place matching. Arabic, Persian, Pashto and Slavic names reach English news in many
// transliterations ("Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"); two keys make matching tolerant of them:
// - `foldName`: case, diacritics, apostrophes, hyphens and article prefixes (al-, ez-, ash- …) removed;
// - `looseKey`: the folded name with transliteration variants unified (Dayr/Deir, Jabal/Jebel, q/k, ou/u,
//   doubled letters, -ah/-a endings) and spaces dropped. It is looked up only when the folded name is not found.

/** Arabic article forms (assimilated to sun letters) and the English article, dropped inside names. */
export const ARTICLE_WORDS: ReadonlySet<string> = new Set([
  'al',
  'el',
  'il',
  'ad',
  'adh',
  'ed',
  'ez',
  'az',
  'as',
  'es',
  'ash',
  'esh',
  'ar',
  'er',
  'an',
  'en',
  'at',
  'et',
  'ath',
  'ul',
  'the',
]);

/** Letters that NFKD does not decompose into a base letter and a mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  Ħ: 'H',
};

// "Al Asad Airbase" and "Al Asad Air Base" are the same place.
const COMPOUNDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['airbase', ['air', 'base']],
  ['airfield', ['air', 'field']],
  ['airstrip', ['air', 'strip']],
]);

const MARKS = /\p{M}+/gu;
const SPECIALS = /[ıłŁøØæÆœŒßđĐðþħĦ]/g;
const ASCII = /^[\x20-\x7e]*$/;
// Ayn and hamza transliterations and quote marks vanish: "Ta‘izz" → "taizz", "Dar'a" → "dara".
const APOSTROPHES = /['’‘`´ʿʾʼʻ′"“”]/g;
const APOSTROPHE = /['’‘`´ʿʾʼʻ′"“”]/;
const ASCII_BREAK = /[^a-z0-9]+/;
const BREAK = /[^\p{L}\p{N}]+/u;

// Regular expressions and native split rather than a character loop: this runs for each of ~400k names when
// the gazetteer is built, and the native paths are several times faster.
function rawWords(text: string): string[] {
  // Most names are plain ASCII; Unicode normalisation is only paid for the others.
  const ascii = ASCII.test(text);
  let s = ascii
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(MARKS, '')
        .replace(SPECIALS, (c) => SPECIAL_LETTERS[c] ?? c)
        .toLowerCase();
  if (APOSTROPHE.test(s)) s = s.replace(APOSTROPHES, '');
  return s.split(ascii ? ASCII_BREAK : BREAK);
}

/** Lower case, no diacritics, apostrophes dropped, other punctuation as spaces; article words kept. */
export function plainWords(text: string): string[] {
  const words: string[] = [];
  let initials = '';
  for (const w of rawWords(text)) {
    if (w === '') continue;
    // "U.S." and "US" are one name: runs of single letters are joined.
    if (w.length === 1 && w >= 'a' && w <= 'z') {
      initials += w;
      continue;
    }
    if (initials) words.push(initials);
    initials = '';
    const compound = COMPOUNDS.get(w);
    if (compound) words.push(...compound);
    else words.push(w);
  }
  if (initials) words.push(initials);
  return words;
}

/** The exact-match key of a name: "Ain al-Asad Airbase" → "ain asad air base". Empty when nothing is left. */
export function foldName(text: string): string {
  const raw = rawWords(text);
  // The common case, one plain word: "Ramadi".
  if (raw.length === 1) {
    const w = raw[0] ?? '';
    return COMPOUNDS.get(w)?.join(' ') ?? w;
  }
  const words = plainWords(text);
  if (words.length === 1) return words[0] ?? '';
  // join() makes a flat string: keys are kept by the hundred thousand, and a concatenated (cons) string would
  // keep its pieces alive as well.
  return words.filter((w) => !ARTICLE_WORDS.has(w)).join(' ');
}

// Character codes for looseKey.
const A = 97;
const C = 99;
const D = 100;
const E = 101;
const F = 102;
const H = 104;
const I = 105;
const J = 106;
const K = 107;
const N = 110;
const O = 111;
const P = 112;
const Q = 113;
const R = 114;
const S = 115;
const T = 116;
const U = 117;
const W = 119;
const Y = 121;
const Z = 122;
const SPACE = 32;

function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U;
}

function isSunLetter(c: number): boolean {
  return c === D || c === N || c === R || c === S || c === T || c === Z;
}

/**
 * The transliteration-tolerant key: "Deir Ezzor", "Dayr az Zawr" and "Deir ez-Zor" all give "darzur".
 * Unified: "Sheikhoun"/"Shaykhun", "Deir"/"Dayr"/"Dair", "Ain"/"Ayn"/"Ein" (ai, ay, ei, ey → a), "Zawr"/"Zor"
 * (aw → u), "Suwayda"/"Sweida" (uw → w), "Jebel"/"Jabal" (e → a), "Mosul"/"Musul" (o, ou, oo → u), ee/ie/y → i,
 * q → k, ph → f, dh → d, dj → j, ck → k, doubled letters ("Raqqa"/"Raqa"), "-ah"/"-a" endings; no spaces.
 */
export function looseKey(folded: string): string {
  const out: number[] = [];
  let last = -1;
  const len = folded.length;
  let from = 0;
  while (from < len) {
    let end = folded.indexOf(' ', from);
    if (end < 0) end = len;
    let start = from;
    const c0 = folded.charCodeAt(start);
    const c1 = folded.charCodeAt(start + 1);
    // "Ezzor" (ez-Zor written solid), "Arraqqa": an assimilated article glued to its noun.
    if ((c0 === A || c0 === E) && isSunLetter(c1) && folded.charCodeAt(start + 2) === c1 && end - start >= 5) {
      start += 2;
    }
    // "-ah" / "-eh" endings.
    if (end - start > 2 && folded.charCodeAt(end - 1) === H && isVowel(folded.charCodeAt(end - 2))) end--;
    for (let j = start; j < end; j++) {
      const c = folded.charCodeAt(j);
      const n = j + 1 < end ? folded.charCodeAt(j + 1) : -1;
      const after = j + 2 < end ? folded.charCodeAt(j + 2) : -1;
      let emit = c;
      let skip = 1;
      if (c === P && n === H) emit = F;
      else if (c === D && n === H) emit = D;
      else if (c === D && n === J) emit = J;
      else if (c === C && n === K) emit = K;
      else if (((c === A && (n === Y || n === I)) || (c === E && (n === I || n === Y))) && !isVowel(after)) emit = A;
      else if (c === A && n === W && !isVowel(after)) emit = U;
      else if (c === O && (n === U || n === O)) emit = U;
      else if ((c === E && n === E) || (c === I && n === E)) emit = I;
      else if (c === U && n === W) emit = W;
      else {
        skip = 0;
        if (c === Q) emit = K;
        else if (c === E) emit = A;
        else if (c === O) emit = U;
        else if (c === Y) emit = I;
      }
      j += skip;
      if (emit !== last && emit !== SPACE) out.push(emit);
      last = emit;
    }
    from = end + 1;
    while (from < len && folded.charCodeAt(from) === SPACE) from++;
  }
  return String.fromCharCode(...out);
}
