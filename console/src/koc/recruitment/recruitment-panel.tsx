import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatRate } from '../labels.js';
import type { Drive } from '../types.js';
import { DriveForm } from './drive-form.js';
import { ReviewQueue } from './review-queue.js';

/** Recruitment drives (thresholds, public page, open/close) and the review queue of the chosen one. */
export function RecruitmentPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const drives = useApiData<{ items: Drive[] }>(wsPath(workspace.slug, 'koc', 'drives'));
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Drive | 'new' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const writer = canWrite(workspace.role);
  const items = drives.data?.items ?? [];
  const current = items.find((d) => d.id === chosen) ?? items[0] ?? null;

  const setStatus = async (d: Drive) => {
    setError(null);
    try {
      await api.post(wsPath(workspace.slug, 'koc', 'drives', d.id, 'status'), {
        status: d.status === 'open' ? 'closed' : 'open',
      });
      drives.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="stack" data-testid="koc-recruitment">
      <div className="toolbar">
        <h2 className="card-title">{t('koc.drives.title')}</h2>
        {writer && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing('new')}
            data-testid="drive-new"
          >
            {t('koc.drives.new')}
          </button>
        )}
      </div>
      <ErrorBanner error={drives.error ?? error} onRetry={drives.reload} />
      <div className="card card-flush">
        <div className="table-wrap">
          <table className="table" data-testid="drive-table">
            <thead>
              <tr>
                <th>{t('koc.drives.name')}</th>
                <th>{t('koc.field.status')}</th>
                <th>{t('koc.drives.bar')}</th>
                <th className="num">{t('koc.review.pending')}</th>
                <th className="num">{t('koc.review.approved')}</th>
                <th className="num">{t('koc.review.rejected')}</th>
                <th>{t('koc.drives.created')}</th>
                <th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr
                  key={d.id}
                  className={d.id === current?.id ? 'row-link row-selected' : 'row-link'}
                  onClick={() => setChosen(d.id)}
                  data-testid="drive-row"
                >
                  <td>
                    <strong>{d.name}</strong>
                    <div>
                      <a
                        href={`/apply/${encodeURIComponent(workspace.slug)}/${encodeURIComponent(d.id)}`}
                        target="_blank"
                        rel="noreferrer"
                        onClick={(e) => e.stopPropagation()}
                        data-testid="drive-apply-link"
                      >
                        {t('koc.drives.applyPage')}
                      </a>
                    </div>
                  </td>
                  <td>
                    <span className={d.status === 'open' ? 'badge badge-ok' : 'badge badge-muted'}>
                      {t(d.status === 'open' ? 'koc.drives.open' : 'koc.drives.closed')}
                    </span>
                  </td>
                  <td className="muted">
                    {t('koc.drives.barText', {
                      followers: d.rules.minFollowers,
                      lead: d.rules.leadMinFollowers,
                      rate: formatRate(d.rules.minInteractionRate),
                    })}
                    {d.rules.categories.length > 0 && ` · ${d.rules.categories.join('/')}`}
                  </td>
                  <td className="num">{d.applications.pending}</td>
                  <td className="num">{d.applications.approved}</td>
                  <td className="num">{d.applications.rejected}</td>
                  <td className="nowrap">{formatTime(d.createdAt, lang, workspace.timezone)}</td>
                  <td className="col-actions" onClick={(e) => e.stopPropagation()}>
                    {writer && (
                      <>
                        <button type="button" className="btn btn-small" onClick={() => setEditing(d)}>
                          {t('koc.drives.edit')}
                        </button>{' '}
                        <button type="button" className="btn btn-small" onClick={() => void setStatus(d)}>
                          {t(d.status === 'open' ? 'koc.drives.close' : 'koc.drives.reopen')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!drives.loading && items.length === 0 && <p className="card-note muted">{t('koc.drives.empty')}</p>}
      </div>
      {current && (
        <ReviewQueue key={current.id} workspace={workspace} drive={current} onReviewed={drives.reload} />
      )}
      {editing && (
        <DriveForm
          workspace={workspace}
          drive={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(null);
            setChosen(d.id);
            drives.reload();
          }}
        />
      )}
    </div>
  );
}
