import { useEffect, useId, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount, formatRate, label } from '../labels.js';
import { KOC_STATUSES, type KocDetail } from '../types.js';
import { KocForm } from './koc-form.js';

interface Props {
  workspace: Workspace;
  kocId: string;
  onClose: () => void;
  onChanged: () => void;
}

/** One KOC beside the roster: figures, social accounts, status history, status change and edit. */
export function KocDrawer({ workspace, kocId, onClose, onChanged }: Props) {
  const t = useT();
  const { lang } = useLang();
  const titleId = useId();
  const detail = useApiData<KocDetail>(wsPath(workspace.slug, 'kocs', kocId));
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !editing && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, editing]);

  const koc = detail.data?.koc ?? null;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-labelledby={titleId} data-testid="koc-drawer">
        <header className="modal-header">
          <h2 id={titleId}>{koc ? koc.name : t('common.loading')}</h2>
          <button type="button" className="btn-icon" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="drawer-body">
          <ErrorBanner error={detail.error} onRetry={detail.reload} />
          {koc && detail.data && (
            <>
              <div className="stat-row">
                <Stat label={t('koc.field.followers')} value={formatCount(koc.followers, lang)} />
                <Stat label={t('koc.field.fans')} value={formatCount(koc.fans, lang)} testId="koc-fans" />
                <Stat label={t('koc.field.status')} value={label(t, 'status', koc.status)} />
              </div>
              <dl className="details">
                <dt>{t('koc.field.kind')}</dt>
                <dd>{label(t, 'kind', koc.kind)}</dd>
                <dt>{t('koc.field.phone')}</dt>
                <dd>{koc.phone ?? t('common.none')}</dd>
                <dt>{t('koc.field.category')}</dt>
                <dd>{koc.category ?? t('common.none')}</dd>
                <dt>{t('koc.field.city')}</dt>
                <dd>{koc.city ?? t('common.none')}</dd>
                <dt>{t('koc.field.contactId')}</dt>
                <dd>{koc.contactId ?? t('common.none')}</dd>
              </dl>
              {canWrite(workspace.role) && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="btn"
                    onClick={() => setEditing(true)}
                    data-testid="koc-edit"
                  >
                    {t('koc.roster.edit')}
                  </button>
                </div>
              )}
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.roster.social')}</h3>
                {koc.socialAccounts.length === 0 ? (
                  <p className="muted">{t('koc.roster.noSocial')}</p>
                ) : (
                  <table className="table table-compact" data-testid="koc-social">
                    <thead>
                      <tr>
                        <th>{t('koc.field.platform')}</th>
                        <th>{t('koc.field.handle')}</th>
                        <th className="num">{t('koc.field.followers')}</th>
                        <th className="num">{t('koc.field.avgReads')}</th>
                        <th className="num">{t('koc.field.interactionRate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {koc.socialAccounts.map((s) => (
                        <tr key={`${s.platform}:${s.handle}`}>
                          <td>{label(t, 'platform', s.platform)}</td>
                          <td>{s.handle}</td>
                          <td className="num">{formatCount(s.followers, lang)}</td>
                          <td className="num">{formatCount(s.avgReads, lang)}</td>
                          <td className="num">{formatRate(s.interactionRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
              {canWrite(workspace.role) && (
                <StatusForm slug={workspace.slug} kocId={koc.id} current={koc.status} onDone={changed} />
              )}
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.roster.history')}</h3>
                <ol className="timeline" data-testid="koc-history">
                  {detail.data.history.map((h, i) => (
                    <li key={i} className="timeline-item">
                      <div className="timeline-head">
                        <strong>
                          {h.from ? `${label(t, 'status', h.from)} → ` : ''}
                          {label(t, 'status', h.to)}
                        </strong>
                        <span className="muted">{formatTime(h.at, lang, workspace.timezone)}</span>
                      </div>
                      <div className="muted">
                        {h.actor}
                        {h.reason ? ` · ${h.reason}` : ''}
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            </>
          )}
        </div>
      </aside>
      {editing && koc && (
        <KocForm
          workspace={workspace}
          koc={koc}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      )}
    </div>
  );
}

function Stat({ label: text, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="stat">
      <div className="stat-value" data-testid={testId}>
        {value}
      </div>
      <div className="stat-label">{text}</div>
    </div>
  );
}

function StatusForm(props: { slug: string; kocId: string; current: string; onDone: () => void }) {
  const t = useT();
  const [status, setStatus] = useState(props.current);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(wsPath(props.slug, 'kocs', props.kocId, 'status'), {
        status,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setReason('');
      props.onDone();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="drawer-section">
      <h3 className="section-title">{t('koc.roster.changeStatus')}</h3>
      <ErrorBanner error={error} />
      <div className="inline-form">
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          aria-label={t('koc.field.status')}
          data-testid="koc-status-select"
        >
          {KOC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(t, 'status', s)}
            </option>
          ))}
        </select>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('koc.field.reason')}
          aria-label={t('koc.field.reason')}
        />
        <button
          type="button"
          className="btn"
          disabled={busy || status === props.current}
          onClick={() => void submit()}
          data-testid="koc-status-save"
        >
          {t('common.save')}
        </button>
      </div>
    </section>
  );
}
