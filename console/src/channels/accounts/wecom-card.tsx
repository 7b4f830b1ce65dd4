// WeCom (企业微信): the connected corps with the callback URL to paste into WeCom's admin (客户联系 →
// API → 接收事件服务器), a check of the credentials against WeCom, and the setup form (owners only).
import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { WecomCheck, WecomConnection } from '../types.js';
import { WecomSetupForm } from './wecom-setup-form.js';

interface Props {
  slug: string;
  connections: WecomConnection[] | null;
  manage: boolean;
  onChanged: () => void;
}

export function WecomCard({ slug, connections, manage, onChanged }: Props) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [check, setCheck] = useState<WecomCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const runCheck = async () => {
    setChecking(true);
    setError(null);
    setCheck(null);
    try {
      setCheck(await api.post<WecomCheck>(wsPath(slug, 'channels', 'wecom', 'check')));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setChecking(false);
    }
  };

  const list = connections ?? [];
  return (
    <section className="card" data-testid="wecom-card">
      <div className="ch-card-head">
        <h2 className="card-title">{t('ch.wecom.title')}</h2>
        {manage && list.length > 0 && !adding && (
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
            {t('ch.wecom.addAnother')}
          </button>
        )}
      </div>
      <p className="muted small">{t('ch.wecom.help')}</p>
      {list.map((c) => (
        <dl className="ch-facts" key={c.id} data-testid="wecom-connection" data-corp={c.corpId}>
          <dt>{t('ch.wecom.corpId')}</dt>
          <dd>
            <code>{c.corpId}</code>
          </dd>
          <dt>{t('ch.wecom.agentId')}</dt>
          <dd>{c.agentId ?? '—'}</dd>
          <dt>{t('ch.wecom.apiBase')}</dt>
          <dd>
            <code>{c.apiBase}</code>
          </dd>
          <dt>{t('ch.wecom.callbackUrl')}</dt>
          <dd>
            <code className="ch-copy" data-testid="wecom-callback-url">
              {`${window.location.origin}${c.callbackPath}`}
            </code>
            <p className="field-hint">{t('ch.wecom.callbackHint')}</p>
          </dd>
          <dt>{t('ch.wecom.staff')}</dt>
          <dd>{c.staff}</dd>
          <dt>{t('ch.wecom.secrets')}</dt>
          <dd className="muted">{t('ch.wecom.secretsHidden')}</dd>
        </dl>
      ))}
      {manage && list.length > 0 && (
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            disabled={checking}
            onClick={() => void runCheck()}
            data-testid="wecom-check"
          >
            {checking ? t('ch.wecom.checking') : t('ch.wecom.check')}
          </button>
        </div>
      )}
      {check && (
        <ul className="ch-checks" data-testid="wecom-check-result" data-ok={check.ok}>
          {check.checks.map((c) => (
            <li key={c.check} className={c.ok ? 'ok' : 'fail'} data-testid="wecom-check-line">
              <span className={c.ok ? 'badge badge-ok' : 'badge ch-badge-danger'}>
                {c.ok ? t('ch.wecom.works') : t('ch.wecom.fails')}
              </span>{' '}
              <code>{c.check}</code> {c.detail}
            </li>
          ))}
        </ul>
      )}
      <ErrorBanner error={error} />
      {manage && connections !== null && (list.length === 0 || adding) && (
        <WecomSetupForm
          slug={slug}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
          onCancel={list.length > 0 ? () => setAdding(false) : null}
        />
      )}
      {!manage && list.length === 0 && <p className="muted">{t('ch.wecom.none')}</p>}
    </section>
  );
}
