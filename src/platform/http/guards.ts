// Route guards: who is calling, and may they act in this workspace. The workspace guard runs as route
// middleware, before input validation, so a caller outside the workspace learns nothing (404) and a
// role without the permission gets 403 whatever it sent.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { Principal } from '../auth/principal.js';
import type { Permission } from '../auth/roles.js';
import { resolveWorkspaceAccess, type WorkspaceAccess } from '../auth/workspace-access.js';
import type { AppDeps, AppEnv, GuimiContext } from './context.js';

export function requirePrincipal(c: GuimiContext): Principal {
  const p = c.get('principal');
  if (!p) throw new AppError('UNAUTHENTICATED', 'log in or send "Authorization: Bearer <API token>"');
  return p;
}

export function requireUser(c: GuimiContext): Extract<Principal, { kind: 'user' }> {
  const p = requirePrincipal(c);
  if (p.kind !== 'user')
    throw new AppError('FORBIDDEN', 'this endpoint is for console users, not API tokens');
  return p;
}

/**
 * Spread into a workspace route's config: resolves the caller's access to `{ws}` with `permission` and
 * documents the permission in the OpenAPI operation (`x-guimi-permission`, read by the access tests).
 */
export function guard(deps: AppDeps, permission: Permission) {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const slug = c.req.param('ws');
    if (!slug) throw new AppError('BAD_REQUEST', 'missing workspace in the path');
    c.set('access', await resolveWorkspaceAccess(deps.store.db, requirePrincipal(c), slug, permission));
    await next();
  };
  return { middleware: middleware as MiddlewareHandler, 'x-guimi-permission': permission };
}

export function accessOf(c: GuimiContext): WorkspaceAccess {
  const access = c.get('access');
  if (!access) throw new Error('route is missing its guard(): no workspace access resolved');
  return access;
}

/** Spread into a console-user route's config: refuses anonymous callers and API tokens before validation. */
export function userOnly() {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    requireUser(c);
    await next();
  };
  return { middleware: middleware as MiddlewareHandler, 'x-guimi-auth': 'user' };
}
