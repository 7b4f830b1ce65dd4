// Background work of the WeCom channel on the platform scheduler: every worker drains the callback inbox
// (claims with a lease), then runs a dispatch pass at once so a welcome planned from a callback goes out
// inside WeCom's 20-second WelcomeCode window instead of waiting for the next dispatcher tick. Guimi tag
// changes recorded for WeCom are pushed by one run at a time across workers (`wecom.tags`).
import { z } from 'zod';
import { dispatchDeps, type DispatchDeps } from '../../automation/dispatch/dispatch-deps.js';
import { dispatchDue } from '../../automation/dispatch/dispatch-due.js';
import { defineJob, type JobContext, type JobDefinition } from '../../platform/jobs/job.js';
import { registerChannelFactory } from '../registry.js';
import { processWecomInbox } from './process-wecom-inbox.js';
import { pushWecomTagChanges } from './push-tag-changes.js';
import './record-tag-changes.js';
import { WecomChannel } from './wecom-channel.js';

registerChannelFactory('wecom', (deps) => new WecomChannel(deps));

export function wecomJobs(): JobDefinition[] {
  const perContext = new WeakMap<JobContext, DispatchDeps>();
  return [
    defineJob({
      name: 'wecom.inbox',
      payload: z.object({}),
      everyWorker: true,
      intervalMs: 500,
      handler: async (_payload, ctx) => {
        const r = await processWecomInbox(ctx);
        if (r.done > 0) {
          let deps = perContext.get(ctx);
          if (!deps) perContext.set(ctx, (deps = dispatchDeps(ctx)));
          await dispatchDue(deps);
        }
        return { again: r.claimed > 0 && !ctx.signal.aborted };
      },
    }) as JobDefinition,
    defineJob({
      name: 'wecom.tags',
      payload: z.object({}),
      intervalMs: 2_000,
      handler: async (_payload, ctx) => {
        const r = await pushWecomTagChanges(ctx);
        return { again: r.claimed > 0 && r.retrying === 0 && !ctx.signal.aborted };
      },
    }) as JobDefinition,
  ];
}
