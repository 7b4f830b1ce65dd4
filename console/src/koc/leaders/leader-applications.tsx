import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useApiData } from '../../ui/use-api-data.js';
import { label } from '../labels.js';
import type { LeaderApplication, LeaderCheck } from '../types.js';

const STATUSES = ['applied', 'approved', 'rejected'] as const;

/** The leader applications with each check's verdict; approve (all checks must pass) or reject. */
export function LeaderApplications({
  workspace,
  onReviewed,
}: {
  workspace: Workspace;
  onReviewed: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [status, setStatus] = useState<string>('applied');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const base = wsPath(workspace.slug, 'ladder', 'leader-applications');
  const apps = useApiData<{ items: LeaderApplication[] }>(status ? `${base}?status=${status}` : base);
  const writer = canWrite(workspace.role);
  const items = apps.data?.items ?? [];

  const review = async (id: string, decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/${encodeURIComponent(id)}/review`, {
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      apps.reload();
      onReviewed();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card card-flush" data-testid="leader-applications">
      <div className="toolbar card-pad">
        <h2 className="card-title">{t('koc.leaders.applications')}</h2>
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('koc.field.status')}>
          <option value="">{t('koc.review.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(t, 'review', s)}
            </option>
          ))}
        </select>
        {writer && (
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('koc.review.reason')}
            aria-label={t('koc.review.reason')}
          />
        )}
      </div>
      <p className="card-note muted">{t('koc.leaders.onePath')}</p>
      <ErrorBanner error={apps.error ?? error} onRetry={apps.error ? apps.reload : undefined} />
      <table className="table" data-testid="leader-application-table">
        <thead>
          <tr>
            <th>{t('koc.leaders.applicant')}</th>
            <th>{t('koc.leaders.checks')}</th>
            <th>{t('koc.leaders.appliedAt')}</th>
            <th>{t('koc.field.status')}</th>
            {writer && <th className="col-actions" />}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-testid="leader-application-row">
              <td>
                {a.koc ? a.koc.name : t('koc.leaders.fan', { id: a.contactId })}
                {a.koc && <span className="badge badge-muted koc-lead">KOC</span>}
                {a.note && <div className="muted">{a.note}</div>}
              </td>
              <td>
                <span className="chip-list">
                  {a.checks.map((c) => (
                    <span
                      key={c.check}
                      className={c.pass ? 'chip chip-ok' : 'chip chip-bad'}
                      title={checkText(c)}
                    >
                      {label(t, 'check', c.check)} {c.pass ? '✓' : '✗'}
                    </span>
                  ))}
                </span>
              </td>
              <td className="nowrap">{formatTime(a.appliedAt, lang, workspace.timezone)}</td>
              <td>
                {label(t, 'review', a.status)}
                {a.reason && <div className="muted">{a.reason}</div>}
              </td>
              {writer && (
                <td className="col-actions">
                  {a.status === 'applied' && (
                    <>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy || !a.checks.every((c) => c.pass)}
                        onClick={() => void review(a.id, 'approve')}
                        data-testid="leader-approve"
                      >
                        {t('koc.review.approve')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-small btn-ghost-danger"
                        disabled={busy}
                        onClick={() => void review(a.id, 'reject')}
                        data-testid="leader-reject"
                      >
                        {t('koc.review.reject')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!apps.loading && items.length === 0 && (
        <p className="card-note muted">{t('koc.leaders.noApplications')}</p>
      )}
    </div>
  );
}

function checkText(c: LeaderCheck): string {
  return `${String(c.actual)} / ${String(c.required)}`;
}
