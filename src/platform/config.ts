// Configuration comes from the environment, validated once; a bad variable is named in the error.
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const boolFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.join(' or ')}//`,
  );

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  GUIMI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  // Jobs run at once by `guimi serve`; 0 = only enqueue and schedule (workers are `guimi worker`).
  GUIMI_WORKERS: z.coerce.number().int().min(0).max(64).default(4),
  GUIMI_DEMO: boolFlag.default(true),
  GUIMI_ADMIN_EMAIL: z.email().optional(),
  GUIMI_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  GUIMI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GUIMI_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  // 8 MiB fits a 10,000-event batch; files go through the upload limit.
  GUIMI_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1_048_576),
  GUIMI_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1_048_576),
  GUIMI_SECURE_COOKIES: boolFlag.default(false),
  // Encrypts channel credentials at rest: 32 bytes as 64 hex chars or base64 (generated when absent).
  GUIMI_SECRET_KEY: z.string().min(1).optional(),
});

export type Config = Omit<z.infer<typeof schema>, 'GUIMI_DATA_DIR'> & { GUIMI_DATA_DIR: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return {
        variable: name,
        value: name.includes('PASSWORD') || name.includes('SECRET') ? '(hidden)' : env[name],
        problem: i.message,
      };
    });
    const text = problems.map((p) => `${p.variable}=${JSON.stringify(p.value)}: ${p.problem}`).join('; ');
    throw new AppError('CONFIG', `invalid environment variable ${text}`, { problems });
  }
  return { ...parsed.data, GUIMI_DATA_DIR: resolve(parsed.data.GUIMI_DATA_DIR) };
}
