// The composition root of background work: every domain's job definitions (one line each), run by
// `guimi serve` and `guimi worker` through src/platform/jobs.
import { dispatchJobs } from './automation/dispatch/dispatch-jobs.js';
import type { DispatchOptions } from './automation/dispatch/dispatch-deps.js';
import { flowJobs } from './automation/flows/flow-jobs.js';
import { ladderJobs } from './koc/ladder/ladder-jobs.js';
import type { JobDefinition } from './platform/jobs/job.js';
import { wecomJobs } from './channels/wecom/wecom-jobs.js';

export function jobDefinitions(options: { dispatch?: Partial<DispatchOptions> } = {}): JobDefinition[] {
  return [...dispatchJobs(options.dispatch), ...flowJobs(), ...ladderJobs(), ...wecomJobs()];
}
