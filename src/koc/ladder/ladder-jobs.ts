// The ladder's periodic sweep on the platform scheduler: each run takes one bounded batch per workspace,
// so a big workspace is covered over several runs (the cursor lives in ladder_settings).
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/job.js';
import { sweepLadder } from './sweep-ladder.js';

export function ladderJobs(): JobDefinition[] {
  return [
    defineJob({
      name: 'ladder.sweep',
      payload: z.object({}),
      intervalMs: 10 * 60_000,
      handler: async (_payload, ctx) => {
        const workspaces = await ctx.store.db.selectFrom('workspaces').select('id').execute();
        for (const ws of workspaces) {
          if (ctx.signal.aborted) return;
          const r = await sweepLadder(ctx.store.db, ws.id, {
            now: ctx.clock.now(),
            onListenerError: (err) => ctx.logger.warn({ err }, 'tier_changed listener failed'),
          });
          if (r.promoted + r.demoted > 0)
            ctx.logger.info({ workspaceId: ws.id, promoted: r.promoted, demoted: r.demoted }, 'ladder swept');
        }
      },
    }) as JobDefinition,
  ];
}
