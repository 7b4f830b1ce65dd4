// Acquisition on the simulator, end to end through the HTTP API: a fan scans a KOC's channel code → is
// a friend of the robot, attributed to the KOC, tagged, greeted (the welcome touch goes out through the
// dispatcher) and invited into the code's community, which rotates to a new group when full; stats.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, call, seedWorkspace, type TestApp } from '../../../test/support/app.js';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.js';
import { dispatchDeps } from '../../automation/dispatch/dispatch-deps.js';
import { dispatchRound } from '../../automation/dispatch/dispatch-jobs.js';
import { createScript } from '../../content/scripts/create-script.js';
import { createKoc } from '../../koc/roster/create-koc.js';
import { createLogger } from '../../platform/log.js';
import { createSimAccount } from '../simulator/create-sim-account.js';
import { createSimGroup } from '../simulator/create-sim-group.js';

const NO_REACTIONS = { read: 0, click: 0, share: 0, reply: 0, optOut: 0, leaveGroup: 0 };

describe.each(storeKinds())('acquisition codes on $title', ({ name, skip }) => {
  let store: TestStore;
  let t: TestApp;
  let ws: string;
  let token: string;
  let accountId: string;
  let kocId: string;
  let scriptId: string;
  beforeEach(async () => {
    if (skip) return;
    store = await openTestStore(name);
    t = createTestApp(store);
    const seeded = await seedWorkspace(store, 'acq');
    ws = seeded.ws.id;
    token = seeded.tokens.operator;
    const now = t.clock.now();
    accountId = (
      await createSimAccount(
        store.db,
        ws,
        { name: 'robot', settings: { seed: 1, fans: NO_REACTIONS } },
        { actor: 't', now },
      )
    ).id;
    kocId = (
      await createKoc(store.db, ws, { kind: 'guide', name: '小美' }, { actor: 't', now, seesPii: true })
    ).id;
    scriptId = (
      await createScript(
        store.db,
        ws,
        { name: 'hi', purpose: 'welcome', body: '欢迎{{ contact.name | 亲 }}，我是{{ koc.name }}' },
        { actor: 't', now },
      )
    ).script.id;
  });
  afterEach(async () => {
    if (!skip) await store.close();
  });

  const path = (p: string) => `/api/v1/workspaces/acq/acquisition${p}`;
  const scan = async (code: string, externalId: string, fanName: string) => {
    const res = await call(t.app, 'POST', path('/simulator/scan'), token, {
      token: code,
      fan: { externalId, name: fanName },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { contactId: number; acquired: { codeId: string; greeted: boolean } | null };
  };

  it.skipIf(skip)(
    'attributes, tags, greets and invites scanned fans; rotates the community; counts',
    async () => {
      const group = await createSimGroup(store, ws, accountId, { name: '福利群' }, t.clock.now());
      const created = await call(t.app, 'POST', path('/codes'), token, {
        name: '小美优惠码',
        kocId,
        scene: 'coupon',
        accountIds: [accountId],
        greetingScriptId: scriptId,
        autoTags: ['优惠粉'],
        inviteGroupId: group.id,
        groupCapacity: 2,
      });
      expect(created.status).toBe(201);
      const code = (await created.json()) as { id: string; token: string; qrContent: string };
      expect(code.token.length).toBeLessThanOrEqual(30);
      expect(code.token).toMatch(/^acq-coupon-/);

      const fans = [
        await scan(code.token, 'f1', '阿花'),
        await scan(code.token, 'f2', '阿草'),
        await scan(code.token, 'f3', ''),
      ];
      expect(fans.every((f) => f.acquired?.greeted === true)).toBe(true);
      // The same fan again: counted as a scan, not acquired twice.
      expect((await scan(code.token, 'f1', '阿花')).acquired).toBeNull();

      const ids = fans.map((f) => f.contactId);
      const contacts = await store.db
        .selectFrom('contacts')
        .select(['id', 'owner_koc_id'])
        .where('id', 'in', ids)
        .execute();
      expect(contacts.map((c) => c.owner_koc_id)).toEqual([kocId, kocId, kocId]);
      const tagged = await store.db
        .selectFrom('contact_tags')
        .innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
        .select('contact_tags.contact_id')
        .where('tags.name', '=', '优惠粉')
        .execute();
      expect(tagged.map((r) => Number(r.contact_id)).sort()).toEqual([...ids].sort());
      const friends = await store.db
        .selectFrom('channel_contacts')
        .select('contact_id')
        .where('account_id', '=', accountId)
        .execute();
      expect(friends).toHaveLength(3);
      const adds = await store.db
        .selectFrom('events')
        .select('props')
        .where('type', '=', 'add_friend')
        .execute();
      expect(adds).toHaveLength(3);
      expect(JSON.parse(adds[0]!.props)).toMatchObject({ state: code.token, accountId });

      // Capacity 2: the third fan went to a new group of the same account.
      const stats = await call(t.app, 'GET', path(`/codes/${code.id}/stats`), token);
      const s = (await stats.json()) as {
        scans: number;
        adds: number;
        attributed: number;
        groups: { groupId: string; members: number }[];
      };
      expect(s).toMatchObject({ scans: 4, adds: 3, attributed: 3 });
      expect(s.groups.map((g) => g.members)).toEqual([2, 1]);
      expect(s.groups[0]!.groupId).toBe(group.id);
      const joins = await store.db
        .selectFrom('events')
        .select('contact_id')
        .where('type', '=', 'join_group')
        .execute();
      expect(joins).toHaveLength(3);

      // The greetings go out through the dispatcher, rendered for each fan and KOC.
      await dispatchRound(
        dispatchDeps({ store, clock: t.clock, logger: createLogger('silent'), workerId: 'w', redis: null }),
      );
      const sent = await store.db
        .selectFrom('sim_messages')
        .select(['contact_id', 'text', 'kind'])
        .where('direction', '=', 'out')
        .orderBy('contact_id')
        .execute();
      expect(sent.map((m) => m.text)).toEqual([
        '欢迎阿花，我是小美',
        '欢迎阿草，我是小美',
        '欢迎亲，我是小美',
      ]);
      expect(sent.every((m) => m.kind === 'welcome')).toBe(true);

      // Retention: eight days later one fan has deleted the robot.
      await store.db
        .deleteFrom('channel_contacts')
        .where('account_id', '=', accountId)
        .where('contact_id', '=', ids[0]!)
        .execute();
      t.clock.advance(8 * 86_400_000);
      const later = (await (await call(t.app, 'GET', path(`/codes/${code.id}/stats`), token)).json()) as {
        retention: { d7: unknown; d30: unknown };
      };
      expect(later.retention.d7).toEqual({ eligible: 3, retained: 2, rate: 2 / 3 });
      expect(later.retention.d30).toEqual({ eligible: 0, retained: 0, rate: null });

      const png = await call(t.app, 'GET', path(`/codes/${code.id}/qr.png`), token);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      const svg = await call(t.app, 'GET', path(`/codes/${code.id}/qr.svg`), token);
      expect(await svg.text()).toContain('<svg');
    },
  );

  it.skipIf(skip)(
    'a group code fills one group then rotates to the next, or by hand; archived codes attribute nobody',
    async () => {
      const res = await call(t.app, 'POST', path('/codes'), token, {
        name: '活动群',
        scene: 'event',
        kind: 'group',
        accountIds: [accountId],
        groupCapacity: 2,
      });
      const code = (await res.json()) as { id: string; token: string };
      for (const f of ['g1', 'g2', 'g3', 'g4', 'g5']) await scan(code.token, f, f);
      const s = (await (await call(t.app, 'GET', path(`/codes/${code.id}/stats`), token)).json()) as {
        groups: { members: number }[];
        adds: number;
      };
      expect(s.groups.map((g) => g.members)).toEqual([2, 2, 1]);
      expect(s.adds).toBe(5);
      // Rotated by hand: the half-full group is left, the next fan joins the new one.
      const rotated = await call(t.app, 'POST', path(`/codes/${code.id}/rotate`), token);
      expect(rotated.status).toBe(200);
      await scan(code.token, 'g6', 'g6');
      const after = (await (await call(t.app, 'GET', path(`/codes/${code.id}/stats`), token)).json()) as {
        groups: { groupId: string; members: number }[];
      };
      expect(after.groups.map((g) => g.members)).toEqual([2, 2, 1, 1]);
      expect(after.groups.at(-1)!.groupId).toBe(((await rotated.json()) as { groupId: string }).groupId);
      const friendCode = await call(t.app, 'POST', path('/codes'), token, {
        name: '加好友',
        scene: 'coupon',
        accountIds: [accountId],
      });
      const friendId = ((await friendCode.json()) as { id: string }).id;
      expect((await call(t.app, 'POST', path(`/codes/${friendId}/rotate`), token)).status).toBe(409);
      const friends = await store.db.selectFrom('channel_contacts').select('contact_id').execute();
      expect(friends).toHaveLength(0);

      expect((await call(t.app, 'POST', path(`/codes/${code.id}/archive`), token)).status).toBe(200);
      const again = await call(t.app, 'POST', path('/simulator/scan'), token, {
        token: code.token,
        fan: { externalId: 'g7' },
      });
      expect(again.status).toBe(404);
      expect((await call(t.app, 'POST', path(`/codes/${code.id}/rotate`), token)).status).toBe(409);
    },
  );
});
