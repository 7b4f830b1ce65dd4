// The demo brand's automation, all on a simulator robot account with virtual fans: a welcome flow (friend
// added → welcome script after a minute, a topic the next evening, a reply earns the tag 活跃), a 7-day
// activation flow in the brand's community, and a week of Moments. A few hundred rows: seeding is fast.
import { ingestEvents } from '../audience/events/ingest-events.js';
import { saveFlow } from '../automation/flows/save-flow.js';
import { localParts } from '../automation/guardrails/local-time.js';
import { createSimAccount } from '../channels/simulator/create-sim-account.js';
import type { Db } from '../platform/store/database.js';
import '../audience/audience-tables.js';
import '../channels/channel-tables.js';
import '../content/content-tables.js';

const FRIENDS = 300;
const MEMBERS = 200;
/** Fans who add the robot over the next hours, so the welcome flow has someone to welcome. */
const NEW_FRIENDS = 20;

export async function seedAutomationDemo(ctx: {
  db: Db;
  workspaceId: string;
  timezone: string;
  now: Date;
}): Promise<void> {
  const { db, workspaceId, now } = ctx;
  const c = { actor: 'system:demo', now };
  const at = now.toISOString();
  const robot = await createSimAccount(
    db,
    workspaceId,
    { name: '花漾小助手 (模拟)', settings: { seed: 2026 } },
    c,
  );
  const fans = await db
    .selectFrom('contacts')
    .select(['id', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .limit(FRIENDS)
    .execute();
  if (fans.length > 0) {
    await db
      .insertInto('channel_contacts')
      .values(
        fans.map((f) => ({
          account_id: robot.id,
          contact_id: f.id,
          workspace_id: workspaceId,
          added_at: at,
        })),
      )
      .execute();
  }
  const group = `grp_demo_${robot.id.slice(-8)}`;
  await db
    .insertInto('channel_groups')
    .values({
      id: group,
      workspace_id: workspaceId,
      account_id: robot.id,
      name: '花漾闺蜜群',
      created_at: at,
    })
    .execute();
  const members = fans.slice(0, MEMBERS).map((f) => ({ group_id: group, contact_id: f.id, joined_at: at }));
  if (members.length > 0) await db.insertInto('channel_group_members').values(members).execute();

  const scripts = await db
    .selectFrom('scripts')
    .select(['id', 'purpose'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .execute();
  const script = (purpose: string) => scripts.find((s) => s.purpose === purpose)?.id;
  const say = (purpose: string, text: string) => (script(purpose) ? { script: script(purpose) } : { text });

  await saveFlow(
    db,
    workspaceId,
    {
      name: '新粉欢迎 SOP',
      status: 'active',
      trigger: { type: 'friend_added' },
      account: robot.id,
      steps: [
        {
          id: 'welcome',
          type: 'send',
          at: 'day 0 +1 min',
          ...say('welcome', '{{contact.name | 亲}}你好呀～欢迎来到花漾美妆'),
        },
        { id: 'topic', type: 'send', at: 'day 1 at 20:00', ...say('topic', '今晚聊聊：换季皮肤干怎么办？') },
        {
          id: 'replied',
          type: 'branch',
          at: 'day 2 at 20:00',
          ifEvent: { type: 'message', props: { direction: 'in' }, within: '1d' },
          then: 'active',
          else: 'end',
        },
        { id: 'active', type: 'tag', add: ['活跃'] },
      ],
    },
    c,
  );

  const topics = [
    '晒出你的晨间护肤步骤',
    '敏感肌换季怎么修护？',
    '防晒到底要涂多少？',
    '周末面膜打卡',
    '精华液的正确用法',
    '本周好物投票',
    '一周护肤小结',
  ];
  await saveFlow(
    db,
    workspaceId,
    {
      name: '7 天社群激活',
      status: 'active',
      trigger: { type: 'cron', cron: '0 9 * * 1' },
      account: robot.id,
      steps: topics.map((t, i) => ({
        id: `day${i + 1}`,
        type: 'group',
        group,
        at: `day ${i} at 20:00`,
        text: `【第${i + 1}天】${t}`,
      })),
    },
    c,
  );

  const p = localParts(now, ctx.timezone);
  const day = (i: number) => {
    const d = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  };
  await saveFlow(
    db,
    workspaceId,
    {
      name: '朋友圈日历',
      status: 'active',
      trigger: { type: 'date', at: `${day(0)} 23:59` },
      account: robot.id,
      steps: Array.from({ length: 7 }, (_, i) => ({
        id: `moment${i + 1}`,
        type: 'moment',
        at: `${day(i + 1)} 12:30`,
        ...say('moment', '今日护肤小贴士 🌸'),
      })),
    },
    c,
  );

  // The engine reads events from its cursor on: start it here so these friend requests count.
  const max = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  await db
    .insertInto('flow_cursors')
    .values({ workspace_id: workspaceId, events_seq: Number(max?.m ?? 0), updated_at: at })
    .execute();
  const joining = fans.slice(-NEW_FRIENDS).map((f, i) => ({
    line: i + 1,
    row: {
      id: `demo-friend-${f.id}`,
      contactExternalId: f.external_id,
      type: 'add_friend',
      at: now.getTime() + (i + 1) * 10 * 60_000,
      props: { accountId: robot.id },
    },
  }));
  await ingestEvents(db, workspaceId, joining, now, { onListenerError: () => undefined });
}
