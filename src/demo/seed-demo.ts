// The demo workspace: a cosmetics brand like the seeds' (a DTC skincare brand selling to 18–35-year-old
// women in big cities). Each domain adds its own demo data through a factory listed here.
import { seedContentDemo } from '../content/demo/content-demo.js';
import { seedAudienceDemo } from './audience-demo.js';
import { seedKocDemo } from './koc-demo.js';
import { seedLadderDemo } from './ladder-demo.js';
import { seedAutomationDemo } from './automation-demo.js';
import { recordAudit } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/store/database.js';
import { createWorkspace } from '../workspaces/create-workspace.js';
import type { Workspace } from '../workspaces/workspace.js';

export const DEMO_SLUG = 'demo';

export interface DemoContext {
  db: Db;
  workspace: Workspace;
  clock: Clock;
  /** GUIMI_DATA_DIR: where material files are stored. */
  dataDir: string;
}

/** Domain seed factories, run in order on a fresh demo workspace. Later issues append theirs. */
const demoFactories: { name: string; seed(ctx: DemoContext): Promise<void> }[] = [
  {
    name: 'content',
    seed: (ctx) => seedContentDemo({ ...ctx, workspaceId: ctx.workspace.id }),
  },
  {
    name: 'audience',
    seed: async (ctx) =>
      void (await seedAudienceDemo({ db: ctx.db, workspaceId: ctx.workspace.id, now: ctx.clock.now() })),
  },
  {
    // After the audience: it gives the KOCs their fans.
    name: 'koc',
    seed: async (ctx) =>
      void (await seedKocDemo({ db: ctx.db, workspaceId: ctx.workspace.id, now: ctx.clock.now() })),
  },
  {
    // After the audience (its events drive the ladder) and the content (the welcome script).
    name: 'ladder',
    seed: (ctx) => seedLadderDemo({ db: ctx.db, workspaceId: ctx.workspace.id, now: ctx.clock.now() }),
  },
  {
    name: 'automation',
    seed: (ctx) =>
      seedAutomationDemo({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        timezone: ctx.workspace.timezone,
        now: ctx.clock.now(),
      }),
  },
];

/** Creates the demo workspace when the store has no workspace yet; returns it, or null when skipped. */
export async function seedDemo(
  db: Db,
  opts: { ownerUserId: string; timezone: string; clock: Clock; dataDir: string },
): Promise<Workspace | null> {
  const any = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const workspace = await createWorkspace(
    db,
    { slug: DEMO_SLUG, name: '花漾美妆 Bloom Beauty (demo)', timezone: opts.timezone },
    {
      actor: 'system:demo',
      ownerUserId: opts.ownerUserId,
      defaultTimezone: opts.timezone,
      now: opts.clock.now(),
    },
  );
  for (const f of demoFactories) await f.seed({ db, workspace, clock: opts.clock, dataDir: opts.dataDir });
  await recordAudit(db, {
    workspaceId: workspace.id,
    actor: 'system:demo',
    action: 'demo.seed',
    details: { factories: demoFactories.map((f) => f.name) },
    at: opts.clock.now(),
  });
  return workspace;
}
