// The content libraries' HTTP routes: materials and their folders, scripts, sensitive words.
import type { RouteRegistrar } from '../platform/http/context.js';
import { registerFolderRoutes } from './folders/folders.routes.js';
import { registerMaterialRoutes } from './materials/materials.routes.js';
import { registerScriptRoutes } from './scripts/scripts.routes.js';
import { registerSensitiveRoutes } from './sensitive/sensitive.routes.js';

export const registerContentRoutes: RouteRegistrar = (app, deps) => {
  registerFolderRoutes(app, deps);
  registerMaterialRoutes(app, deps);
  registerScriptRoutes(app, deps);
  registerSensitiveRoutes(app, deps);
};
