// Keyword auto-replies (关键词回复): rules per account (or every account) answering with a script from the
// library, tried by priority; create, edit, delete, and try a message to see which rule would answer.
import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { AutoReplyRule, ChannelAccounts, ScriptRef } from '../types.js';
import { RuleForm } from './rule-form.js';
import { TestMessage } from './test-message.js';

export function AutoReplyPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const write = canWrite(workspace.role);
  const rules = useApiData<{ items: AutoReplyRule[] }>(wsPath(slug, 'auto-replies'));
  const accounts = useApiData<ChannelAccounts>(wsPath(slug, 'channels', 'accounts'));
  const scripts = useApiData<{ items: ScriptRef[] }>(`${wsPath(slug, 'scripts')}?limit=500`);
  const [editing, setEditing] = useState<AutoReplyRule | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const accountList = accounts.data?.accounts ?? [];
  const scriptList = scripts.data?.items ?? [];
  const accountName = (id: string | null) =>
    id ? (accountList.find((a) => a.id === id)?.name ?? id) : t('ch.ar.allAccounts');
  const scriptName = (id: string) => scriptList.find((s) => s.id === id)?.name ?? id;

  const remove = async (r: AutoReplyRule) => {
    setError(null);
    try {
      await api.del(wsPath(slug, 'auto-replies', r.id));
      if (editing?.id === r.id) setEditing(null);
      rules.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="stack" data-testid="auto-reply-panel">
      <TestMessage slug={slug} accounts={accountList} />
      {write && (
        <RuleForm
          key={editing?.id ?? 'new'}
          slug={slug}
          rule={editing}
          accounts={accountList}
          scripts={scriptList}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
          onCancel={editing ? () => setEditing(null) : null}
        />
      )}
      <ErrorBanner error={error ?? rules.error} onRetry={rules.reload} />
      <section className="card card-flush">
        <div className="table-wrap">
          <table className="table" data-testid="rules-table">
            <thead>
              <tr>
                <th>{t('ch.ar.name')}</th>
                <th>{t('ch.ar.account')}</th>
                <th>{t('ch.ar.match')}</th>
                <th>{t('ch.ar.script')}</th>
                <th className="num">{t('ch.ar.priority')}</th>
                <th className="num">{t('ch.ar.cooldown')}</th>
                <th>{t('ch.ar.enabled')}</th>
                <th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {(rules.data?.items ?? []).map((r) => (
                <tr key={r.id} data-testid="rule-row" data-name={r.name}>
                  <td>{r.name}</td>
                  <td>{accountName(r.accountId)}</td>
                  <td>
                    <span className="muted small">{t(`ch.ar.match.${r.match}`)}</span>{' '}
                    <code>{r.pattern}</code>
                  </td>
                  <td>{scriptName(r.scriptId)}</td>
                  <td className="num">{r.priority}</td>
                  <td className="num">{r.cooldownSeconds}</td>
                  <td>
                    <span className={r.enabled ? 'badge badge-ok' : 'badge badge-muted'}>
                      {r.enabled ? t('ch.ar.on') : t('ch.ar.off')}
                    </span>
                  </td>
                  <td className="col-actions nowrap">
                    {write && (
                      <>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => setEditing(r)}
                          data-testid="rule-edit"
                        >
                          {t('ch.ar.edit')}
                        </button>{' '}
                        <ConfirmButton
                          label={t('ch.ar.delete')}
                          confirmLabel={t('ch.ar.confirmDelete')}
                          onConfirm={() => void remove(r)}
                          testId="rule-delete"
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!rules.loading && (rules.data?.items.length ?? 0) === 0 && (
          <p className="muted ch-empty">{t('ch.ar.empty')}</p>
        )}
      </section>
    </div>
  );
}
