// Two KOCs of one workspace with their own fans and communities, for the koc role's access tests: A runs a
// community from its staff account and leads another through its own contact; B runs one of its own. Every
// community also holds the other KOC's fan, so a member list shows whether it is narrowed.
import { expect } from 'vitest';
import type { Store } from '../../src/platform/store/open-store.js';
import { call, type TestApp } from './app.js';

export interface KocSide {
  kocId: string;
  kocName: string;
  fans: { id: number; name: string; externalId: string }[];
  communities: { id: string; name: string }[];
}

export async function seedTwoKocs(store: Store, t: TestApp, ws: { id: string; slug: string }, owner: string) {
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await call(t.app, method, `/api/v1/workspaces/${ws.slug}${path}`, owner, body);
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const at = t.clock.now().toISOString();
  for (const id of ['acc-koc-a', 'acc-koc-b', 'acc-shared']) {
    await store.db
      .insertInto('channel_accounts')
      .values({
        id,
        workspace_id: ws.id,
        kind: 'simulator',
        name: id,
        personal: 0,
        settings: '{}',
        created_at: at,
      })
      .execute();
  }
  const contact = async (name: string) =>
    (await api<{ id: number }>('POST', '/contacts', { externalId: `ext-${name}`, name, city: '上海' })).id;
  const side = async (key: 'A' | 'B', leaderContact: number | null): Promise<KocSide> => {
    const kocName = `KOC-${key}-only`;
    const koc = await api<{ id: string }>('POST', '/kocs', {
      kind: 'employee',
      name: kocName,
      accountId: `acc-koc-${key.toLowerCase()}`,
      contactId: leaderContact,
    });
    const fans = [];
    for (let i = 1; i <= 3; i++) {
      const name = `fan-of-${key}-${i}`;
      fans.push({ id: await contact(name), name, externalId: `ext-${name}` });
    }
    await api('POST', `/kocs/${koc.id}/fans`, { contactIds: fans.map((f) => f.id) });
    return { kocId: koc.id, kocName, fans, communities: [] };
  };
  const aSelf = await contact('self-of-KOC-A');
  const a = await side('A', aSelf);
  const b = await side('B', null);
  const community = async (owner: KocSide, name: string, account: string, leader?: number) => {
    const c = await api<{ id: string }>('POST', '/communities', {
      name,
      type: 'custom',
      ownerAccountId: account,
    });
    await api('POST', `/communities/${c.id}/members`, { contactIds: [a.fans[0]!.id, b.fans[0]!.id] });
    if (leader)
      await api('POST', `/communities/${c.id}/members`, { contactIds: [leader], role: 'group_leader' });
    owner.communities.push({ id: c.id, name });
  };
  await community(a, 'community-run-by-A', 'acc-koc-a');
  await community(a, 'community-led-by-A', 'acc-shared', aSelf);
  await community(b, 'community-run-by-B', 'acc-koc-b');
  await api('POST', '/segments', { name: 'shanghai', expression: 'city = 上海' });
  return { a, b };
}
