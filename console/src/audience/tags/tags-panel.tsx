import { lazy, Suspense, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { Tag, TagGroup } from '../types.js';
import { TagForms } from './tag-forms.js';

// ECharts is loaded only when the chart is shown, so it stays out of the console's main bundle.
const TagChart = lazy(() => import('./tag-chart.js').then((m) => ({ default: m.TagChart })));

/** Tag groups and their tags with member counts; writers create groups and tags and delete tags. */
export function TagsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const writable = canWrite(workspace.role);
  const groups = useApiData<{ items: TagGroup[] }>(wsPath(slug, 'tag-groups'));
  const tags = useApiData<{ items: Tag[] }>(wsPath(slug, 'tags'));
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const reload = () => {
    groups.reload();
    tags.reload();
  };
  const remove = async (tag: Tag) => {
    setActionError(null);
    try {
      await api.del(wsPath(slug, 'tags', tag.id));
      reload();
    } catch (e) {
      setActionError(toApiError(e));
    }
  };

  const groupList = groups.data?.items ?? [];
  const tagList = tags.data?.items ?? [];
  // Grouped tags first, in the groups' order, then the ungrouped ones.
  const sections: { id: string; name: string; tags: Tag[] }[] = [
    ...groupList.map((g) => ({ id: g.id, name: g.name, tags: tagList.filter((x) => x.groupId === g.id) })),
    { id: '', name: t('aud.tags.ungrouped'), tags: tagList.filter((x) => !x.groupId) },
  ].filter((s) => s.id !== '' || s.tags.length > 0);

  return (
    <div className="stack" data-testid="tags-panel">
      {writable && <TagForms slug={slug} groups={groupList} onCreated={reload} />}
      <div className="grid-2">
        <div className="card card-flush">
          <h2 className="card-title card-pad">{t('aud.tags.title')}</h2>
          <ErrorBanner error={groups.error ?? tags.error} onRetry={reload} />
          <ErrorBanner error={actionError} />
          {sections.map((s) => (
            <section key={s.id || 'none'} className="tag-group" data-testid="tag-group" data-name={s.name}>
              <h3 className="section-title">
                {s.name} <span className="muted small">({s.tags.length})</span>
              </h3>
              {s.tags.length === 0 && <p className="muted small">{t('aud.tags.emptyGroup')}</p>}
              <ul className="tag-rows">
                {s.tags.map((tag) => (
                  <li key={tag.id} className="tag-row" data-testid="tag-row" data-name={tag.name}>
                    <span className="chip">{tag.name}</span>
                    <span className="muted small" data-testid="tag-members">
                      {t('aud.tags.members', { n: tag.members })}
                    </span>
                    {writable && (
                      <ConfirmButton
                        label={t('aud.delete')}
                        confirmLabel={t('aud.confirmDelete')}
                        onConfirm={() => void remove(tag)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {!tags.loading && tagList.length === 0 && <p className="muted card-note">{t('aud.tags.none')}</p>}
        </div>
        <div className="card">
          <h2 className="card-title">{t('aud.tags.chart')}</h2>
          {tagList.length > 0 ? (
            <Suspense fallback={<p className="muted small">{t('common.loading')}</p>}>
              <TagChart tags={tagList} />
            </Suspense>
          ) : (
            <p className="muted small">{t('aud.tags.none')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
