// The dispatcher as a job every worker runs: each round expires dead workers' leases, reconciles unknown
// touches, polls confirmations and dispatches one batch; it goes again at once while there is work.
import { z } from 'zod';
import { defineJob, type JobContext, type JobDefinition } from '../../platform/jobs/job.js';
import { dispatchDeps, type DispatchDeps, type DispatchOptions } from './dispatch-deps.js';
import { dispatchDue } from './dispatch-due.js';
import { pollConfirmations } from './poll-confirmations.js';
import { expireLeases, reconcileUnknown } from './reconcile-unknown.js';

export async function dispatchRound(deps: DispatchDeps) {
  await expireLeases(deps);
  const reconcile = await reconcileUnknown(deps);
  await pollConfirmations(deps);
  const dispatched = await dispatchDue(deps);
  return { reconcile, dispatched };
}

export function dispatchJobs(options: Partial<DispatchOptions> = {}): JobDefinition[] {
  const perContext = new WeakMap<JobContext, DispatchDeps>();
  return [
    defineJob({
      name: 'dispatch.touches',
      payload: z.object({}),
      everyWorker: true,
      intervalMs: 500,
      handler: async (_payload, ctx) => {
        let deps = perContext.get(ctx);
        if (!deps) perContext.set(ctx, (deps = dispatchDeps(ctx, options)));
        const r = await dispatchRound(deps);
        if (r.reconcile.reconciled > 0)
          ctx.logger.info({ reconciled: r.reconcile }, 'unknown touches reconciled');
        return { again: r.dispatched.claimed > 0 && !ctx.signal.aborted };
      },
    }) as JobDefinition,
  ];
}
