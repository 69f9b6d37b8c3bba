// The dashboard's only way to the server: same-origin JSON requests (the Content-Security-Policy allows no other).
// An API error ({ error: { code, message } }) becomes an Error carrying the server's message.
import type {
  ActorsResponse,
  EventDetail,
  EventsResponse,
  NetworkResponse,
  StoredDocument,
  TrendsResponse,
} from './types.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

export async function getJson<T>(path: string, fetcher: Fetch = fetch): Promise<T> {
  const response = await fetcher(path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) {
    const reason = body?.error?.message ?? response.statusText;
    throw new ApiRequestError(path, response.status, `${path}: ${response.status} ${reason}`);
  }
  return body as T;
}

export interface Api {
  events(query: string): Promise<EventsResponse>;
  event(id: string): Promise<EventDetail>;
  document(id: string): Promise<{ document: StoredDocument }>;
  actors(limit: number): Promise<ActorsResponse>;
  trends(query: string): Promise<TrendsResponse>;
  network(query: string): Promise<NetworkResponse>;
}

export function createApi(fetcher: Fetch = (path, init) => fetch(path, init)): Api {
  return {
    events: (query) => getJson(`/events?${query}`, fetcher),
    event: (id) => getJson(`/events/${encodeURIComponent(id)}`, fetcher),
    document: (id) => getJson(`/documents/${encodeURIComponent(id)}`, fetcher),
    actors: (limit) => getJson(`/actors?limit=${limit}`, fetcher),
    trends: (query) => getJson(`/trends?${query}`, fetcher),
    network: (query) => getJson(`/network?${query}`, fetcher),
  };
}
