import { useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { Segment } from '../types.js';
import { SegmentBuilder } from './segment-builder.js';
import { SegmentMembers } from './segment-members.js';

/** The builder, the saved segments with their counts now, and the members of the one picked. */
export function SegmentsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const writable = canWrite(workspace.role);
  const list = useApiData<{ items: Segment[] }>(wsPath(slug, 'segments'));
  const [picked, setPicked] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const remove = async (name: string) => {
    setActionError(null);
    try {
      await api.del(wsPath(slug, 'segments', name));
      if (picked === name) setPicked(null);
      list.reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };

  const items = list.data?.items ?? [];
  return (
    <div className="stack" data-testid="segments-panel">
      <SegmentBuilder
        slug={slug}
        writable={writable}
        onSaved={(s) => {
          list.reload();
          setPicked(s.name);
        }}
      />
      <div className="card card-flush">
        <h2 className="card-title card-pad">{t('aud.seg.saved')}</h2>
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <ErrorBanner error={actionError} />
        <div className="table-wrap">
          <table className="table" data-testid="segments-table">
            <thead>
              <tr>
                <th>{t('aud.seg.name')}</th>
                <th>{t('aud.seg.expression')}</th>
                <th className="num">{t('aud.seg.members')}</th>
                <th className="col-actions">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr
                  key={s.id}
                  className={s.name === picked ? 'row-selected' : undefined}
                  data-testid="segment-row"
                  data-name={s.name}
                >
                  <td>
                    <strong>{s.name}</strong>
                    {s.description && <div className="muted small">{s.description}</div>}
                  </td>
                  <td className="details-cell">
                    <code title={s.expression}>{s.expression}</code>
                  </td>
                  <td className="num" data-testid="segment-row-count">
                    <SavedCount slug={slug} name={s.name} version={s.updatedAt} />
                  </td>
                  <td className="col-actions nowrap">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setPicked(s.name)}
                      data-testid="segment-open"
                    >
                      {t('aud.seg.showMembers')}
                    </button>{' '}
                    <a
                      className="btn btn-small"
                      href={wsPath(slug, 'segments', s.name, 'export')}
                      download={`segment-${s.name}.csv`}
                      data-testid="segment-export"
                    >
                      {t('aud.seg.export')}
                    </a>{' '}
                    {writable && (
                      <ConfirmButton
                        label={t('aud.delete')}
                        confirmLabel={t('aud.confirmDelete')}
                        onConfirm={() => void remove(s.name)}
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
          <p className="muted card-note">{t('aud.seg.none')}</p>
        )}
      </div>
      {picked && <SegmentMembers key={picked} workspace={workspace} name={picked} />}
    </div>
  );
}

function SavedCount({ slug, name, version }: { slug: string; name: string; version: string }) {
  const count = useApiData<{ count: number }>(
    `${wsPath(slug, 'segments', name, 'count')}?v=${encodeURIComponent(version)}`,
  );
  if (count.error)
    return (
      <span className="muted" title={count.error.message}>
        !
      </span>
    );
  return <span>{count.data ? count.data.count : '…'}</span>;
}
