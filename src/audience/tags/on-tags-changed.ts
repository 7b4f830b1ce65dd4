// Other domains react to tag changes: flows to tags added to or removed from contacts, the WeCom channel
// also to tags created, renamed or deleted (it keeps corp tags in step). Unlike the events hook these run
// INSIDE the writer's transaction, so whatever a listener records commits or rolls back with the tags.
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

export interface TagCatalogChange {
  workspaceId: string;
  action: 'created' | 'renamed' | 'deleted';
  /** The tags as they are after the change (a deleted tag: as it was; still in the table when notified). */
  tags: readonly { id: string; name: string }[];
  now: Date;
}

export type TagCatalogListener = (trx: Db, change: TagCatalogChange) => Promise<void>;

const catalogListeners: TagCatalogListener[] = [];

/** Registers a listener for tags created, renamed or deleted; returns the function that unregisters it. */
export function onTagCatalogChanged(listener: TagCatalogListener): () => void {
  catalogListeners.push(listener);
  return () => {
    const i = catalogListeners.indexOf(listener);
    if (i >= 0) catalogListeners.splice(i, 1);
  };
}

export async function notifyTagCatalogChanged(trx: Db, change: TagCatalogChange): Promise<void> {
  if (change.tags.length === 0) return;
  for (const listener of [...catalogListeners]) await listener(trx, change);
}
