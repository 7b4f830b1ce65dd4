// A script as the API and the other domains see it, and the lookups its use-cases share.
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import type { ScriptTable } from '../content-tables.js';
import '../content-tables.js';

export const SCRIPT_PURPOSES = [
  'greeting',
  'welcome',
  'topic',
  'moment',
  'promotion',
  'objection',
  'after_sales',
] as const;
export type ScriptPurpose = (typeof SCRIPT_PURPOSES)[number];

export const ScriptFields = {
  name: z.string().trim().min(1).max(200),
  purpose: z.enum(SCRIPT_PURPOSES),
  body: z.string().min(1).max(5000),
  promotion: z.boolean(),
  attachments: z.array(z.string().min(1)).max(9),
};

export interface Script {
  id: string;
  name: string;
  purpose: ScriptPurpose;
  body: string;
  promotion: boolean;
  variables: string[];
  attachments: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export async function toScripts(db: Db, rows: ScriptTable[]): Promise<Script[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .selectFrom('script_materials')
        .select(['script_id', 'material_id'])
        .where('script_id', 'in', ids)
        .orderBy('position')
        .execute()
    : [];
  const byScript = new Map<string, string[]>();
  for (const l of links) byScript.set(l.script_id, [...(byScript.get(l.script_id) ?? []), l.material_id]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    purpose: r.purpose as ScriptPurpose,
    body: r.body,
    promotion: r.promotion === 1,
    variables: JSON.parse(r.variables) as string[],
    attachments: byScript.get(r.id) ?? [],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findScriptRow(db: Db, workspaceId: string, id: string): Promise<ScriptTable> {
  const row = await db
    .selectFrom('scripts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `script ${id} not found`, { id });
  return row;
}
