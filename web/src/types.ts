// What the dashboard receives from the API: the shapes are the server's own types (imported as types only, so
// nothing of the server is bundled), plus the body of GET /events/:id, which the route builds inline.
import type { EventRecord } from '../../src/core/record.ts';
import type { MergedEvent } from '../../src/merge/merge.ts';
import type { ActorCount, EventPage, Mention, StoredDocument } from '../../src/store/store.ts';

export type {
  AnalysisLevel,
  DyadTrend,
  DyadWeek,
  NetworkEdge,
  NetworkNode,
  NetworkResponse,
  TrendsResponse,
} from '../../src/analyze/types.ts';
export type { Actor, Claim, EventRecord, Evidence, Link } from '../../src/core/record.ts';
export type { MergedEvent } from '../../src/merge/merge.ts';
export type { ActorCount, EventPage, Mention, StoredDocument } from '../../src/store/store.ts';

/** GET /events/:id */
export interface EventDetail {
  event: EventRecord;
  provenance: {
    fields: Record<string, string>;
    extractor: string;
    claim: EventRecord['claim'];
    document: Pick<
      StoredDocument,
      'id' | 'url' | 'outlet' | 'title' | 'published' | 'source' | 'format' | 'ingestedAt'
    > | null;
  };
  mentions: Mention[];
  merged: MergedEvent | null;
}

export interface EventsResponse extends EventPage {}
export interface ActorsResponse {
  actors: ActorCount[];
}
