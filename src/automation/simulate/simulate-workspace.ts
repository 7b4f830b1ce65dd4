// `guimi simulate`: a rehearsal of the workspace's active flows before going live. Runs on a COPY of the
// workspace in a temp SQLite store (see copy-workspace.ts) where every robot account is a simulator
// account, on a virtual clock stepping through N days: advance flows → dispatch due touches through the
// guardrails → simulated fans react (read, reply, click, share, leave, "TD") → their events trigger and
// branch flows. Ticks jump to the next due run or touch, at least a minute and at most an hour apart.
import { channelFor } from '../../channels/registry.js';
import { SimulatorChannel } from '../../channels/simulator/simulator-channel.js';
import { seededRandom } from '../../channels/simulator/fan-behaviour.js';
import { audienceIndexFor } from '../../audience/index/audience-index.js';
import { VirtualClock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import type { Store } from '../../platform/store/open-store.js';
import { dispatchDeps } from '../dispatch/dispatch-deps.js';
import { dispatchRound } from '../dispatch/dispatch-jobs.js';
import { listenForOptOuts } from '../guardrails/record-opt-outs.js';
import { advanceFlows } from '../flows/advance-flows.js';
import { copyWorkspace } from './copy-workspace.js';
import { nextWake, simulationReport, type SimulationReport } from './simulation-report.js';

export interface SimulateOptions {
  days: number;
  seed: number;
  start: Date;
  logger: Logger;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export async function simulateWorkspace(
  store: Store,
  workspaceId: string,
  opts: SimulateOptions,
): Promise<SimulationReport> {
  const sandbox = await copyWorkspace(store, workspaceId, opts.seed, opts.start);
  const sim = sandbox.store;
  const stopOptOuts = listenForOptOuts(sim.db, opts.logger);
  try {
    const clock = new VirtualClock(opts.start);
    const end = opts.start.getTime() + opts.days * 86_400_000;
    const deps = dispatchDeps({ store: sim, clock, logger: opts.logger, workerId: 'simulate', redis: null });
    deps.random = seededRandom(opts.seed);
    const channel = channelFor(deps, 'simulator');
    const holds = new Map<string, string>();
    const startSeq = Number(
      (
        await sim.db
          .selectFrom('events')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );
    let ticks = 0;
    while (clock.now().getTime() < end) {
      ticks++;
      const now = clock.now();
      for (
        let i = 0;
        i < 50 && (await advanceFlows(sim, now, { workspaceId: sandbox.workspaceId })).more;
        i++
      );
      for (let i = 0; i < 50; i++) {
        const r = await dispatchRound(deps);
        if (r.dispatched.held > 0) {
          const held = await sim.db
            .selectFrom('touches')
            .select(['id', 'held_reason'])
            .where('state', '=', 'held')
            .where('updated_at', '=', now.toISOString())
            .execute();
          for (const h of held) holds.set(h.id, h.held_reason ?? 'unknown');
        }
        if (channel instanceof SimulatorChannel) await channel.settle();
        if (r.dispatched.claimed === 0) break;
      }
      const wake = await nextWake(sim.db, sandbox.workspaceId, now);
      const step = Math.min(HOUR, Math.max(MINUTE, (wake ?? Infinity) - now.getTime()));
      clock.set(Math.min(end, now.getTime() + step));
      if (clock.now().getTime() >= end) break;
    }
    return await simulationReport(sim.db, sandbox.workspaceId, {
      ...opts,
      end: new Date(end),
      ticks,
      holds,
      startSeq,
    });
  } finally {
    stopOptOuts();
    await audienceIndexFor(sim).close();
    await sandbox.dispose();
  }
}
