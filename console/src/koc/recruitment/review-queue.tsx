import { useState } from 'react';
import { api, ApiError, toApiError, wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount, label } from '../labels.js';
import type { Application, Drive, ReviewOutcome } from '../types.js';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

/** A drive's applications, best score first, with the rules each one misses; approve or reject (bulk). */
export function ReviewQueue(props: { workspace: Workspace; drive: Drive; onReviewed: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { workspace, drive } = props;
  const [status, setStatus] = useState<string>('pending');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const query = status ? `?status=${status}` : '';
  const apps = useApiData<{ items: Application[] }>(
    `${wsPath(workspace.slug, 'koc', 'drives', drive.id, 'applications')}${query}`,
  );
  const writer = canWrite(workspace.role);
  const items = apps.data?.items ?? [];
  const pending = items.filter((a) => a.status === 'pending');

  const review = async (ids: string[], decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ items: ReviewOutcome[] }>(
        wsPath(workspace.slug, 'koc', 'applications', 'review'),
        { ids, decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      );
      const failed = r.items.filter((o) => !o.ok);
      if (failed.length > 0) {
        const f = failed[0]!.error!;
        setError(
          new ApiError(
            409,
            f.code,
            t('koc.review.someFailed', { n: failed.length, message: f.message }),
            null,
          ),
        );
      }
      setPicked(new Set());
      apps.reload();
      props.onReviewed();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="card card-flush" data-testid="review-queue">
      <div className="toolbar card-pad">
        <h2 className="card-title">{t('koc.review.title', { name: drive.name })}</h2>
        <select
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPicked(new Set());
          }}
          aria-label={t('koc.field.status')}
          data-testid="review-status-filter"
        >
          <option value="">{t('koc.review.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`koc.review.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {writer && pending.length > 0 && (
        <div className="inline-form card-pad koc-bulk">
          <span className="muted">{t('koc.review.picked', { n: picked.size })}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('koc.review.reason')}
            aria-label={t('koc.review.reason')}
            data-testid="review-reason"
          />
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || picked.size === 0}
            onClick={() => void review([...picked], 'approve')}
            data-testid="review-bulk-approve"
          >
            {t('koc.review.approvePicked')}
          </button>
          <button
            type="button"
            className="btn btn-ghost-danger"
            disabled={busy || picked.size === 0 || !reason.trim()}
            title={reason.trim() ? undefined : t('koc.review.reasonNeeded')}
            onClick={() => void review([...picked], 'reject')}
            data-testid="review-bulk-reject"
          >
            {t('koc.review.rejectPicked')}
          </button>
        </div>
      )}
      <ErrorBanner error={apps.error ?? error} />
      <div className="table-wrap">
        <table className="table" data-testid="application-table">
          <thead>
            <tr>
              {writer && (
                <th className="col-narrow">
                  <input
                    type="checkbox"
                    aria-label={t('koc.review.pickAll')}
                    checked={pending.length > 0 && pending.every((a) => picked.has(a.id))}
                    onChange={(e) => setPicked(new Set(e.target.checked ? pending.map((a) => a.id) : []))}
                  />
                </th>
              )}
              <th>{t('koc.field.name')}</th>
              <th>{t('koc.field.handle')}</th>
              <th>{t('koc.field.city')}</th>
              <th className="num">{t('koc.field.followers')}</th>
              <th className="num">{t('koc.field.avgReads')}</th>
              <th className="num">{t('koc.review.score')}</th>
              <th>{t('koc.review.verdicts')}</th>
              <th>{t('koc.field.status')}</th>
              {writer && <th className="col-actions" />}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="application-row" data-name={a.name} data-status={a.status}>
                {writer && (
                  <td>
                    {a.status === 'pending' && (
                      <input
                        type="checkbox"
                        checked={picked.has(a.id)}
                        onChange={() => toggle(a.id)}
                        aria-label={a.name}
                        data-testid="application-pick"
                      />
                    )}
                  </td>
                )}
                <td>
                  {a.name}
                  {a.leadEligible && <span className="badge badge-ok koc-lead">{t('koc.review.lead')}</span>}
                </td>
                <td>
                  {label(t, 'platform', a.platform)} · {a.handle}
                </td>
                <td>
                  {a.city} · {a.category}
                </td>
                <td className="num">{formatCount(a.followers, lang)}</td>
                <td className="num">{formatCount(a.avgReads, lang)}</td>
                <td className="num" data-testid="application-score">
                  {a.score}
                </td>
                <td>
                  {a.eligible ? (
                    <span className="badge badge-ok">{t('koc.review.eligible')}</span>
                  ) : (
                    <span className="chip-list">
                      {a.verdicts
                        .filter((v) => !v.pass && v.rule !== 'leadFollowers')
                        .map((v) => (
                          <span key={v.rule} className="chip chip-bad" title={`${String(v.actual)}`}>
                            {label(t, 'rule', v.rule)}
                          </span>
                        ))}
                    </span>
                  )}
                </td>
                <td>
                  {t(`koc.review.${a.status as (typeof STATUSES)[number]}`)}
                  {a.reason && <div className="muted">{a.reason}</div>}
                </td>
                {writer && (
                  <td className="col-actions">
                    {a.status === 'pending' && (
                      <>
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={busy}
                          onClick={() => void review([a.id], 'approve')}
                          data-testid="application-approve"
                        >
                          {t('koc.review.approve')}
                        </button>{' '}
                        <button
                          type="button"
                          className="btn btn-small btn-ghost-danger"
                          disabled={busy || !reason.trim()}
                          title={reason.trim() ? undefined : t('koc.review.reasonNeeded')}
                          onClick={() => void review([a.id], 'reject')}
                          data-testid="application-reject"
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
      </div>
      {!apps.loading && items.length === 0 && <p className="card-note muted">{t('koc.review.empty')}</p>}
    </div>
  );
}
