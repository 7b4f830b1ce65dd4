// The demo brand's audience: ~50,000 fans of a skincare/cosmetics brand (mostly women aged 18–35 in big
// cities, as in the seeds), tagged in four groups, with 60 days of interactions that follow daily and
// weekly rhythms. Deterministic for a given seed and clock. The generators are exported so tests and
// benchmarks reuse them as fixtures.
import { ContactBatchWriter } from '../audience/contact-import/contact-batch-writer.js';
import { insertEvents, type EventInsert } from '../audience/events/insert-events.js';
import type { ContactImportRow } from '../audience/import/contact-row.js';
import { newId } from '../platform/ids.js';
import type { Db } from '../platform/store/database.js';
import '../audience/audience-tables.js';

const DAY = 86_400_000;

/** mulberry32: small, fast and good enough for demo data. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from [value, weight] pairs. */
function weighted<T>(random: () => number, pairs: readonly (readonly [T, number])[]): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1]![0];
}

export const DEMO_TAG_GROUPS = {
  人群: ['白领', '学生党', '宝妈', '新锐妈妈', '精致妈妈', '小镇青年'],
  兴趣: ['护肤', '彩妆', '香水', '母婴', '穿搭', '健身', '美食'],
  肤质: ['干皮', '油皮', '混合皮', '敏感肌'],
  来源: ['企业微信', '小红书', '抖音', '门店', '活动'],
} as const;

const CITIES = [
  ['上海', 16],
  ['北京', 14],
  ['广州', 9],
  ['深圳', 10],
  ['杭州', 8],
  ['成都', 7],
  ['南京', 5],
  ['武汉', 5],
  ['重庆', 4],
  ['西安', 3],
  ['苏州', 4],
  ['长沙', 3],
  ['天津', 2],
  ['厦门', 2],
  ['郑州', 2],
  ['青岛', 2],
  ['昆明', 1],
  ['合肥', 1],
  ['佛山', 1],
  ['宁波', 1],
] as const;
const PEOPLE = [
  ['白领', 40],
  ['学生党', 24],
  ['宝妈', 14],
  ['新锐妈妈', 8],
  ['精致妈妈', 6],
  ['小镇青年', 8],
] as const;
const SKIN = [
  ['混合皮', 35],
  ['油皮', 25],
  ['干皮', 22],
  ['敏感肌', 18],
] as const;
const SOURCES = [
  ['企业微信', 38],
  ['小红书', 22],
  ['抖音', 17],
  ['门店', 13],
  ['活动', 10],
] as const;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '婷静敏燕丽娟艳芳玲霞琳雪颖欣怡佳琪涵萱雨梦瑶诗悦晨璐菲露薇蕾楠倩妍洁彤然宁思琦嘉茜';
const NICKNAMES = ['小鹿', 'Coco', '糖糖', 'Mia', '橙子', '阿狸', 'Luna', '布丁', '🌸花花', '七七'];

/** Ages 18–35 carry most of the weight, peaking in the mid-twenties; a tail up to 45. */
function age(random: () => number): number {
  return weighted(random, [
    [18 + Math.floor(random() * 4), 18],
    [22 + Math.floor(random() * 7), 46],
    [29 + Math.floor(random() * 7), 26],
    [36 + Math.floor(random() * 10), 10],
  ]);
}

/** The demo's fans as import rows (external ids `demo_fan_000001`…). */
export function generateDemoFans(
  count: number,
  opts: { seed?: number; currentYear: number },
): ContactImportRow[] {
  const random = seededRandom(opts.seed ?? 20_261_123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const fans: ContactImportRow[] = [];
  for (let i = 1; i <= count; i++) {
    const female = random() < 0.91;
    const surname = pick([...SURNAMES]);
    const name =
      random() < 0.12
        ? pick(NICKNAMES)
        : surname + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : '');
    const people = weighted(random, PEOPLE);
    const source = weighted(random, SOURCES);
    const interests = new Set<string>([random() < 0.8 ? '护肤' : '彩妆']);
    while (random() < 0.55) interests.add(pick(DEMO_TAG_GROUPS.兴趣));
    if (people.includes('妈妈') || people === '宝妈') interests.add('母婴');
    const tags = [people, ...interests, weighted(random, SKIN), source];
    fans.push({
      externalId: `demo_fan_${String(i).padStart(6, '0')}`,
      name,
      phone:
        random() < 0.85
          ? `+861${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`
          : undefined,
      gender: female ? 'female' : random() < 0.9 ? 'male' : 'unknown',
      city: weighted(random, CITIES),
      birthYear: random() < 0.93 ? opts.currentYear - age(random) : undefined,
      source,
      tags,
      attrs: {
        member_level: weighted(random, [
          [1, 50],
          [2, 28],
          [3, 14],
          [4, 6],
          [5, 2],
        ]),
        points: Math.floor(random() * 5000),
      },
    });
  }
  return fans;
}

const EVENT_TYPES = [
  ['view', 30, 'content'],
  ['read', 22, 'content'],
  ['like', 14, 'content'],
  ['comment', 5, 'content'],
  ['share', 5, 'content'],
  ['message', 8, 'community'],
  ['click', 9, 'campaign'],
  ['join_group', 3, 'community'],
  ['order', 4, 'campaign'],
] as const;
/** Relative activity per hour of day (China time): lunch break and the evening scroll. */
const HOURS = [2, 1, 1, 0, 0, 0, 1, 3, 5, 5, 4, 5, 9, 8, 5, 4, 4, 5, 6, 8, 11, 13, 12, 7];

/** Events for the fans (contact ids) over the `days` before `end`; each fan has her own activity level. */
export function generateDemoEvents(
  contactIds: readonly number[],
  opts: { end: number; days?: number; seed?: number },
): EventInsert[] {
  const random = seededRandom(opts.seed ?? 60_601);
  const days = opts.days ?? 60;
  const hours = HOURS.map((w, h) => [h, w] as const);
  const types = EVENT_TYPES.map(([t, w, kind]) => [[t, kind], w] as const);
  const start = Math.floor((opts.end - days * DAY) / DAY) * DAY - 8 * 3_600_000;
  const events: EventInsert[] = [];
  for (const contactId of contactIds) {
    // Most fans are quiet, a few are very active (the future KOCs).
    const n = Math.floor(-Math.log(1 - random()) * 6);
    for (let k = 0; k < n; k++) {
      let day = Math.floor(random() * days);
      if (random() < 0.12) day = days - 16; // a campaign day two weeks ago draws a spike
      const weekday = new Date(start + day * DAY).getUTCDay();
      if ((weekday === 0 || weekday === 6) && random() < 0.2) day = Math.min(days - 1, day + 1);
      const at = start + day * DAY + weighted(random, hours) * 3_600_000 + Math.floor(random() * 3_600_000);
      if (at >= opts.end) continue;
      const [type, kind] = weighted(random, types);
      const props = type === 'order' ? { amount: 79 + Math.floor(random() * 600) } : {};
      events.push({
        eventId: `demo_ev_${contactId}_${k}`,
        contactId,
        type,
        at,
        sourceKind: kind,
        sourceId: kind === 'content' ? `post_${1 + Math.floor(random() * 40)}` : null,
        props: JSON.stringify(props),
      });
    }
  }
  return events;
}

/** Writes the demo audience: tag groups, fans with tags (through the import writer) and events. */
export async function seedAudienceDemo(
  ctx: { db: Db; workspaceId: string; now: Date },
  opts: { fans?: number; days?: number } = {},
): Promise<{ fans: number; events: number }> {
  const { db, workspaceId, now } = ctx;
  const at = now.toISOString();
  for (const [group, names] of Object.entries(DEMO_TAG_GROUPS)) {
    const groupId = newId('tgr', now);
    await db
      .insertInto('tag_groups')
      .values({ id: groupId, workspace_id: workspaceId, name: group, created_at: at })
      .execute();
    const rows = names.map((name) => ({
      id: newId('tag', now),
      workspace_id: workspaceId,
      group_id: groupId,
      name,
      created_at: at,
    }));
    await db
      .insertInto('tags')
      .values(rows)
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
      .execute();
  }
  const fans = generateDemoFans(opts.fans ?? 50_000, { currentYear: now.getUTCFullYear() });
  const writer = new ContactBatchWriter(db, workspaceId, 'import');
  for (let i = 0; i < fans.length; i += 10_000) {
    const batch = fans.slice(i, i + 10_000).map((row, k) => ({ line: i + k + 1, row }));
    const r = await writer.write(batch, now);
    if (r.failures.length > 0) throw new Error(`demo fans refused: ${r.failures[0]!.reason}`);
  }
  const ids = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const events = generateDemoEvents(
    ids.map((r) => r.id),
    { end: now.getTime(), days: opts.days ?? 60 },
  );
  for (let i = 0; i < events.length; i += 20_000) {
    await db.transaction().execute((trx) => insertEvents(trx, workspaceId, events.slice(i, i + 20_000), at));
  }
  return { fans: fans.length, events: events.length };
}
