// What a community says to a fan (welcome on joining, invitation on promotion): its welcome script
// rendered for each contact, or a plain fallback text when it has none.
import type { RenderedContent } from '../../channels/channel.js';
import { loadScripts, stepContent } from '../../automation/flows/flow-content.js';
import type { Db } from '../../platform/store/database.js';
import type { CommunityTable } from '../ladder/ladder-tables.js';
import '../../audience/audience-tables.js';

const CHUNK = 5_000;

export interface CommunityMessage {
  content: RenderedContent;
  promotion: boolean;
  marketing: boolean;
}

export async function renderCommunityMessages(
  db: Db,
  workspaceId: string,
  community: Pick<CommunityTable, 'welcome_script_id'>,
  contactIds: readonly number[],
  fallback: string,
): Promise<Map<number, CommunityMessage>> {
  const out = new Map<number, CommunityMessage>();
  if (contactIds.length === 0) return out;
  const scriptId = community.welcome_script_id ?? undefined;
  const scripts = await loadScripts(db, workspaceId, scriptId ? [scriptId] : []);
  const step = scripts.has(scriptId ?? '') ? { script: scriptId } : { text: fallback };
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const contacts = await db
      .selectFrom('contacts')
      .select(['id', 'name', 'city'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', contactIds.slice(i, i + CHUNK))
      .execute();
    for (const c of contacts) {
      const message = stepContent(step, scripts, { contact: { name: c.name, city: c.city } });
      if (message) out.set(Number(c.id), message);
    }
  }
  return out;
}
