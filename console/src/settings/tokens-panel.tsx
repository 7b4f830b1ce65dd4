import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../api.js';
import { useLang, useT } from '../i18n/index.js';
import type { ApiToken, CreatedToken, ItemList, Workspace } from '../types.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { formatTime } from '../ui/format.js';
import { useApiData } from '../ui/use-api-data.js';
import { CreateTokenForm } from './create-token-form.js';
import { SecretBox } from './secret-box.js';

export function TokensPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const list = useApiData<ItemList<ApiToken>>(wsPath(workspace.slug, 'tokens'));
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const time = (v: string | null) => formatTime(v, lang, workspace.timezone);

  const revoke = async (token: ApiToken) => {
    setActionError(null);
    try {
      await api.del(wsPath(workspace.slug, 'tokens', token.id));
      list.reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };

  const items = list.data?.items ?? [];
  return (
    <div className="stack" data-testid="tokens-panel">
      <p className="muted">{t('tokens.intro')}</p>
      {created && <SecretBox created={created} onDone={() => setCreated(null)} />}
      <CreateTokenForm
        slug={workspace.slug}
        onCreated={(c) => {
          setCreated(c);
          list.reload();
        }}
      />
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <ErrorBanner error={actionError} />
        <div className="table-wrap">
          <table className="table" data-testid="tokens-table">
            <thead>
              <tr>
                <th>{t('tokens.name')}</th>
                <th>{t('tokens.role')}</th>
                <th>{t('tokens.prefix')}</th>
                <th>{t('tokens.created')}</th>
                <th>{t('tokens.lastUsed')}</th>
                <th>{t('tokens.status')}</th>
                <th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {items.map((tok) => (
                <tr key={String(tok.id)} data-testid="token-row" data-name={tok.name}>
                  <td>{tok.name}</td>
                  <td>{t(`role.${tok.role}`)}</td>
                  <td>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td className="nowrap">{time(tok.createdAt)}</td>
                  <td className="nowrap">{time(tok.lastUsedAt) ?? t('common.never')}</td>
                  <td>
                    {tok.revokedAt ? (
                      <span className="badge badge-muted" title={time(tok.revokedAt) ?? ''}>
                        {t('tokens.revoked')}
                      </span>
                    ) : (
                      <span className="badge badge-ok">{t('tokens.active')}</span>
                    )}
                  </td>
                  <td className="col-actions">
                    {!tok.revokedAt && (
                      <ConfirmButton
                        label={t('tokens.revoke')}
                        confirmLabel={t('tokens.confirmRevoke')}
                        onConfirm={() => void revoke(tok)}
                        testId="token-revoke"
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.loading && <p className="muted card-note">{t('common.loading')}</p>}
        {!list.loading && !list.error && items.length === 0 && (
          <p className="muted card-note">{t('tokens.empty')}</p>
        )}
      </div>
    </div>
  );
}
