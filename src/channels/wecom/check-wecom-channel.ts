// Verifies a connection's real credentials: a fresh access token (gettoken), then cheap reads that
// need the customer-contact permission (get_follow_user_list, list for the first staff member).
import { clientFor, workspaceConnection, type WecomEnv } from './wecom-connection.js';

export interface CheckLine {
  check: string;
  ok: boolean;
  detail: string;
}

export async function checkWecomChannel(
  env: WecomEnv,
  workspaceId: string,
): Promise<{ ok: boolean; checks: CheckLine[] }> {
  const conn = await workspaceConnection(env, workspaceId);
  const client = clientFor(env, conn);
  const checks: CheckLine[] = [];
  const attempt = async (check: string, run: () => Promise<string>) => {
    try {
      checks.push({ check, ok: true, detail: await run() });
      return true;
    } catch (e) {
      checks.push({ check, ok: false, detail: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  let staff: string[] = [];
  if (
    await attempt('gettoken', async () =>
      (await client.accessToken(true)) ? `access token for corp ${conn.corpId}` : '',
    )
  )
    await attempt('get_follow_user_list', async () => {
      staff =
        (await client.get<{ follow_user?: string[] }>('/cgi-bin/externalcontact/get_follow_user_list'))
          .follow_user ?? [];
      return `${staff.length} staff members with customer contact`;
    });
  if (staff[0])
    await attempt('list', async () => {
      const r = await client.get<{ external_userid?: string[] }>('/cgi-bin/externalcontact/list', {
        userid: staff[0]!,
      });
      return `${r.external_userid?.length ?? 0} customers of ${staff[0]}`;
    });
  return { ok: checks.every((c) => c.ok), checks };
}
