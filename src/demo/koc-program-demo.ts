// The demo KOC program's activity: a recruitment drive with 40 applicants (some under the bar, five
// approved), three seeding tasks with submissions and reviews, and commission rules (group leaders come
// from the ladder demo's leader applications). Runs through the use-cases, so every rule holds in the
// demo as it does in use.
import { saveCommissionRule } from '../koc/leaders/commission-rules.js';
import { createDrive } from '../koc/recruitment/drives.js';
import { reviewApplications } from '../koc/recruitment/review-applications.js';
import { submitApplication } from '../koc/recruitment/submit-application.js';
import { PLATFORMS } from '../koc/roster/koc-input.js';
import { assignSeedingTask } from '../koc/seeding/assign-seeding-task.js';
import { createSeedingTask } from '../koc/seeding/create-seeding-task.js';
import { reviewSubmission } from '../koc/seeding/review-submission.js';
import { submitSeedingPost } from '../koc/seeding/submit-seeding-post.js';
import type { Db } from '../platform/store/database.js';
import { ACTOR, CITIES, GIVEN, SURNAMES } from './koc-demo.js';

export async function seedRecruitment(
  db: Db,
  workspaceId: string,
  rnd: () => number,
  now: Date,
): Promise<void> {
  const drive = await createDrive(
    db,
    workspaceId,
    {
      name: '2026 秋冬种草官招募',
      kind: 'user',
      rules: {
        minFollowers: 1000,
        leadMinFollowers: 10_000,
        minInteractionRate: 0.03,
        categories: ['beauty', 'skincare'],
      },
    },
    { actor: ACTOR, now },
  );
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const followers = Math.round(200 + 25_000 * rnd() ** 2);
    const reads = Math.round(followers * (0.1 + 0.3 * rnd()));
    const r = await submitApplication(
      db,
      workspaceId,
      drive.id,
      {
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
        phone: `136${String(10_000_000 + i).slice(-8)}`,
        city: CITIES[i % CITIES.length],
        category: i % 5 === 4 ? 'food' : i % 2 ? 'beauty' : 'skincare',
        platform: PLATFORMS[i % 3],
        handle: `applicant_${i}`,
        followers,
        avgReads: reads,
        avgLikes: Math.round(reads * 0.07 * rnd()),
        avgComments: Math.round(reads * 0.015 * rnd()),
      },
      now,
    );
    if (r.eligible) ids.push(r.id);
  }
  await reviewApplications(db, workspaceId, ids.slice(0, 5), 'approve', { actor: ACTOR, now });
}

export async function seedSeeding(
  db: Db,
  workspaceId: string,
  active: string[],
  rnd: () => number,
  now: Date,
): Promise<void> {
  const tasks = [
    ['修护精华 · 秋冬换季种草', '修护精华', 'xiaohongshu'],
    ['氨基酸洁面 · 开箱视频', '氨基酸洁面', 'douyin'],
    ['超品日预热 · 朋友圈', '超品日礼盒', 'wechat_moments'],
  ] as const;
  for (const [n, [title, product, platform]] of tasks.entries()) {
    const task = await createSeedingTask(
      db,
      workspaceId,
      {
        title,
        product,
        platform,
        brief: '真实使用后的感受，带品牌话题，发布后提交链接与截图。',
        dueAt: new Date(now.getTime() + (7 + n * 7) * 86_400_000).toISOString(),
        reward: n === 1 ? { kind: 'money', amount: 80 } : { kind: 'points', amount: 200 },
      },
      { actor: ACTOR, now },
    );
    const chosen = active.slice(n * 20, n * 20 + 20);
    await assignSeedingTask(db, workspaceId, task.id, chosen, now);
    for (const [j, kocId] of chosen.slice(0, 14).entries()) {
      const reads = Math.round(300 + 8_000 * rnd());
      const sub = await submitSeedingPost(
        db,
        workspaceId,
        task.id,
        kocId,
        {
          link: `https://example.com/post/${n}-${j}`,
          reads,
          likes: Math.round(reads * 0.06 * rnd()),
          comments: Math.round(reads * 0.01 * rnd()),
        },
        now,
      );
      if (j < 10) await reviewSubmission(db, workspaceId, sub.id, 'approve', { actor: ACTOR, now });
      else if (j === 10)
        await reviewSubmission(db, workspaceId, sub.id, 'reject', {
          actor: ACTOR,
          reason: '缺少品牌话题',
          now,
        });
    }
  }
}

/** The group leaders' commission: 10% up to ¥10,000 a month then 12%; skincare pays more. */
export async function seedCommissionRules(db: Db, workspaceId: string, now: Date): Promise<void> {
  await saveCommissionRule(
    db,
    workspaceId,
    {
      scope: 'default',
      tiers: [
        { upTo: 10_000, rate: 0.1 },
        { upTo: null, rate: 0.12 },
      ],
    },
    { actor: ACTOR, now },
  );
  await saveCommissionRule(
    db,
    workspaceId,
    {
      scope: 'category',
      scopeValue: 'skincare',
      tiers: [
        { upTo: 10_000, rate: 0.12 },
        { upTo: null, rate: 0.15 },
      ],
    },
    { actor: ACTOR, now },
  );
}
