// The demo brand's fan ladder and communities: fans who accepted seeding tasks (from the most active),
// 30 communities of every type with members (brand groups, tier groups, fans' own groups with their
// group leaders), the ladder evaluated from the demo's events, and three approved leaders (代颜粉): fans
// who are KOCs meeting the group leader requirements, so their approval makes them group leaders (团长).
import { inEventWeeks } from '../audience/events/event-weeks.js';
import { ingestEvents } from '../audience/events/ingest-events.js';
import { createSimAccount } from '../channels/simulator/create-sim-account.js';
import { addCommunityMembers } from '../koc/communities/add-community-members.js';
import { createCommunity } from '../koc/communities/create-community.js';
import { evaluateTiers } from '../koc/ladder/evaluate-tiers.js';
import { applyForLeaderTier } from '../koc/ladder/leader-applications.js';
import { reviewLeaderApplication } from '../koc/ladder/review-leader-application.js';
import { assessLeader } from '../koc/leaders/leader-requirements.js';
import { applyAsLeader } from '../koc/leaders/leaders.js';
import { updateKoc } from '../koc/roster/update-koc.js';
import type { Db } from '../platform/store/database.js';
import '../audience/audience-tables.js';
import '../content/content-tables.js';

const DAY = 86_400_000;
const ACTIVE = 3_000;
type Spec = {
  name: string;
  type: 'seeding' | 'exchange' | 'new_product_test' | 'tier_group' | 'custom';
  size: number;
  tags?: string[];
  tier?: 'favorable' | 'iron' | 'leader';
};

const SPECS: Spec[] = [
  ...['面膜', '精华', '防晒', '口红', '粉底', '眼影', '香水', '身体乳'].map((p, i) => ({
    name: `${p}种草群`,
    type: 'seeding' as const,
    size: 60 + i * 10,
  })),
  ...['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京'].map((c, i) => ({
    name: `${c}美妆交流群`,
    type: 'exchange' as const,
    size: 40 + i * 8,
    tags: i < 4 ? ['品牌'] : [],
  })),
  ...['新品体验官1期', '新品体验官2期', '敏感肌试用', '油皮试用', '彩妆试色', '香氛盲测'].map((n, i) => ({
    name: n,
    type: 'new_product_test' as const,
    size: i === 0 ? 230 : 50,
    tags: ['品牌'],
  })),
  { name: '好感粉福利群', type: 'tier_group', size: 30, tier: 'favorable' },
  { name: '铁粉俱乐部', type: 'tier_group', size: 30, tier: 'iron' },
  { name: '铁粉俱乐部2群', type: 'tier_group', size: 20, tier: 'iron' },
  { name: '代颜粉核心群', type: 'tier_group', size: 0, tier: 'leader' },
  ...[1, 2, 3, 4].map((n) => ({ name: `粉丝自建群${n}`, type: 'custom' as const, size: 25 })),
];

export async function seedLadderDemo(ctx: { db: Db; workspaceId: string; now: Date }): Promise<void> {
  const { db, workspaceId, now } = ctx;
  const c = { actor: 'system:demo', now };
  const since = now.getTime() - 30 * DAY;
  const active = await db
    .selectFrom('events')
    .innerJoin('contacts', 'contacts.id', 'events.contact_id')
    .select((eb) => ['contacts.id', 'contacts.external_id', eb.fn.countAll<number>().as('n')])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.type', 'in', ['like', 'comment', 'share', 'message'])
    .where('events.at', '>', since)
    .groupBy(['contacts.id', 'contacts.external_id'])
    .orderBy('n', 'desc')
    .limit(ACTIVE)
    .execute();
  if (active.length === 0) return;
  // Three in five of the most active fans accepted a seeding task lately.
  const accepted = active.filter((f) => Number(f.id) % 5 < 3);
  await ingestEvents(
    db,
    workspaceId,
    accepted.map((f, i) => ({
      line: i + 1,
      row: {
        id: `demo-seeding-${f.id}`,
        contactExternalId: f.external_id,
        type: 'seeding_accepted',
        at: now.getTime() - (Number(f.id) % 20) * DAY,
        props: {},
      },
    })),
    now,
    { onListenerError: () => undefined },
  );
  const robot = await createSimAccount(
    db,
    workspaceId,
    { name: '花漾社群助手 (模拟)', settings: { seed: 21 } },
    c,
  );
  const welcome = await db
    .selectFrom('scripts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('purpose', '=', 'welcome')
    .executeTakeFirst();
  const ids = active.map((f) => Number(f.id));
  const custom: string[] = [];
  let offset = 0;
  for (const s of SPECS) {
    const community = await createCommunity(
      db,
      workspaceId,
      {
        name: s.name,
        type: s.type,
        tags: s.tags ?? [],
        ownerAccountId: robot.id,
        welcomeScriptId: welcome?.id ?? null,
        tier: s.tier ?? null,
      },
      c,
    );
    if (s.type === 'custom') custom.push(community.id);
    const members = Array.from({ length: s.size }, (_, k) => ids[(offset + k * 7) % ids.length]!);
    offset += s.size;
    if (members.length === 0) continue;
    await addCommunityMembers(db, workspaceId, community.id, { contactIds: members }, { now });
    await addCommunityMembers(
      db,
      workspaceId,
      community.id,
      { contactIds: members.slice(0, 2), role: 'atmosphere' },
      { now },
    );
  }
  await evaluateTiers(db, workspaceId, null, { now });
  // Iron fans who bought lately lead a group of their own, and three are approved as leaders.
  const buyers = await db
    .selectFrom('contact_tiers')
    .innerJoin('events', (j) =>
      j.onRef('events.contact_id', '=', 'contact_tiers.contact_id').on('events.type', '=', 'order'),
    )
    .select('contact_tiers.contact_id')
    .distinct()
    .where('contact_tiers.workspace_id', '=', workspaceId)
    .where('contact_tiers.tier', '=', 'iron')
    .where(inEventWeeks(now.getTime() - 90 * DAY, now.getTime(), 'events'))
    .where('events.at', '>', now.getTime() - 90 * DAY)
    .orderBy('contact_tiers.contact_id')
    .limit(custom.length)
    .execute();
  const kocs = await leaderKocs(db, workspaceId, buyers.length);
  for (const [i, b] of buyers.entries()) {
    const contactId = Number(b.contact_id);
    await addCommunityMembers(
      db,
      workspaceId,
      custom[i]!,
      { contactIds: [contactId], role: 'group_leader' },
      { now },
    );
    // The first fans are the persons behind KOCs: they apply through their KOC.
    const kocId = kocs[i];
    if (kocId) await updateKoc(db, workspaceId, kocId, { contactId }, { ...c, seesPii: true });
    const application = kocId
      ? await applyAsLeader(db, workspaceId, kocId, now)
      : await applyForLeaderTier(db, workspaceId, { contactId, note: '自建闺蜜群，带货能力强' }, now);
    if (i < 3) await reviewLeaderApplication(db, workspaceId, application.id, { approve: true }, c);
  }
}

/** Active KOCs, biggest fan pool first, that meet the group leader requirements. */
async function leaderKocs(db: Db, workspaceId: string, n: number): Promise<string[]> {
  const top = await db
    .selectFrom('contacts')
    .innerJoin('kocs', 'kocs.id', 'contacts.owner_koc_id')
    .select(['kocs.id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contacts.workspace_id', '=', workspaceId)
    .where('kocs.status', '=', 'active')
    .where('kocs.contact_id', 'is', null)
    .groupBy('kocs.id')
    .orderBy('n', 'desc')
    .orderBy('kocs.id')
    .limit(30)
    .execute();
  const out: string[] = [];
  for (const { id } of top) {
    if (out.length === n) break;
    if ((await assessLeader(db, workspaceId, id)).every((v) => v.pass)) out.push(id);
  }
  return out;
}
