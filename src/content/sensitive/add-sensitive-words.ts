// Adds words to the workspace's list, or changes the level of words already there.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../platform/store/database.js';
import { forgetSensitiveMatcher, SENSITIVE_LEVELS } from './sensitive-matcher.js';
import { toSensitiveWord, type SensitiveWord } from './list-sensitive-words.js';

export const SensitiveWordsInput = z.strictObject({
  words: z
    .array(z.strictObject({ word: z.string().trim().min(1).max(100), level: z.enum(SENSITIVE_LEVELS) }))
    .min(1)
    .max(5000),
});
export type SensitiveWordsInput = z.infer<typeof SensitiveWordsInput>;

export async function addSensitiveWords(
  db: Db,
  workspaceId: string,
  input: SensitiveWordsInput,
  ctx: { actor: string; now: Date },
): Promise<SensitiveWord[]> {
  const { words } = SensitiveWordsInput.parse(input);
  const byWord = new Map(words.map((w) => [w.word, w.level]));
  const at = ctx.now.toISOString();
  const rows = [...byWord].map(([word, level]) => ({
    id: newId('sw', ctx.now),
    workspace_id: workspaceId,
    word,
    level,
    created_at: at,
    updated_at: at,
  }));
  const saved = await db.transaction().execute(async (trx) => {
    // 6 parameters a row: stay well under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('sensitive_words')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'word']).doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      workspaceId,
      actor: ctx.actor,
      action: 'sensitive_words.add',
      details: { count: rows.length },
      at: ctx.now,
    });
    return trx
      .selectFrom('sensitive_words')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('word', 'in', [...byWord.keys()])
      .orderBy('word')
      .execute();
  });
  forgetSensitiveMatcher(workspaceId);
  return saved.map(toSensitiveWord);
}
