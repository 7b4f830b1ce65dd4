// Bulk tagging: adds or removes tags on every contact of a segment, or of a list of external ids.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import type { Store } from '../../platform/store/open-store.js';
import { resolveExternalIds } from '../contacts/resolve-contacts.js';
import { audienceIndexFor } from '../index/audience-index.js';
import { applyAttributeRules } from '../rules/apply-attribute-rules.js';
import { ensureTags } from './ensure-tags.js';
import { addContactTags, removeContactTags } from './write-contact-tags.js';

export const BulkTagInput = z
  .strictObject({
    tags: z.array(z.string().trim().min(1).max(50)).min(1).max(50),
    action: z.enum(['add', 'remove']).default('add'),
    segment: z.string().min(1).max(4000).optional(),
    externalIds: z.array(z.string().trim().min(1).max(200)).max(100_000).optional(),
  })
  .refine(
    (v) => (v.segment === undefined) !== (v.externalIds === undefined),
    'give either segment or externalIds',
  );
export type BulkTagInput = z.input<typeof BulkTagInput>;

export interface BulkTagResult {
  /** Contacts the segment or list named. */
  matched: number;
  /** Contacts whose tags changed. */
  changed: number;
  /** External ids with no live contact. */
  unknown: number;
  unknownExamples: string[];
}

export async function bulkTag(
  store: Store,
  workspaceId: string,
  input: BulkTagInput,
  opts: { actor: string; now: Date },
): Promise<BulkTagResult> {
  const data = BulkTagInput.parse(input);
  let contactIds: number[];
  const unknown: string[] = [];
  if (data.segment !== undefined) {
    const members = await audienceIndexFor(store).bitmap(workspaceId, data.segment, { at: opts.now });
    contactIds = [...members.toUint32Array()];
  } else {
    contactIds = await resolveExternalIds(store.db, workspaceId, data.externalIds!, unknown);
  }
  return store.db.transaction().execute(async (trx) => {
    let ids: number[];
    if (data.action === 'add') {
      const tagIds = [...(await ensureTags(trx, workspaceId, data.tags, opts.now)).values()];
      ids = await addContactTags(trx, workspaceId, contactIds, tagIds, 'bulk', opts.now);
    } else {
      const tags = await trx
        .selectFrom('tags')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('name', 'in', data.tags)
        .execute();
      ids = await removeContactTags(
        trx,
        workspaceId,
        contactIds,
        tags.map((t) => t.id),
        opts.now,
      );
    }
    await applyAttributeRules(trx, workspaceId, ids, opts.now);
    const result = {
      matched: contactIds.length,
      changed: ids.length,
      unknown: unknown.length,
      unknownExamples: unknown.slice(0, 20),
    };
    await recordAudit(trx, {
      workspaceId,
      actor: opts.actor,
      action: `tag.bulk_${data.action}`,
      target: null,
      details: {
        tags: data.tags,
        by: data.segment !== undefined ? 'segment' : 'list',
        matched: result.matched,
        changed: result.changed,
      },
      at: opts.now,
    });
    return result;
  });
}
