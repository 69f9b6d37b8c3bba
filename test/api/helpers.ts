// A small in-memory store for the API tests: invented reports, events built with the store contract's helpers.
import type { Hono } from 'hono';
import { type AppOptions, createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { documentOf, eventOf } from '../store/contract.ts';

export const TOKEN = 'test-token-3f9a';

const CHECKPOINT = 'Gunmen attacked a police checkpoint near Baqubah on Tuesday, killing two officers, police said.';
const CONVOY = 'A drone struck a militia convoy near Al-Qaim on Monday, a security source said.';
const RALLY = 'Hundreds of teachers rallied in Basra on Thursday to demand unpaid salaries.';

/** Four events of three documents: two assaults in Diyala, a drone strike near Al-Qaim, a protest in Basra. */
export function filledStore(): Store {
  const store = openStore(':memory:');
  store.putDocument(documentOf('checkpoint', CHECKPOINT), [
    eventOf({
      id: 'ev-checkpoint',
      document: 'checkpoint',
      date: '2024-04-30',
      actor: ['Gunmen', 'gunmen', null],
      recipient: ['police', 'police', 'IRQ'],
      placeCountry: 'IRQ',
      sentences: [0, 1],
    }),
    eventOf({
      id: 'ev-checkpoint-2',
      document: 'checkpoint',
      date: '2024-04-20',
      actor: ['Gunmen', 'gunmen', null],
      recipient: ['soldiers', 'army', 'IRQ'],
      placeCountry: 'IRQ',
    }),
  ]);
  store.putDocument(documentOf('convoy', CONVOY), [
    eventOf({
      id: 'ev-convoy',
      document: 'convoy',
      date: '2024-03-11',
      mode: 'drone',
      actor: ['the United States', 'United States', 'USA'],
      recipient: ['militia', 'militia', 'IRQ'],
      placeCountry: 'IRQ',
      at: [34.39, 40.99],
    }),
  ]);
  store.putDocument(documentOf('rally', RALLY), [
    eventOf({
      id: 'ev-rally',
      document: 'rally',
      type: 'PROTEST',
      date: '2024-05-02',
      mode: 'demo',
      actor: ['teachers', 'teachers', 'IRQ'],
      placeCountry: 'IRQ',
      at: [30.51, 47.81],
    }),
  ]);
  return store;
}

export function appWith(store: Store, options: Omit<AppOptions, 'store'> = {}): Hono {
  return createApp({ store, ...options });
}

// biome-ignore lint/suspicious/noExplicitAny: the tests walk the JSON answers field by field; a type per route would repeat the API.
export async function getJson(app: Hono, path: string): Promise<{ status: number; body: any }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.json() };
}
