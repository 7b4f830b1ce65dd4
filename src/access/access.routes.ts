import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RouteRegistrar } from '../platform/http/context.js';
import { SESSION_COOKIE } from '../platform/http/create-http-app.js';
import { requireUser, userOnly } from '../platform/http/guards.js';
import { errorResponses, jsonBody, jsonContent } from '../platform/http/schemas.js';
import { listUserWorkspaces } from '../workspaces/list-workspaces.js';
import { login } from './login.js';
import { logout } from './logout.js';

const UserSchema = z.object({ id: z.string(), email: z.string(), name: z.string() }).openapi('User');
const MyWorkspace = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  role: z.string(),
});
const LoginResponse = z.object({ user: UserSchema, csrfToken: z.string() });
const MeResponse = z
  .object({ user: UserSchema, csrfToken: z.string(), workspaces: z.array(MyWorkspace) })
  .openapi('Me');

export const registerAccessRoutes: RouteRegistrar = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['access'],
      summary: 'Log in to the console (sets an httpOnly session cookie)',
      security: [],
      request: {
        body: jsonBody(z.strictObject({ email: z.string().min(1), password: z.string().min(1).max(200) })),
      },
      responses: { 200: jsonContent(LoginResponse, 'Logged in'), ...errorResponses(400, 401, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      let client = 'unknown';
      try {
        client = getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        // in-process requests (tests) have no socket
      }
      const result = await login(deps.store.db, deps.loginLimiter, { ...body, client }, deps.clock.now());
      setCookie(c, SESSION_COOKIE, result.sessionId, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.GUIMI_SECURE_COOKIES,
        path: '/',
        expires: result.expiresAt,
      });
      return c.json(LoginResponse.parse(result), 200);
    },
  );

  app.openapi(
    createRoute({
      ...userOnly(),
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['access'],
      summary: 'End the console session',
      responses: { 204: { description: 'Logged out' }, ...errorResponses(401, 403) },
    }),
    async (c) => {
      const user = requireUser(c);
      await logout(deps.store.db, user.sessionHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      ...userOnly(),
      method: 'get',
      path: '/api/v1/me',
      tags: ['access'],
      summary: 'The logged-in user, the CSRF token and their workspaces',
      responses: { 200: jsonContent(MeResponse, 'Current user'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const user = requireUser(c);
      const workspaces = await listUserWorkspaces(deps.store.db, user.userId);
      return c.json(
        MeResponse.parse({
          user: { id: user.userId, email: user.email, name: user.name },
          csrfToken: user.csrfToken,
          workspaces,
        }),
        200,
      );
    },
  );
};
