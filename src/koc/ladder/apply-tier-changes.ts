// Writes tier changes in one transaction: new contacts placed on passerby, each change applied only if the
// contact is still on its `from` tier (a concurrent evaluation may have moved it), a history row per change
// and a 'contact' change-feed row so every process's segment index reloads the contact's `tier:` label.
// After commit each change becomes a `tier_changed` event {from, to, rule} through the events use-case
// (flows trigger per-tier SOPs on it), and promoted fans are invited to their tier's community.
import { sql } from 'kysely';
import { recordChanges } from '../../audience/record-changes.js';
import type { Db } from '../../platform/store/database.js';
import { insertRows } from '../../platform/store/insert-rows.js';
import { inviteToTierGroups } from '../communities/invite-to-tier-group.js';
import { ingestContactEvents } from './ingest-contact-events.js';
import type { Tier } from './ladder-settings.js';
import './ladder-tables.js';

export interface TierChange {
  contactId: number;
  from: Tier;
  to: Tier;
  rule: string;
}

export interface AppliedChange extends TierChange {
  seq: number;
}

const CHUNK = 5_000;

export async function applyTierChanges(
  db: Db,
  workspaceId: string,
  changes: readonly TierChange[],
  initial: readonly number[],
  opts: { now: Date; onListenerError: (error: unknown) => void },
): Promise<AppliedChange[]> {
  if (changes.length === 0 && initial.length === 0) return [];
  const at = opts.now.toISOString();
  const applied = await db.transaction().execute(async (trx) => {
    for (let i = 0; i < initial.length; i += CHUNK) {
      const rows = initial.slice(i, i + CHUNK).map((contact_id) => ({
        workspace_id: workspaceId,
        contact_id,
        tier: 'passerby',
        since: at,
        rule: 'initial',
      }));
      await trx
        .insertInto('contact_tiers')
        .values(rows)
        .onConflict((oc) => oc.columns(['workspace_id', 'contact_id']).doNothing())
        .execute();
    }
    const groups = new Map<string, TierChange[]>();
    for (const c of changes) {
      const key = `${c.from}>${c.to}>${c.rule}`;
      const g = groups.get(key);
      if (g) g.push(c);
      else groups.set(key, [c]);
    }
    const done: TierChange[] = [];
    for (const group of groups.values()) {
      const { from, to, rule } = group[0]!;
      for (let i = 0; i < group.length; i += CHUNK) {
        const moved = await trx
          .updateTable('contact_tiers')
          .set({ tier: to, since: at, rule })
          .where('workspace_id', '=', workspaceId)
          // Not sargable on purpose: the primary key (with the id list) must drive the update, not the
          // (workspace, tier) index, which would walk every fan on the tier for each chunk.
          .where(sql`tier || ''`, '=', from)
          .where(
            'contact_id',
            'in',
            group.slice(i, i + CHUNK).map((c) => c.contactId),
          )
          .returning('contact_id')
          .execute();
        for (const r of moved) done.push({ contactId: Number(r.contact_id), from, to, rule });
      }
    }
    const { returned } = await insertRows<{ seq: number | string; contact_id: number | string }>(
      trx,
      'tier_history',
      ['workspace_id', 'contact_id', 'from_tier', 'to_tier', 'rule', 'at'],
      done.map((c) => [workspaceId, c.contactId, c.from, c.to, c.rule, at]),
      { tail: 'returning seq, contact_id' },
    );
    const byContact = new Map(done.map((c) => [c.contactId, c]));
    const out: AppliedChange[] = returned.map((r) => ({
      ...byContact.get(Number(r.contact_id))!,
      seq: Number(r.seq),
    }));
    await recordChanges(trx, workspaceId, [...initial, ...out.map((c) => c.contactId)], 'contact', opts.now);
    return out;
  });
  await emitTierEvents(db, workspaceId, applied, opts);
  await inviteToTierGroups(
    db,
    workspaceId,
    applied.filter((c) => c.to !== c.from && c.rule !== 'inactivity'),
    opts.now,
  );
  return applied;
}

function emitTierEvents(
  db: Db,
  workspaceId: string,
  applied: readonly AppliedChange[],
  opts: { now: Date; onListenerError: (error: unknown) => void },
): Promise<number> {
  const events = applied.map((c) => ({
    id: `tier_changed:${c.seq}`,
    contactId: c.contactId,
    type: 'tier_changed',
    props: { from: c.from, to: c.to, rule: c.rule },
  }));
  return ingestContactEvents(db, workspaceId, events, opts.now, opts.onListenerError);
}
