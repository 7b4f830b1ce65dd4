// What creating and changing a script share: checking the body (syntax, sensitive words) and the
// attachments, and rewriting its attachment links and search terms.
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../platform/store/database.js';
import { type SensitiveHit, assertNotBlocked } from '../sensitive/check-sensitive.js';
import { parseTemplate, templateVariables } from '../template/parse-template.js';
import { documentTerms } from './search-terms.js';

/** Throws TEMPLATE_SYNTAX or SENSITIVE_WORD; returns the variables used and the sensitive warnings. */
export async function checkScriptBody(
  db: Db,
  workspaceId: string,
  body: string,
): Promise<{ variables: string[]; warnings: SensitiveHit[] }> {
  const variables = templateVariables(parseTemplate(body));
  const warnings = await assertNotBlocked(db, workspaceId, body);
  return { variables, warnings };
}

export async function checkAttachments(db: Db, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION', 'attachments: a material is listed twice', { field: 'attachments' });
  }
  const found = await db
    .selectFrom('materials')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  const have = new Set(found.map((r) => r.id));
  const unknown = ids.filter((id) => !have.has(id));
  if (unknown.length) {
    throw new AppError('VALIDATION', `attachments: no material ${unknown.join(', ')} in this workspace`, {
      field: 'attachments',
      unknown,
    });
  }
}

export async function writeAttachments(db: Db, scriptId: string, ids: string[]): Promise<void> {
  await db.deleteFrom('script_materials').where('script_id', '=', scriptId).execute();
  if (ids.length === 0) return;
  await db
    .insertInto('script_materials')
    .values(ids.map((material_id, position) => ({ script_id: scriptId, material_id, position })))
    .execute();
}

export async function writeSearchTerms(
  db: Db,
  workspaceId: string,
  scriptId: string,
  text: { name: string; body: string },
): Promise<void> {
  await db.deleteFrom('script_terms').where('script_id', '=', scriptId).execute();
  const rows = [...documentTerms(`${text.name}\n${text.body}`)].map(([term, hits]) => ({
    script_id: scriptId,
    workspace_id: workspaceId,
    term,
    hits,
  }));
  // 4 parameters a row: stay under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('script_terms')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
}
