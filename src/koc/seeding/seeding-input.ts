// Input shapes of seeding tasks (种草任务) and KOC submissions.
import { z } from 'zod';
import { PLATFORMS } from '../roster/koc-input.js';

const count = z.number().int().min(0).max(1_000_000_000);

export const NewSeedingTaskInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  product: z.string().trim().min(1).max(200),
  platform: z.enum(PLATFORMS),
  dueAt: z.iso.datetime({ offset: true }),
  brief: z.string().trim().min(1).max(5000),
  materialIds: z.array(z.string().min(1).max(100)).max(50).default([]),
  reward: z.strictObject({ kind: z.enum(['points', 'money']), amount: z.number().min(0).max(1_000_000) }),
});
export type NewSeedingTaskInput = z.input<typeof NewSeedingTaskInput>;

export const SubmissionInput = z.strictObject({
  link: z.url({ protocol: /^https?$/ }).max(2000),
  screenshotMaterialId: z.string().min(1).max(100).nullish(),
  reads: count,
  likes: count,
  comments: count,
});
export type SubmissionInput = z.input<typeof SubmissionInput>;

export const ReviewInput = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).optional(),
});
