// The KOC program's HTTP routes, registered together.
import type { RouteRegistrar } from '../platform/http/context.js';
import { registerLeaderRoutes } from './leaders/leaders.routes.js';
import { registerApplyRoutes } from './recruitment/apply.routes.js';
import { registerDriveRoutes } from './recruitment/drives.routes.js';
import { registerKocRosterRoutes } from './roster/kocs.routes.js';
import { registerMemberKocRoutes } from './roster/member-koc.routes.js';
import { registerMyKocRoutes } from './roster/my-koc.routes.js';
import { registerSeedingRoutes } from './seeding/seeding.routes.js';
import { registerSelectionRoutes } from './selection/selection.routes.js';

export const registerKocRoutes: RouteRegistrar = (app, deps) => {
  for (const register of [
    registerKocRosterRoutes,
    registerMemberKocRoutes,
    registerMyKocRoutes,
    registerDriveRoutes,
    registerApplyRoutes,
    registerSelectionRoutes,
    registerSeedingRoutes,
    registerLeaderRoutes,
  ]) {
    register(app, deps);
  }
};
