// Opt-out words in a fan's inbound message ("退订", "TD", "unsubscribe"…) stop marketing touches for that
// contact: listens to ingested `message` events and records an `opt_outs` row (checked at dispatch).
import { onEventsIngested, type IngestedEvent } from '../../audience/events/on-events-ingested.js';
import type { Db } from '../../platform/store/database.js';
import type { Logger } from '../../platform/log.js';
import { loadGuardrailSettings } from './guardrail-settings.js';

/** Does this message text opt out? Short Latin words must be the whole message ("TD"), others may be inside. */
export function optOutWord(text: string, words: readonly string[]): string | null {
  const t = text.trim();
  for (const w of words) {
    if (t === w) return w;
    const latin = /^[A-Za-z]+$/.test(w);
    if (latin && w.length > 3 && t.toLowerCase().includes(w.toLowerCase())) return w;
    if (!latin && t.includes(w)) return w;
  }
  return null;
}

export async function recordOptOuts(db: Db, events: readonly IngestedEvent[]): Promise<number> {
  const inbound = events.filter(
    (e) => e.type === 'message' && typeof e.props.text === 'string' && e.props.direction !== 'out',
  );
  if (inbound.length === 0) return 0;
  const words = new Map<string, readonly string[]>();
  let recorded = 0;
  for (const e of inbound) {
    let list = words.get(e.workspaceId);
    if (!list)
      words.set(e.workspaceId, (list = (await loadGuardrailSettings(db, e.workspaceId)).optOutWords));
    const word = optOutWord(e.props.text as string, list);
    if (!word) continue;
    const r = await db
      .insertInto('opt_outs')
      .values({
        workspace_id: e.workspaceId,
        contact_id: e.contactId,
        word,
        at: new Date(e.at).toISOString(),
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'contact_id']).doNothing())
      .executeTakeFirst();
    recorded += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return recorded;
}

/** Registers the listener for this store; returns the function that unregisters it. */
export function listenForOptOuts(db: Db, logger: Logger): () => void {
  return onEventsIngested(async (events) => {
    const n = await recordOptOuts(db, events);
    if (n > 0) logger.info({ optOuts: n }, 'contacts opted out of marketing');
  });
}
