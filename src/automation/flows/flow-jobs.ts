// The engine as a recurring job on the platform scheduler: one pass at a time across all workers, each
// taking bounded batches until the work is done (or the scheduler stops).
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/job.js';
import { advanceFlows } from './advance-flows.js';

const MAX_BATCHES_PER_RUN = 20;

export function flowJobs(): JobDefinition[] {
  return [
    defineJob({
      name: 'flows.advance',
      payload: z.object({}),
      intervalMs: 1000,
      handler: async (_payload, ctx) => {
        for (let i = 0; i < MAX_BATCHES_PER_RUN && !ctx.signal.aborted; i++) {
          const r = await advanceFlows(ctx.store, ctx.clock.now());
          if (!r.more) return;
        }
      },
    }) as JobDefinition,
  ];
}
