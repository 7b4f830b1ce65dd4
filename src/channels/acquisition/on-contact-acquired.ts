// The attribution hook: a fan came in through a code (WeCom callback State, a Wechaty friend request's
// hello text, a simulator scan). Once per (code, fan): attributed to the code's KOC and scene, auto-tagged,
// greeted with the scene's script (a welcome touch through dispatch; WeCom greets through its own
// send_welcome_msg) and, when the code says so, brought into its community.
import { loadScripts, stepContent } from '../../automation/flows/flow-content.js';
import { planTouches } from '../../automation/dispatch/plan-touches.js';
import { ensureTags } from '../../audience/tags/ensure-tags.js';
import { addContactTags } from '../../audience/tags/write-contact-tags.js';
import { attributeFans } from '../../koc/roster/attribute-fans.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import type { Store } from '../../platform/store/open-store.js';
import { codeByState } from './code-view.js';
import { joinCommunity, type JoinResult } from './join-community.js';
import '../../koc/roster/koc-tables.js';

export interface ContactAcquired {
  workspaceId: string;
  accountId: string;
  contactId: number;
  state: string;
  at: Date;
}

export interface AcquiredResult {
  codeId: string;
  kocId: string | null;
  scene: string;
  tagged: string[];
  greeted: boolean;
  community: JoinResult | null;
}

export async function onContactAcquired(
  deps: { store: Store; clock: Clock; logger: Logger },
  e: ContactAcquired,
): Promise<AcquiredResult | null> {
  const { db } = deps.store;
  const code = await codeByState(db, e.workspaceId, e.state);
  if (!code) return null;
  const now = deps.clock.now();
  const fresh = await db
    .insertInto('acquisition_fans')
    .values({
      code_id: code.id,
      contact_id: e.contactId,
      workspace_id: e.workspaceId,
      account_id: e.accountId,
      koc_id: code.koc_id,
      scene: code.scene,
      acquired_at: e.at.toISOString(),
    })
    .onConflict((oc) => oc.columns(['code_id', 'contact_id']).doNothing())
    .executeTakeFirst();
  // The same fan through the same code again (a repeated callback, re-adding): nothing more to do.
  if (Number(fresh.numInsertedOrUpdatedRows ?? 0) === 0) return null;

  if (code.koc_id) {
    try {
      await attributeFans(db, e.workspaceId, code.koc_id, [e.contactId], now);
    } catch (err) {
      deps.logger.warn({ err, code: code.id }, 'acquired fan not attributed to the KOC');
    }
  }
  const tagNames = JSON.parse(code.auto_tags) as string[];
  if (tagNames.length > 0) {
    const ids = await ensureTags(db, e.workspaceId, tagNames, now);
    await db
      .transaction()
      .execute((trx) =>
        addContactTags(trx, e.workspaceId, [e.contactId], [...ids.values()], 'acquisition', now),
      );
  }

  const account = await db
    .selectFrom('channel_accounts')
    .select('kind')
    .where('id', '=', e.accountId)
    .executeTakeFirst();
  let greeted = false;
  if (code.greeting_script_id && account && account.kind !== 'wecom') {
    const scripts = await loadScripts(db, e.workspaceId, [code.greeting_script_id]);
    const people = await db
      .selectFrom('contacts')
      .leftJoin('kocs', 'kocs.id', 'contacts.owner_koc_id')
      .select(['contacts.name', 'contacts.city', 'kocs.name as koc_name'])
      .where('contacts.id', '=', e.contactId)
      .executeTakeFirst();
    const content = stepContent({ script: code.greeting_script_id }, scripts, {
      contact: { name: people?.name, city: people?.city },
      koc: { name: people?.koc_name },
    });
    if (content) {
      const r = await planTouches(
        db,
        [
          {
            workspaceId: e.workspaceId,
            idempotencyKey: `acq:${code.id}:${e.contactId}:welcome`,
            flowId: null,
            flowRunId: null,
            stepId: null,
            kind: 'welcome',
            accountId: e.accountId,
            contactId: e.contactId,
            groupId: null,
            scriptId: code.greeting_script_id,
            content: content.content,
            promotion: content.promotion,
            // A welcome answers the fan's own request: an opt-out does not stop it.
            marketing: false,
            dueAt: now,
          },
        ],
        now,
      );
      greeted = r.planned > 0;
    }
  }
  const community =
    code.kind === 'group' || code.invite_group_id ? await joinCommunity(deps, code, e.contactId, now) : null;
  return { codeId: code.id, kocId: code.koc_id, scene: code.scene, tagged: tagNames, greeted, community };
}
