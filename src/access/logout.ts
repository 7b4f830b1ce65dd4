import type { Db } from '../platform/store/database.js';

export async function logout(db: Db, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sessionHash).execute();
}
