// A workspace's guardrail settings: what the dispatcher checks before every send. Defaults follow the
// platforms' rules and the seeds' advice (quiet nights, WeCom's monthly mass-send cap, slow personal
// WeChat accounts, groups that are not mostly promotion).
import { z } from 'zod';
import type { Db } from '../../platform/store/database.js';
import '../dispatch/dispatch-tables.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24h)');
const pacing = z.strictObject({
  perMinute: z.number().int().min(1),
  perHour: z.number().int().min(1),
});

export const GuardrailSettings = z.strictObject({
  quietHours: z.strictObject({ enabled: z.boolean(), start: hhmm, end: hhmm }),
  contactCaps: z.strictObject({
    perDay: z.number().int().min(1),
    /** null = the number of days in that month (WeCom: one mass message per customer per day). */
    perMonth: z.number().int().min(1).nullable(),
  }),
  accountPacing: z.strictObject({
    enterprise: pacing,
    personal: pacing,
    /** A held touch goes up to this much after its window opens, so robots do not all fire at once. */
    jitterMs: z.number().int().min(0).max(600_000),
  }),
  promotionMix: z.strictObject({
    enabled: z.boolean(),
    maxShare: z.number().min(0).max(1),
    windowDays: z.number().int().min(1).max(90),
  }),
  optOutWords: z.array(z.string().min(1).max(40)).max(100),
});
export type GuardrailSettings = z.infer<typeof GuardrailSettings>;

export const defaultGuardrailSettings: GuardrailSettings = {
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
  contactCaps: { perDay: 3, perMonth: null },
  accountPacing: {
    enterprise: { perMinute: 60, perHour: 1500 },
    personal: { perMinute: 10, perHour: 200 },
    jitterMs: 20_000,
  },
  promotionMix: { enabled: true, maxShare: 1 / 3, windowDays: 7 },
  optOutWords: ['退订', 'TD', 'td', 'unsubscribe'],
};

export async function loadGuardrailSettings(db: Db, workspaceId: string): Promise<GuardrailSettings> {
  const row = await db
    .selectFrom('guardrail_settings')
    .select('settings')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return defaultGuardrailSettings;
  // Stored settings are merged over the defaults so a setting added later has a value.
  const stored = JSON.parse(row.settings) as Partial<GuardrailSettings>;
  return GuardrailSettings.parse({ ...defaultGuardrailSettings, ...stored });
}
