// Stage: normalise. Cuts the text into blocks (lines and paragraphs) and tells the body from what surrounds it:
// headline, dateline, byline, photo caption and promotional lines. Offsets stay those of the original text.
import type { Block } from './sentences.ts';

// "Join our Telegram channel", "Subscribe to our newsletter", "Follow us on X"
const PROMO =
  /\b(join our|subscribe|sign up for|follow us|newsletter|telegram channel|whatsapp channel|download (?:our|the) app|click here|read more|support our journalism|advertisement|share this article)\b/i;
// "(Photo: Jane Doe/AFP)", "Smoke rises over the city. (Reuters/File)", "Photo: …"
const CAPTION_CREDIT =
  /\((?:[^()]*\/[^()]*|[^()]*\b(?:photo|image|file|getty|afp|ap|reuters|released|handout|courtesy)\b[^()]*)\)\s*$/i;
const CAPTION_PREFIX = /^(?:photo|image|picture|caption|file photo)\s*[:|-]/i;
const BYLINE =
  /^[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*\s*$/;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// A line that is only a date: "July 13, 2021", "13 July 2021", "2021-07-13", "Updated: July 13, 2021 10:02 GMT"
const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|posted)\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:[\\sT,]+\\d{1,2}:\\d{2}.*)?$`,
  'i',
);
// "BAGHDAD, March 12 (Desert Wire) - ", "MOGADISHU, Somalia (AP) — ", "KYIV (Reuters) -"
const DATELINE_PREFIX =
  /^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][A-Za-z .'’-]+?)?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?\s*(?:\([^)]{2,60}\))?\s*[-—–:]\s+/;

export interface NormalisedText {
  blocks: Block[];
  /** The dateline's place and outlet, when the body opens with one. */
  dateline: { text: string; start: number; end: number } | null;
  /** The agency the dateline names in parentheses, which wrote the story: "Desert Wire" in
   * "BAGHDAD, March 12 (Desert Wire) -". A publisher's own name when it wrote the story itself. */
  agency: string | null;
}

/** Splits `text` into classified blocks. Pure; keeps every offset of the original text. */
export function normaliseText(text: string): NormalisedText {
  const blocks: Block[] = [];
  let dateline: NormalisedText['dateline'] = null;
  let paragraph = 0;
  let seenBody = false;
  const lines = linesOf(text);
  lines.forEach((line, index) => {
    const content = text.slice(line.start, line.end);
    const trimmed = content.trim();
    if (trimmed === '') {
      paragraph++;
      return;
    }
    const start = line.start + (content.length - content.trimStart().length);
    const end = line.end - (content.length - content.trimEnd().length);
    const next = lines.slice(index + 1).find((l) => text.slice(l.start, l.end).trim() !== '');
    const section = classify(trimmed, seenBody, next !== undefined);
    if (section === 'body') {
      const prefix = DATELINE_PREFIX.exec(trimmed);
      if (!seenBody && prefix) {
        const cut = start + prefix[0].length;
        const datelineEnd = start + prefix[0].trimEnd().length;
        dateline = { text: text.slice(start, datelineEnd), start, end: datelineEnd };
        blocks.push({ start, end: datelineEnd, paragraph, section: 'dateline' });
        blocks.push({ start: cut, end, paragraph, section: 'body' });
        seenBody = true;
        return;
      }
      seenBody = true;
    }
    // "Smoke over the port. (Photo: Sam Reed/Wire)": the credit is not part of the caption's sentence.
    const credit = section === 'caption' ? CAPTION_CREDIT.exec(trimmed) : null;
    if (credit && credit.index > 0) {
      const cut = start + credit.index;
      blocks.push({ start, end: start + trimmed.slice(0, credit.index).trimEnd().length, paragraph, section });
      blocks.push({ start: cut, end, paragraph, section: 'byline' });
      return;
    }
    blocks.push({ start, end, paragraph, section });
  });
  // (Assigned in the callback above, which the compiler does not follow.)
  const opening = dateline as NormalisedText['dateline'];
  return { blocks, dateline: opening, agency: opening === null ? null : agencyOf(opening.text) };
}

// "(Desert Wire)", "(AP)", "(Reuters)"; not "(local time)" or a date.
const DATELINE_AGENCY = /\(([^)]{2,60})\)\s*[-—–:]?$/;
const NOT_AGENCY = new RegExp(`^(?:local time|updated|${MONTHS}|\\d)`, 'i');

function agencyOf(dateline: string): string | null {
  const name = DATELINE_AGENCY.exec(dateline.trim())?.[1]?.trim();
  return name && /\p{L}/u.test(name) && !NOT_AGENCY.test(name) ? name : null;
}

function classify(line: string, seenBody: boolean, hasMore: boolean): Block['section'] {
  if (line.length < 240 && PROMO.test(line)) return 'promo';
  if (DATE_LINE.test(line)) return 'dateline';
  if (BYLINE.test(line)) return 'byline';
  if (CAPTION_PREFIX.test(line) || (line.length < 400 && CAPTION_CREDIT.test(line))) return 'caption';
  // A short line without closing punctuation before the body starts is the headline.
  if (!seenBody && hasMore && line.length < 160 && !/[.!?]["”’)]?$/.test(line)) return 'headline';
  if (!seenBody && hasMore && line.length < 160 && /\breport says$|\bsays\s+\w+$/i.test(line)) return 'headline';
  return 'body';
}

function linesOf(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i > start && text[i - 1] === '\r' ? i - 1 : i });
      start = i + 1;
    }
  }
  return lines;
}
