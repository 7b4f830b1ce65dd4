// Evaluates tiers as events arrive: after each ingestion batch, the contacts whose new events are of a type
// the rules read are re-evaluated (the bounded sweep covers the rest: time passing, tags, settings changes).
import { onEventsIngested } from '../../audience/events/on-events-ingested.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/store/database.js';
import type { Logger } from '../../platform/log.js';
import { evaluateTiers } from './evaluate-tiers.js';
import { loadLadderSettings, ruleEventTypes } from './ladder-settings.js';

/** Registers the listener for this store; returns the function that unregisters it. */
export function listenForLadder(db: Db, clock: Clock, logger: Pick<Logger, 'warn'>): () => void {
  return onEventsIngested(async (events) => {
    const byWorkspace = new Map<string, typeof events>();
    for (const e of events) {
      // Its own events never promote anyone: stops the ladder from re-reading what it just wrote.
      if (e.type === 'tier_changed') continue;
      const list = byWorkspace.get(e.workspaceId) as (typeof events)[number][] | undefined;
      if (list) list.push(e);
      else byWorkspace.set(e.workspaceId, [e]);
    }
    for (const [workspaceId, list] of byWorkspace) {
      const settings = await loadLadderSettings(db, workspaceId);
      const types = ruleEventTypes(settings);
      const ids = [...new Set(list.filter((e) => types.has(e.type)).map((e) => e.contactId))];
      if (ids.length === 0) continue;
      await evaluateTiers(
        db,
        workspaceId,
        { ids },
        {
          now: clock.now(),
          settings,
          onListenerError: (err) => logger.warn({ err }, 'tier_changed listener failed'),
        },
      );
    }
  });
}
