// Input parsed inside a use-case or handler (not by the route's validator) fails the same way the
// routes do: VALIDATION with each issue's path, never an internal error.
import type { z } from 'zod';
import { AppError } from '../platform/errors.js';

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, target: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: [target, ...i.path].join('.'), message: i.message }));
  throw new AppError(
    'VALIDATION',
    `invalid ${target}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    {
      issues,
    },
  );
}
