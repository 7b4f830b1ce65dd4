// The composition root: the platform's HTTP app plus every domain's routes, then the console.
import { registerAccessRoutes } from './access/access.routes.js';
import { registerContentRoutes } from './content/content.routes.js';
import { registerKocRoutes } from './koc/koc.routes.js';
import { registerLadderRoutes } from './koc/ladder/ladder.routes.js';
import { registerCommunityRoutes } from './koc/communities/communities.routes.js';
import { registerContactRoutes } from './audience/contacts/contacts.routes.js';
import { registerEventRoutes } from './audience/events/events.routes.js';
import { registerTagRuleRoutes } from './audience/rules/rules.routes.js';
import { registerTagRoutes } from './audience/tags/tags.routes.js';
import { registerImportRoutes } from './audience/import.routes.js';
import { registerSegmentRoutes } from './audience/saved-segments/segments.routes.js';
import { registerTouchRoutes } from './automation/dispatch/touches.routes.js';
import { registerSimulatorRoutes } from './channels/simulator/simulator.routes.js';
import { registerWecomRoutes } from './channels/wecom/wecom.routes.js';
import { registerWechatyRoutes } from './channels/wechaty/wechaty.routes.js';
import { registerAcquisitionRoutes } from './channels/acquisition/acquisition.routes.js';
import { registerAutoReplyRoutes } from './channels/auto-reply/auto-reply.routes.js';
import { registerChannelRoutes } from './channels/channels.routes.js';
import { registerFlowRoutes } from './automation/flows/flows.routes.js';
import { registerFlowRunRoutes } from './automation/flows/flow-runs.routes.js';
import { registerSimulateRoutes } from './automation/simulate/simulate.routes.js';
import type { AppDeps, GuimiApp, RouteRegistrar } from './platform/http/context.js';
import { createHttpApp, publishOpenApi } from './platform/http/create-http-app.js';
import { serveConsole } from './platform/http/console-static.js';
import { registerTeamRoutes } from './workspaces/team.routes.js';
import { registerWorkspaceRoutes } from './workspaces/workspaces.routes.js';

const domainRoutes: RouteRegistrar[] = [
  registerAccessRoutes,
  registerWorkspaceRoutes,
  registerTeamRoutes,
  registerContactRoutes,
  registerTagRoutes,
  registerTagRuleRoutes,
  registerEventRoutes,
  registerSegmentRoutes,
  registerImportRoutes,
  registerContentRoutes,
  registerKocRoutes,
  registerLadderRoutes,
  registerCommunityRoutes,
  registerTouchRoutes,
  registerSimulatorRoutes,
  registerWecomRoutes,
  registerWechatyRoutes,
  registerAcquisitionRoutes,
  registerAutoReplyRoutes,
  registerChannelRoutes,
  registerFlowRoutes,
  registerFlowRunRoutes,
  registerSimulateRoutes,
];

export function buildApp(deps: AppDeps, consoleDir?: string): GuimiApp {
  const app = createHttpApp(deps);
  for (const register of domainRoutes) register(app, deps);
  publishOpenApi(app);
  if (consoleDir) serveConsole(app, consoleDir);
  return app;
}
