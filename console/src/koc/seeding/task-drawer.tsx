import { useEffect, useId, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount, label } from '../labels.js';
import type { SeedingTaskDetail } from '../types.js';
import { KocPicker } from './koc-picker.js';

/** A seeding task: its brief, the KOCs it went to, and their submissions to approve or reject. */
export function TaskDrawer(props: {
  workspace: Workspace;
  taskId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const titleId = useId();
  const { workspace, onClose } = props;
  const detail = useApiData<SeedingTaskDetail>(wsPath(workspace.slug, 'koc', 'seeding-tasks', props.taskId));
  const [reason, setReason] = useState('');
  const [more, setMore] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const writer = canWrite(workspace.role);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      detail.reload();
      props.onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const review = (id: string, decision: 'approve' | 'reject') =>
    act(() =>
      api.post(wsPath(workspace.slug, 'koc', 'seeding-submissions', id, 'review'), {
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    );
  const assign = () =>
    act(async () => {
      await api.post(wsPath(workspace.slug, 'koc', 'seeding-tasks', props.taskId, 'assignments'), {
        kocIds: [...more.keys()],
      });
      setMore(new Map());
    });

  const d = detail.data;
  const names = new Map(d?.assignments.map((a) => [a.kocId, a.name]) ?? []);
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer drawer-wide" role="dialog" aria-labelledby={titleId} data-testid="task-drawer">
        <header className="modal-header">
          <h2 id={titleId}>{d ? d.task.title : t('common.loading')}</h2>
          <button type="button" className="btn-icon" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="drawer-body">
          <ErrorBanner error={detail.error ?? error} />
          {d && (
            <>
              <p className="muted">
                {d.task.product} · {label(t, 'platform', d.task.platform)} ·{' '}
                {t('koc.seed.dueOn', { at: formatTime(d.task.dueAt, lang, workspace.timezone) ?? '' })} ·{' '}
                {d.task.reward.amount} {label(t, 'reward', d.task.reward.kind)}
              </p>
              <p className="koc-brief">{d.task.brief}</p>
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.seed.submissions')}</h3>
                {writer && (
                  <input
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    placeholder={t('koc.review.reason')}
                    aria-label={t('koc.review.reason')}
                  />
                )}
                <table className="table table-compact" data-testid="submission-table">
                  <thead>
                    <tr>
                      <th>KOC</th>
                      <th>{t('koc.seed.link')}</th>
                      <th className="num">{t('koc.seed.reads')}</th>
                      <th className="num">{t('koc.seed.likes')}</th>
                      <th className="num">{t('koc.seed.comments')}</th>
                      <th>{t('koc.field.status')}</th>
                      {writer && <th className="col-actions" />}
                    </tr>
                  </thead>
                  <tbody>
                    {d.submissions.map((s) => (
                      <tr key={s.id}>
                        <td>{names.get(s.kocId) ?? s.kocId}</td>
                        <td>
                          <a href={s.link} target="_blank" rel="noreferrer noopener">
                            {t('koc.seed.open')}
                          </a>
                        </td>
                        <td className="num">{formatCount(s.reads, lang)}</td>
                        <td className="num">{formatCount(s.likes, lang)}</td>
                        <td className="num">{formatCount(s.comments, lang)}</td>
                        <td>
                          {label(t, 'review', s.status)}
                          {s.reason && <div className="muted">{s.reason}</div>}
                        </td>
                        {writer && (
                          <td className="col-actions">
                            {s.status === 'submitted' && (
                              <>
                                <button
                                  type="button"
                                  className="btn btn-small"
                                  disabled={busy}
                                  onClick={() => void review(s.id, 'approve')}
                                >
                                  {t('koc.review.approve')}
                                </button>{' '}
                                <button
                                  type="button"
                                  className="btn btn-small btn-ghost-danger"
                                  disabled={busy || !reason.trim()}
                                  title={reason.trim() ? undefined : t('koc.review.reasonNeeded')}
                                  onClick={() => void review(s.id, 'reject')}
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
                {d.submissions.length === 0 && <p className="muted">{t('koc.seed.noSubmissions')}</p>}
              </section>
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.seed.assignedTo', { n: d.assignments.length })}</h3>
                <div className="chip-list">
                  {d.assignments.map((a) => (
                    <span key={a.kocId} className="chip" title={label(t, 'review', a.status)}>
                      {a.name} · {label(t, 'review', a.status)}
                    </span>
                  ))}
                </div>
                {writer && (
                  <>
                    <KocPicker slug={workspace.slug} picked={more} onChange={setMore} />
                    <button
                      type="button"
                      className="btn"
                      disabled={busy || more.size === 0}
                      onClick={() => void assign()}
                    >
                      {t('koc.seed.assign', { n: more.size })}
                    </button>
                  </>
                )}
              </section>
            </>
          )}
        </div>
      </aside>
    </div>
  );
}
