// Other domains (flows: tag added/removed triggers) react to tag changes. Unlike the events hook this
// runs INSIDE the writer's transaction, so whatever a listener records commits or rolls back with the tags.
import type { Db } from '../../platform/store/database.js';

export interface TagsChange {
  workspaceId: string;
  action: 'added' | 'removed';
  tagIds: readonly string[];
  /** The contacts that really gained (or lost) at least one of the tags. */
  contactIds: readonly number[];
  now: Date;
}

export type TagsListener = (trx: Db, change: TagsChange) => Promise<void>;

const listeners: TagsListener[] = [];

/** Registers a listener; returns the function that unregisters it. */
export function onTagsChanged(listener: TagsListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function notifyTagsChanged(trx: Db, change: TagsChange): Promise<void> {
  if (change.contactIds.length === 0 || change.tagIds.length === 0) return;
  for (const listener of [...listeners]) await listener(trx, change);
}
