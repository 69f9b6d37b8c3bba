// What the date rules produce before the stage picks among them: a located, possibly resolved, date phrase.
import type { DaySpan } from './calendar.ts';
import type { DatePrecision, RelativeDate } from './types.ts';

export interface Resolved {
  span: DaySpan;
  precision: DatePrecision;
  future: boolean;
  /** Overrides the candidate's rule name (e.g. which anchor a relative phrase was counted from). */
  rule?: string;
  relative?: RelativeDate;
}

/**
 * - point: a date of its own ("June 27", "last week"); can anchor "the following day".
 * - vague: a loose window ("in recent weeks", "recently"); never an anchor.
 * - dependent: counted from another date ("two days later", "a year after the 2019 protests"); resolved last.
 */
export type CandidateKind = 'point' | 'vague' | 'dependent';

export interface Candidate {
  /** Offsets within the sentence text. */
  start: number;
  end: number;
  rule: string;
  kind: CandidateKind;
  /** The year was inferred, not written ("March 3"): a range may move it back a year. */
  yearless: boolean;
  /** Null when it cannot be resolved (no publication date); it still claims its words. */
  resolved: Resolved | null;
  /** For dependent candidates: resolution once every other date of the sentence is known. */
  late?: (placed: readonly Candidate[]) => Resolved | null;
}

/** What every rule can read: the sentence, the publication day and the future-tense test. */
export interface RuleEnv {
  text: string;
  /** Publication as a day number; null when unknown. */
  pub: number | null;
  /** The date the preceding text was about, handed in by the caller. */
  contextAnchor: { span: DaySpan; precision: DatePrecision } | null;
  /** Whether the clause around [start, end) speaks of the future ("the talks will resume on Monday"). */
  futureAt(start: number, end: number): boolean;
}

export interface DateRule {
  name: string;
  /** Global, usually case-insensitive. */
  pattern: RegExp;
  /** A cheap test the sentence must pass before `pattern` runs (speed: most sentences hold no date). */
  gate: RegExp;
  /** A second test it must pass too: what every candidate of the rule needs (a capitalised month, a year). */
  also?: RegExp;
  /** Turns one match into a candidate, or rejects it (null). */
  read(match: RegExpExecArray, env: RuleEnv): Candidate | null;
}

export function candidate(
  match: RegExpExecArray,
  rule: string,
  resolved: Resolved | null,
  options: { kind?: CandidateKind; yearless?: boolean; start?: number; end?: number } = {},
): Candidate {
  return {
    start: options.start ?? match.index,
    end: options.end ?? match.index + match[0].length,
    rule,
    kind: options.kind ?? 'point',
    yearless: options.yearless ?? false,
    resolved,
  };
}
