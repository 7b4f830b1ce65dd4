// Other domains (flows, issue 4) react to interactions: they register a listener here and are called
// after each ingestion batch commits, with the events that were new (duplicates are not repeated).
import type { SourceKind } from '../import/event-row.js';

export interface IngestedEvent {
  workspaceId: string;
  contactId: number;
  type: string;
  /** Epoch milliseconds. */
  at: number;
  source: { kind: SourceKind; id: string } | null;
  props: Record<string, unknown>;
}

export type EventsListener = (events: readonly IngestedEvent[]) => void | Promise<void>;

const listeners: EventsListener[] = [];

/** Registers a listener; returns the function that unregisters it. */
export function onEventsIngested(listener: EventsListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export function hasEventsListeners(): boolean {
  return listeners.length > 0;
}

/**
 * Called after commit: the events are stored whatever a listener does, so one listener's failure neither
 * fails the ingestion nor stops the other listeners; it goes to `onError`.
 */
export async function notifyEventsIngested(
  events: readonly IngestedEvent[],
  onError: (error: unknown) => void,
): Promise<void> {
  if (events.length === 0) return;
  for (const listener of [...listeners]) {
    try {
      await listener(events);
    } catch (e) {
      onError(e);
    }
  }
}
