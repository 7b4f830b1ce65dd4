// The demo KOC roster: ~300 KOCs of all three kinds with social accounts and overlapping fan pools
// (owner_koc_id on the audience demo's contacts, which must exist first, plus imported social
// followers), bulk-inserted to stay fast; then the program's activity (koc-program-demo.ts).
import { recordChanges } from '../audience/record-changes.js';
import { seedCommissionRules, seedRecruitment, seedSeeding } from './koc-program-demo.js';
import { newId } from '../platform/ids.js';
import type { Db } from '../platform/store/database.js';
import { PLATFORMS } from '../koc/roster/koc-input.js';

export const ACTOR = 'system:demo';
const CATEGORIES = ['beauty', 'skincare', 'food', 'parenting', 'fashion', 'fitness'];
export const CITIES = ['上海', '北京', '杭州', '广州', '深圳', '成都', '南京', '武汉'];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '林', '徐'];
export const GIVEN = ['小美', '晓雨', '佳佳', '思思', '婷婷', '悦悦', '可可', '安安', '琳琳', '朵朵'];
const CHUNK = 2_000;

/** A small seeded generator: the demo is the same every time. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertChunked<
  T extends 'kocs' | 'koc_social_accounts' | 'koc_status_changes' | 'koc_social_followers',
>(db: Db, table: T, rows: Parameters<ReturnType<Db['insertInto']>['values']>[0][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

export async function seedKocDemo(
  ctx: { db: Db; workspaceId: string; now: Date },
  opts: { kocs?: number } = {},
): Promise<{ kocs: number; fans: number }> {
  const { db, workspaceId, now } = ctx;
  const rnd = random(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const at = now.toISOString();
  const total = opts.kocs ?? 300;
  const kinds = (i: number) => (i < total * 0.15 ? 'employee' : i < total * 0.35 ? 'guide' : 'user');
  const kocs = Array.from({ length: total }, (_, i) => ({
    id: newId('koc', now),
    workspace_id: workspaceId,
    kind: kinds(i),
    name: `${pick(SURNAMES)}${pick(GIVEN)}`,
    phone: `+86137${String(10_000_000 + i).slice(-8)}`,
    contact_id: null,
    account_id: null,
    status: i % 25 === 24 ? 'paused' : 'active',
    category: pick(CATEGORIES),
    city: pick(CITIES),
    created_at: at,
    updated_at: at,
  }));
  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'kocs', kocs);
    await insertChunked(
      trx,
      'koc_status_changes',
      kocs.map((k) => ({
        id: newId('kst', now),
        workspace_id: workspaceId,
        koc_id: k.id,
        from_status: null,
        to_status: k.status,
        actor: ACTOR,
        reason: null,
        at,
      })),
    );
    const socials = kocs.flatMap((k, i) =>
      Array.from({ length: 1 + (i % 3 === 0 ? 1 : 0) }, (_, j) => {
        // A long tail of followers: most KOCs have a few thousand, a few tens of thousands.
        const followers = Math.round(300 + 60_000 * rnd() ** 4);
        const reads = Math.round(followers * (0.05 + 0.4 * rnd()));
        return {
          id: newId('ksa', now),
          workspace_id: workspaceId,
          koc_id: k.id,
          platform: PLATFORMS[(i + j) % 5]!,
          handle: `${k.kind}_${i}_${j}`,
          followers,
          avg_reads: reads,
          avg_likes: Math.round(reads * 0.08 * rnd()),
          avg_comments: Math.round(reads * 0.02 * rnd()),
          category: k.category,
          city: k.city,
        };
      }),
    );
    await insertChunked(trx, 'koc_social_accounts', socials);
  });
  const fans = await attributeDemoFans(
    db,
    workspaceId,
    kocs.map((k) => k.id),
    rnd,
    now,
  );
  await seedRecruitment(db, workspaceId, rnd, now);
  await seedSeeding(
    db,
    workspaceId,
    kocs.filter((k) => k.status === 'active').map((k) => k.id),
    rnd,
    now,
  );
  await seedCommissionRules(db, workspaceId, now);
  return { kocs: total, fans };
}

/** Six in ten contacts join a KOC's pool, skewed towards the first KOCs; a third also follow another. */
async function attributeDemoFans(
  db: Db,
  workspaceId: string,
  kocIds: string[],
  rnd: () => number,
  now: Date,
): Promise<number> {
  const contacts = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('erased_at', 'is', null)
    .execute();
  const pools = new Map<string, number[]>();
  const social: { workspace_id: string; koc_id: string; contact_id: number }[] = [];
  const skewed = () => kocIds[Math.floor(kocIds.length * rnd() ** 2)]!;
  for (const { id } of contacts) {
    if (rnd() > 0.6) continue;
    const owner = skewed();
    const pool = pools.get(owner);
    if (pool) pool.push(id);
    else pools.set(owner, [id]);
    if (rnd() < 0.33) {
      const other = skewed();
      if (other !== owner) social.push({ workspace_id: workspaceId, koc_id: other, contact_id: id });
    }
  }
  const seen = new Set<string>();
  const uniqueSocial = social.filter(
    (s) => !seen.has(`${s.koc_id}:${s.contact_id}`) && seen.add(`${s.koc_id}:${s.contact_id}`),
  );
  await db.transaction().execute(async (trx) => {
    for (const [kocId, ids] of pools) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        await trx
          .updateTable('contacts')
          .set({ owner_koc_id: kocId })
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', ids.slice(i, i + CHUNK))
          .execute();
      }
    }
    await recordChanges(trx, workspaceId, [...pools.values()].flat(), 'contact', now);
    await insertChunked(trx, 'koc_social_followers', uniqueSocial);
  });
  return [...pools.values()].reduce((s, p) => s + p.length, 0);
}
