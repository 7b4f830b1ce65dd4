import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../api.js';
import { useLang, useT } from '../i18n/index.js';
import { useSession } from '../session.js';
import { ROLES, type ItemList, type Me, type Member, type Role, type Workspace } from '../types.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { formatTime } from '../ui/format.js';
import { useApiData } from '../ui/use-api-data.js';
import { AddMemberForm } from './add-member-form.js';

/** Owner only (the server's `manage` permission): list, add, re-role and remove members. */
export function MembersPanel({ me, workspace }: { me: Me; workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const { refresh } = useSession();
  const list = useApiData<ItemList<Member>>(wsPath(workspace.slug, 'members'));
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (member: Member, run: () => Promise<unknown>) => {
    setBusyId(String(member.userId));
    setActionError(null);
    try {
      await run();
      list.reload();
      // Changing or removing oneself changes what this session may do here.
      if (String(member.userId) === String(me.user.id)) await refresh();
    } catch (e) {
      setActionError(toApiError(e));
    } finally {
      setBusyId(null);
    }
  };
  const changeRole = (m: Member, role: Role) =>
    act(m, () => api.patch(wsPath(workspace.slug, 'members', m.userId), { role }));
  const remove = (m: Member) => act(m, () => api.del(wsPath(workspace.slug, 'members', m.userId)));

  const items = list.data?.items ?? [];
  return (
    <div className="stack" data-testid="members-panel">
      <AddMemberForm slug={workspace.slug} onAdded={list.reload} />
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <ErrorBanner error={actionError} />
        <div className="table-wrap">
          <table className="table" data-testid="members-table">
            <thead>
              <tr>
                <th>{t('members.email')}</th>
                <th>{t('members.name')}</th>
                <th>{t('members.role')}</th>
                <th>{t('members.joined')}</th>
                <th className="col-actions">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => {
                const self = String(m.userId) === String(me.user.id);
                const busy = busyId === String(m.userId);
                return (
                  <tr key={String(m.userId)} data-testid="member-row" data-email={m.email}>
                    <td>
                      {m.email}
                      {self && <span className="badge badge-muted">{t('members.you')}</span>}
                    </td>
                    <td>{m.name || t('common.none')}</td>
                    <td>
                      <select
                        value={m.role}
                        disabled={busy}
                        aria-label={t('members.role')}
                        onChange={(e) => void changeRole(m, e.target.value as Role)}
                        data-testid="member-role"
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="nowrap">{formatTime(m.createdAt, lang, workspace.timezone)}</td>
                    <td className="col-actions">
                      <ConfirmButton
                        label={t('members.remove')}
                        confirmLabel={t('members.confirmRemove')}
                        disabled={busy}
                        onConfirm={() => void remove(m)}
                        testId="member-remove"
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {list.loading && <p className="muted card-note">{t('common.loading')}</p>}
        {!list.loading && !list.error && items.length === 0 && (
          <p className="muted card-note">{t('members.empty')}</p>
        )}
      </div>
    </div>
  );
}
