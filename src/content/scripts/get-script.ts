import type { Db } from '../../platform/store/database.js';
import { findScriptRow, toScripts, type Script } from './script-view.js';

export async function getScript(db: Db, workspaceId: string, id: string): Promise<Script> {
  const [script] = await toScripts(db, [await findScriptRow(db, workspaceId, id)]);
  return script!;
}
