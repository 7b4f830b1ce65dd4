// After a simulated send: the receiving fans react (read, click, share, reply — sometimes "TD" — or leave
// the group), producing the same events a real channel would, through the events ingestion use-case.
import { ingestEvents } from '../../audience/events/ingest-events.js';
import type { EventImportItem } from '../../audience/import/read-event-import.js';
import type { OutboundTouch } from '../channel.js';
import type { ChannelDeps } from '../registry.js';
import { localParts } from '../../automation/guardrails/local-time.js';
import { reactToTouch } from './fan-behaviour.js';
import type { SimAccount } from './simulator-channel.js';

const GROUP_SAMPLE = 3;

interface Reached {
  touch: OutboundTouch;
  account: SimAccount;
  contactId: number;
}

export async function reactToSends(
  deps: ChannelDeps,
  accounts: { account(id: string): Promise<SimAccount | null> },
  touches: readonly OutboundTouch[],
  now: Date,
): Promise<void> {
  const { db } = deps.store;
  const reached: Reached[] = [];
  const groupIds = [...new Set(touches.flatMap((t) => (t.groupId ? [t.groupId] : [])))];
  const members = new Map<string, number[]>();
  if (groupIds.length > 0) {
    const rows = await db
      .selectFrom('channel_group_members')
      .select(['group_id', 'contact_id'])
      .where('group_id', 'in', groupIds)
      .execute();
    for (const r of rows)
      (members.get(r.group_id) ?? members.set(r.group_id, []).get(r.group_id)!).push(Number(r.contact_id));
  }
  for (const t of touches) {
    const account = await accounts.account(t.accountId);
    if (!account) continue;
    if (t.groupId) {
      for (const contactId of (members.get(t.groupId) ?? []).slice(0, GROUP_SAMPLE))
        reached.push({ touch: t, account, contactId });
    } else if (t.contactId !== null) reached.push({ touch: t, account, contactId: t.contactId });
  }
  if (reached.length === 0) return;

  const contactIds = [...new Set(reached.map((r) => r.contactId))];
  const external = new Map<number, string>();
  for (let i = 0; i < contactIds.length; i += 5000) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'external_id'])
      .where('id', 'in', contactIds.slice(i, i + 5000))
      .execute();
    for (const r of rows) external.set(Number(r.id), r.external_id);
  }

  const byWorkspace = new Map<string, EventImportItem[]>();
  const replies: { r: Reached; text: string; at: string }[] = [];
  const leaves: { groupId: string; contactId: number }[] = [];
  const hours = new Map<string, number>();
  for (const r of reached) {
    let hour = hours.get(r.account.timezone);
    if (hour === undefined) hours.set(r.account.timezone, (hour = localParts(now, r.account.timezone).hour));
    const ext = external.get(r.contactId);
    if (ext === undefined) continue;
    const key = `${r.touch.idempotencyKey}:${r.contactId}`;
    for (const x of reactToTouch(r.account.settings, key, hour, r.touch.groupId !== null)) {
      const at = now.getTime() + x.delayMs;
      const props: Record<string, unknown> = { touchId: r.touch.touchId, accountId: r.account.id };
      if (r.touch.groupId) props.groupId = r.touch.groupId;
      if (x.text !== undefined) {
        props.direction = 'in';
        props.text = x.text;
        replies.push({ r, text: x.text, at: new Date(at).toISOString() });
      }
      if (x.type === 'leave_group') leaves.push({ groupId: r.touch.groupId!, contactId: r.contactId });
      const items = byWorkspace.get(r.account.workspaceId) ?? [];
      byWorkspace.set(r.account.workspaceId, items);
      items.push({
        line: items.length + 1,
        row: {
          id: `sim:${key}:${x.type}`,
          contactExternalId: ext,
          type: x.type,
          at,
          props,
          source: { kind: 'channel', id: r.account.id },
        },
      });
    }
  }
  if (replies.length > 0) {
    await db
      .insertInto('sim_messages')
      .values(
        replies.map(({ r, text, at }) => ({
          workspace_id: r.account.workspaceId,
          account_id: r.account.id,
          direction: 'in',
          kind: 'reply',
          idempotency_key: null,
          touch_id: r.touch.touchId,
          contact_id: r.contactId,
          group_id: r.touch.groupId,
          text,
          at,
        })),
      )
      .execute();
  }
  for (const l of leaves) {
    await db
      .deleteFrom('channel_group_members')
      .where('group_id', '=', l.groupId)
      .where('contact_id', '=', l.contactId)
      .execute();
  }
  for (const [workspaceId, items] of byWorkspace) {
    await ingestEvents(db, workspaceId, items, now, {
      onListenerError: (err) => deps.logger.error({ err }, 'events listener failed'),
    });
  }
}
