// The event mention: one trigger of one sentence with what the sentence says of it, before the mentions of one
// real-world event are merged across the document.
import type { AcledHint } from '../core/ontology/mappings.ts';
import type { Modality, PloverType } from '../core/ontology/plover.ts';
import type { ClaimStatus, Range } from '../core/record.ts';
import type { ActorMention } from './actors/find.ts';
import type { CasualtyMention } from './casualties/find.ts';
import type { Attribution } from './claims/find.ts';
import type { DateMention } from './dates/find.ts';
import type { Sentence } from './model.ts';
import type { PlaceMention } from './places/find.ts';
import type { TriggerMention } from './triggers/find.ts';

export interface EventMention {
  /** Position in the document's list of event mentions. */
  index: number;
  sentence: number;
  trigger: TriggerMention;
  type: PloverType;
  mode: string | null;
  hint: AcledHint | null;
  context: readonly string[];
  modality: Modality;
  actors: ActorMention[];
  recipients: ActorMention[];
  actorRule: string | null;
  recipientRule: string | null;
  date: DateMention | null;
  place: PlaceMention | null;
  killed: CasualtyMention | null;
  injured: CasualtyMention | null;
  count: Range | null;
  attributions: Attribution[];
  status: ClaimStatus;
  /** "One attack, targeting the air base": one event singled out of a group reported before it. */
  singledOut: boolean;
  /** "the raids", "the envoy's visit", "the May 4 shelling": refers back to an event already reported. */
  definite: boolean;
  /** The event of this sentence that this one is the setting of: "called on X … during a meeting". */
  circumstanceOf: number | null;
  /** Told as part of another event of the sentence (the fighting behind a capture): no record of its own. */
  folded: boolean;
  /** Read from a photo caption, which mostly shows an event the report tells. */
  caption: boolean;
}

export interface SentenceFindings {
  sentence: Sentence;
  triggers: TriggerMention[];
  actors: ActorMention[];
  /** Countries named by an adjective before a thing ("an Australian ultimatum"): recipients of last resort. */
  attributives: ActorMention[];
  attributions: Attribution[];
  dates: DateMention[];
  places: PlaceMention[];
  casualties: CasualtyMention[];
}
