// Evaluates the ladder's rules for the contacts in a scope with set operations on bitmaps (aggregated queries,
// one pass over the events for all the rules, see tier-facts.ts), then writes the changes
// (apply-tier-changes.ts). Semantics:
// - a live contact without a tier is placed on passerby (silently: no event, no history);
// - a contact moves up to the highest non-leader tier whose rule holds (passerby/favorable → iron,
//   passerby → favorable); leader is reached only by an approved application;
// - a favorable or iron contact with no interaction in `inactiveDays`, in its tier at least that long
//   and no longer qualifying for it, drops one tier; a leader is never demoted automatically.
import { RoaringBitmap32, type Bitmap } from '../../audience/segments/bitmap.js';
import type { Db } from '../../platform/store/database.js';
import { applyTierChanges, type TierChange } from './apply-tier-changes.js';
import { loadLadderSettings, type Condition, type LadderSettings, type Tier } from './ladder-settings.js';
import { TierFacts, type Scope } from './tier-facts.js';

const DAY_MS = 86_400_000;

export interface EvaluateOptions {
  now: Date;
  settings?: LadderSettings;
  /** Where a tier_changed listener's failure goes (after commit). */
  onListenerError?: (error: unknown) => void;
}

export interface EvaluateReport {
  evaluated: number;
  placed: number;
  promoted: number;
  demoted: number;
  changes: TierChange[];
}

export async function evaluateTiers(
  db: Db,
  workspaceId: string,
  scope: Scope,
  opts: EvaluateOptions,
): Promise<EvaluateReport> {
  const settings = opts.settings ?? (await loadLadderSettings(db, workspaceId));
  const nowMs = opts.now.getTime();
  const facts = new TierFacts(db, workspaceId, scope, nowMs);
  const { demotion, promotion } = settings;
  const activity: Condition = {
    kind: 'events',
    types: demotion.interactionTypes,
    min: 1,
    withinDays: demotion.inactiveDays,
  };
  facts.preloadEvents([
    ...promotion.favorable.all,
    ...promotion.iron.all,
    ...(demotion.enabled ? [activity] : []),
  ]);
  const [live, current, qualFav, qualIron, active] = await Promise.all([
    facts.live(),
    facts.tiers(nowMs - demotion.inactiveDays * DAY_MS),
    all(facts, promotion.favorable.all),
    all(facts, promotion.iron.all),
    demotion.enabled ? facts.matching(activity) : Promise.resolve(null),
  ]);
  const tier = (t: Tier) => current.byTier.get(t) ?? new RoaringBitmap32();
  const placedAny = RoaringBitmap32.orMany([...current.byTier.values()]);
  const unplaced = RoaringBitmap32.andNot(live, placedAny);
  const passerby = RoaringBitmap32.or(RoaringBitmap32.and(tier('passerby'), live), unplaced);
  const favorable = RoaringBitmap32.and(tier('favorable'), live);
  const iron = RoaringBitmap32.and(tier('iron'), live);

  const changes: TierChange[] = [];
  const add = (ids: Bitmap, from: Tier, to: Tier, rule: string) => {
    for (const contactId of ids) changes.push({ contactId, from, to, rule });
  };
  const ironUp = RoaringBitmap32.and(qualIron, RoaringBitmap32.or(passerby, favorable));
  add(RoaringBitmap32.and(ironUp, passerby), 'passerby', 'iron', 'iron');
  add(RoaringBitmap32.and(ironUp, favorable), 'favorable', 'iron', 'iron');
  add(
    RoaringBitmap32.andNot(RoaringBitmap32.and(qualFav, passerby), qualIron),
    'passerby',
    'favorable',
    'favorable',
  );
  const promoted = changes.length;
  if (active) {
    // Inactive, and long enough in the tier that one quiet spell drops one tier only.
    const quiet = RoaringBitmap32.andNot(RoaringBitmap32.andNot(live, active), current.recent);
    add(
      RoaringBitmap32.andNot(RoaringBitmap32.and(iron, quiet), qualIron),
      'iron',
      'favorable',
      'inactivity',
    );
    const favDown = RoaringBitmap32.andNot(
      RoaringBitmap32.and(favorable, quiet),
      RoaringBitmap32.or(qualFav, qualIron),
    );
    add(favDown, 'favorable', 'passerby', 'inactivity');
  }
  await applyTierChanges(db, workspaceId, changes, unplaced.toArray(), {
    now: opts.now,
    onListenerError: opts.onListenerError ?? (() => undefined),
  });
  return {
    evaluated: live.size,
    placed: unplaced.size,
    promoted,
    demoted: changes.length - promoted,
    changes,
  };
}

/** Contacts for which every condition holds. */
async function all(
  facts: TierFacts,
  conditions: LadderSettings['promotion']['iron']['all'],
): Promise<Bitmap> {
  const sets = await Promise.all(conditions.map((c) => facts.matching(c)));
  return sets.reduce((acc, s) => RoaringBitmap32.and(acc, s));
}
