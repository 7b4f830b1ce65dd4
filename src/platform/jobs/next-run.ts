// When a recurring job runs next.
import cronParser from 'cron-parser';
import type { JobDefinition } from './job.js';

export function nextRun(def: JobDefinition, after: Date): Date {
  if (def.cron) {
    return cronParser.parseExpression(def.cron, { currentDate: after, utc: true }).next().toDate();
  }
  return new Date(after.getTime() + (def.intervalMs ?? 60_000));
}

export function isRecurring(def: JobDefinition): boolean {
  return !def.everyWorker && (def.cron !== undefined || def.intervalMs !== undefined);
}
