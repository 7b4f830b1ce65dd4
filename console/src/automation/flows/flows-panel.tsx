// Flows (SOP): the list with status, trigger, audience and run counts; `?flow=<id>` (or `new`) opens
// the editor, so a flow has its own address.
import { useEffect } from 'react';
import { wsPath } from '../../api.js';
import type { Script } from '../../content/types.js';
import { useT, type Translate } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import { navigate, useLocationPath, workspacePath } from '../../router.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { Flow, FlowRunsPage, Trigger } from '../types.js';
import { useTime } from '../use-time.js';
import { FlowEditor } from './flow-editor.js';

export function triggerText(t: Translate, tr: Trigger): string {
  const detail = tr.event ?? tr.tag ?? tr.group ?? tr.at ?? tr.cron ?? '';
  return `${t(`auto.trigger.${tr.type}`)}${detail ? ` · ${detail}` : ''}`;
}

function RunCounts({ slug, flowId }: { slug: string; flowId: string }) {
  const t = useT();
  const { data } = useApiData<FlowRunsPage>(`${wsPath(slug, 'flows', flowId, 'runs')}?limit=1`);
  if (!data) return <span className="muted">…</span>;
  const c = data.counts;
  return (
    <span className="nowrap small" data-testid="flow-counts">
      {t('auto.flows.counts', {
        active: (c.active ?? 0) + (c.waiting ?? 0),
        completed: c.completed ?? 0,
        exited: c.exited ?? 0,
      })}
    </span>
  );
}

export function FlowsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const time = useTime(workspace.timezone);
  const path = useLocationPath();
  const selected = new URL(path, 'http://console.local').searchParams.get('flow');
  const list = useApiData<{ items: Flow[] }>(wsPath(slug, 'flows'));
  const scripts = useApiData<{ items: Script[] }>(`${wsPath(slug, 'scripts')}?limit=100`);
  const { reload } = list;
  // Opening, creating or leaving a flow changes it: read the list again.
  useEffect(() => reload(), [selected, reload]);
  const open = (id: string) =>
    navigate(`${workspacePath(slug, 'automation', 'flows')}?flow=${encodeURIComponent(id)}`);

  if (selected) {
    const editing = selected === 'new' ? null : list.data?.items.find((f) => f.id === selected);
    if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
    if (editing === undefined || scripts.loading) {
      const gone = !list.loading && list.data !== null;
      return <p className="muted">{gone ? t('auto.flow.notFound') : t('common.loading')}</p>;
    }
    return (
      <FlowEditor
        key={selected === 'new' ? 'new' : selected}
        slug={slug}
        zone={workspace.timezone}
        flow={editing}
        scripts={scripts.data?.items ?? []}
        writable={canWrite(workspace.role)}
      />
    );
  }

  const items = list.data?.items ?? [];
  return (
    <div className="stack" data-testid="flows-panel">
      {canWrite(workspace.role) && (
        <div className="toolbar">
          <span className="toolbar-search muted">{t('auto.flows.help')}</span>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => open('new')}
            data-testid="flow-new"
          >
            {t('auto.flow.new')}
          </button>
        </div>
      )}
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <div className="table-wrap">
          <table className="table" data-testid="flows-table">
            <thead>
              <tr>
                <th>{t('auto.flow.name')}</th>
                <th>{t('auto.flows.status')}</th>
                <th>{t('auto.trigger.type')}</th>
                <th>{t('auto.flow.audience')}</th>
                <th className="num">{t('auto.flow.steps')}</th>
                <th>{t('auto.flows.runs')}</th>
                <th>{t('auto.flows.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr
                  key={f.id}
                  className="row-link"
                  onClick={() => open(f.id)}
                  data-testid="flow-row"
                  data-name={f.name}
                >
                  <td>
                    <strong>{f.name}</strong> <span className="muted small">v{f.version}</span>
                  </td>
                  <td>
                    <span className={`badge badge-status-${f.status}`}>{t(`auto.status.${f.status}`)}</span>
                  </td>
                  <td>{triggerText(t, f.definition.trigger)}</td>
                  <td className="details-cell">
                    <code>{f.definition.audience ?? f.definition.community ?? t('auto.flows.everyone')}</code>
                  </td>
                  <td className="num">{f.definition.steps.length}</td>
                  <td>
                    <RunCounts slug={slug} flowId={f.id} />
                  </td>
                  <td className="nowrap">{time(f.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.loading && <p className="muted card-note">{t('common.loading')}</p>}
        {!list.loading && !list.error && items.length === 0 && (
          <p className="muted card-note">{t('auto.flows.empty')}</p>
        )}
      </div>
    </div>
  );
}
