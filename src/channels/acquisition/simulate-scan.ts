// The simulator's 渠道活码: a virtual fan scans a code and sends its token. The scan counts; a friend code
// makes the fan a friend of the code's simulator account (`add_friend` with the state), a group code
// brings the fan into the current group; then the attribution hook runs as for a real channel.
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/log.js';
import type { Store } from '../../platform/store/open-store.js';
import { codeByState } from './code-view.js';
import { emitContactEvents } from './emit-contact-events.js';
import { addChannelContact, ensureFan } from './ensure-fan.js';
import { onContactAcquired, type AcquiredResult } from './on-contact-acquired.js';

export interface SimScanInput {
  token: string;
  fan: { externalId: string; name?: string | undefined };
}

export async function simulateScan(
  deps: { store: Store; clock: Clock; logger: Logger },
  workspaceId: string,
  input: SimScanInput,
): Promise<{ contactId: number; created: boolean; acquired: AcquiredResult | null }> {
  const { db } = deps.store;
  const now = deps.clock.now();
  const code = await codeByState(db, workspaceId, input.token);
  if (!code) throw new AppError('NOT_FOUND', 'no active acquisition code has this token');
  const ids = JSON.parse(code.account_ids) as string[];
  const sim = await db
    .selectFrom('channel_accounts')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '=', 'simulator')
    .orderBy('id')
    .executeTakeFirst();
  if (!sim) throw new AppError('CONFLICT', 'the code has no simulator account', { code: code.id });
  await db
    .updateTable('acquisition_codes')
    .set((eb) => ({ scans: eb('scans', '+', 1) }))
    .where('id', '=', code.id)
    .execute();
  const { contactId, created } = await ensureFan(
    db,
    workspaceId,
    { externalId: input.fan.externalId, name: input.fan.name, source: 'simulator' },
    now,
  );
  if (code.kind === 'friend') {
    await addChannelContact(db, workspaceId, sim.id, contactId, now);
    await emitContactEvents(
      db,
      deps.logger,
      workspaceId,
      [
        {
          id: `sim-acq:${code.id}:${contactId}`,
          contactId,
          type: 'add_friend',
          at: now.getTime(),
          accountId: sim.id,
          props: { state: code.token, scene: code.scene },
        },
      ],
      now,
    );
  }
  const acquired = await onContactAcquired(deps, {
    workspaceId,
    accountId: sim.id,
    contactId,
    state: code.token,
    at: now,
  });
  return { contactId, created, acquired };
}
