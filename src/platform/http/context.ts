import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Principal } from '../auth/principal.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { WorkspaceAccess } from '../auth/workspace-access.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/open-store.js';

/** What route handlers may use; domains receive it when they register their routes. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  config: Config;
  logger: Logger;
  loginLimiter: RateLimiter;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal | null;
    /** Set by guard() on workspace routes. */
    access: WorkspaceAccess | undefined;
  };
}

export type GuimiApp = OpenAPIHono<AppEnv>;
export type GuimiContext = Context<AppEnv>;
export type RouteRegistrar = (app: GuimiApp, deps: AppDeps) => void;
