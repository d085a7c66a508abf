import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventToAppend } from '../event-store.port.js';

export const testMetadata: EventMetadata = {
  actor: 'officer.us',
  agency: 'CBP',
  country: 'US',
  role: 'officer',
  correlationId: 'test-correlation',
  causationId: null,
  mode: 'actual',
};

export function newEvent<Data extends Record<string, unknown>>(
  type: string,
  data: Data,
  overrides: Partial<EventToAppend<Data>> = {},
): EventToAppend<Data> {
  return { id: randomUUID(), type, data, metadata: testMetadata, ...overrides };
}

/** A category no other test uses, so tests sharing one store never see each other's streams. */
export function uniqueCategory(label = 'test'): string {
  return `${label}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
