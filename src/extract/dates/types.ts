// The shapes the DATE stage hands out.

export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'range';

/** Inclusive ISO dates (YYYY-MM-DD). */
export interface DateRange {
  start: string;
  end: string;
}

/** A date stated relative to another event: "nearly two years after the 2019 uprising". */
export interface RelativeDate {
  direction: 'after' | 'before';
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  /** "nearly", "more than", "about", "days after" (no count): the offset is not exact. */
  approximate: boolean;
  /** The event the offset counts from, as written ("the 2019 uprising"). */
  anchorText: string;
  /**
   * Where the anchor event itself lies, when it can be inferred: from the anchor's own date, or, for
   * "more than a year after <event>" with an undated anchor, from the publication date (the anchor lies at least
   * that long before publication). Absent when nothing can be said.
   */
  anchorRange?: DateRange;
}

export interface DateMention {
  /** Index of the sentence (Sentence.index). */
  sentence: number;
  /** Character offsets into the document text. */
  start: number;
  end: number;
  /** As written: "on June 27", "last week", "nearly two years after". */
  text: string;
  range: DateRange;
  precision: DatePrecision;
  /** The range lies (at least partly) after publication, or the text says it is to come ("next week"). */
  future: boolean;
  relative?: RelativeDate;
  /** Provenance: "chrono:explicit", "rule:last-week", "rule:bare-year", "rule:weekday-past" … */
  rule: string;
}

export interface DateContext {
  /** Publication date (YYYY-MM-DD, or an ISO timestamp whose date part is read); null when unknown. */
  published: string | null;
  /**
   * Optional: the date the text was last talking about (e.g. the last day-level date of the previous sentences),
   * used for "the following day", "two days later" when the sentence itself names no date. Publication is the
   * fallback.
   */
  anchor?: DateRange | null;
}
