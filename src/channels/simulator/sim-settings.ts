// A simulator account's settings: its PRNG seed, how often sends fail, and how its virtual fans behave.
import { z } from 'zod';

const p = z.number().min(0).max(1);

export const SimSettings = z.strictObject({
  seed: z.number().int().default(1),
  /** Share of sends that fail transiently (retried with backoff). */
  failureRate: p.default(0),
  fans: z
    .strictObject({
      read: p.default(0.6),
      click: p.default(0.12),
      share: p.default(0.03),
      reply: p.default(0.08),
      /** Of the replies, the share that is an opt-out ("TD"). */
      optOut: p.default(0.1),
      /** Group touches: chance that a member leaves the group. */
      leaveGroup: p.default(0.01),
    })
    .prefault({}),
});
export type SimSettings = z.infer<typeof SimSettings>;

export function parseSimSettings(text: string): SimSettings {
  return SimSettings.parse(JSON.parse(text || '{}'));
}
