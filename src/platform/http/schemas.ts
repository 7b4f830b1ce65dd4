// Schemas shared by every route: the error body, pagination, the workspace path parameter.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION' }),
      message: z.string(),
      details: z.unknown(),
    }),
  })
  .openapi('Error');

export const WorkspaceParam = z.object({
  ws: z
    .string()
    .min(1)
    .openapi({ param: { name: 'ws', in: 'path' }, example: 'demo', description: 'workspace slug' }),
});

export const PageQuery = z.object({
  cursor: z.string().optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Standard error responses, so every route documents them. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input',
    401: 'Not authenticated',
    403: 'Not allowed for this role, or missing CSRF token',
    404: 'Not found (or not in your workspace)',
    409: 'Conflict',
    413: 'Request too large',
    415: 'Unsupported content type',
    429: 'Rate limited',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s]!, content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
