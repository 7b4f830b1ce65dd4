// A small workspace for flow tests: contacts befriended by a simulator robot account, a community, and
// helpers to ingest events and read touches.
import { ingestEvents } from '../../src/audience/events/ingest-events.js';
import { recordChanges } from '../../src/audience/record-changes.js';
import type { Store } from '../../src/platform/store/open-store.js';
import { seedWorkspace } from './app.js';
import '../../src/channels/channel-tables.js';
import '../../src/automation/dispatch/dispatch-tables.js';

export interface FlowWorkspace {
  ws: { id: string; slug: string; timezone: string };
  tokens: Awaited<ReturnType<typeof seedWorkspace>>['tokens'];
  accountId: string;
  groupId: string;
  /** external id → contact id */
  contacts: Map<string, number>;
}

export async function flowWorkspace(
  store: Store,
  slug: string,
  n = 5,
  now = new Date('2026-11-23T01:00:00Z'),
): Promise<FlowWorkspace> {
  const { ws, tokens } = await seedWorkspace(store, slug, now);
  const at = now.toISOString();
  const accountId = `acc_${slug}`;
  const groupId = `grp_${slug}`;
  await store.db
    .insertInto('channel_accounts')
    .values({
      id: accountId,
      workspace_id: ws.id,
      kind: 'simulator',
      name: 'Robot',
      personal: 0,
      settings: '{}',
      created_at: at,
    })
    .execute();
  await store.db
    .insertInto('channel_groups')
    .values({ id: groupId, workspace_id: ws.id, account_id: accountId, name: '宠粉群', created_at: at })
    .execute();
  const contacts = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    const row = await store.db
      .insertInto('contacts')
      .values({
        workspace_id: ws.id,
        external_id: `c${i}`,
        name: `粉丝${i}`,
        phone: null,
        wechat_id: null,
        wecom_external_userid: null,
        gender: null,
        city: '上海',
        birth_year: null,
        source: null,
        owner_koc_id: null,
        attrs: '{}',
        created_at: at,
        updated_at: at,
        erased_at: null,
        merged_into: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    contacts.set(`c${i}`, id);
    await store.db
      .insertInto('channel_contacts')
      .values({ account_id: accountId, contact_id: id, workspace_id: ws.id, added_at: at })
      .execute();
    await store.db
      .insertInto('channel_group_members')
      .values({ group_id: groupId, contact_id: id, joined_at: at })
      .execute();
  }
  await recordChanges(store.db, ws.id, [...contacts.values()], 'contact', now);
  return { ws, tokens, accountId, groupId, contacts };
}

let eventSeq = 0;

export async function addEvent(
  store: Store,
  workspaceId: string,
  externalId: string,
  type: string,
  at: Date,
  props: Record<string, unknown> = {},
) {
  return ingestEvents(
    store.db,
    workspaceId,
    [
      {
        line: 1,
        row: {
          id: `t${++eventSeq}:${type}`,
          contactExternalId: externalId,
          type,
          at: at.getTime(),
          props,
          source: undefined,
        },
      },
    ],
    at,
    {
      onListenerError: (e) => {
        throw e;
      },
    },
  );
}

export function flowTouches(store: Store, workspaceId: string) {
  return store.db
    .selectFrom('touches')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('idempotency_key')
    .execute();
}
