// The audit log records who changed what, when. Written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { Database } from './store/database.js';
import { newId } from './ids.js';

export interface AuditEntry {
  workspaceId: string | null;
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown> | null;
  at: Date;
}

export async function recordAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud', e.at),
      workspace_id: e.workspaceId,
      actor: e.actor,
      action: e.action,
      target: e.target ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
      at: e.at.toISOString(),
    })
    .execute();
}
