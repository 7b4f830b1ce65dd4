// Follow-up tasks flows create for people (1:1 care): by status and assignee, completed with a note.
import { useCallback, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useApiData } from '../../ui/use-api-data.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import type { Flow, FlowTask } from '../types.js';
import { useTime } from '../use-time.js';

const STATUSES = ['open', 'done', 'cancelled'] as const;

export function TasksPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const time = useTime(workspace.timezone);
  const [status, setStatus] = useState<string>('open');
  const [assignee, setAssignee] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const flows = useApiData<{ items: Flow[] }>(wsPath(slug, 'flows'));
  const flowName = (id: string) => flows.data?.items.find((f) => f.id === id)?.name ?? id;

  const key = `${status}:${assignee.trim()}`;
  const load = useCallback(
    (cursor: string | null) => {
      const qs = new URLSearchParams({ limit: '50' });
      if (status) qs.set('status', status);
      if (assignee.trim()) qs.set('assignee', assignee.trim());
      if (cursor) qs.set('cursor', cursor);
      return api.get<CursorPage<FlowTask>>(`${wsPath(slug, 'flow-tasks')}?${qs.toString()}`);
    },
    [slug, status, assignee],
  );
  const pages = useCursorPages<FlowTask>(key, load);

  const complete = async (task: FlowTask) => {
    setError(null);
    try {
      const note = notes[task.id]?.trim();
      await api.post(wsPath(slug, 'flow-tasks', task.id, 'complete'), note ? { note } : {});
      pages.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="stack" data-testid="tasks-panel">
      <div className="toolbar">
        <div className="segmented">
          {STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={s === status ? 'segmented-item active' : 'segmented-item'}
              onClick={() => setStatus(s)}
            >
              {t(`auto.task.${s}`)}
            </button>
          ))}
        </div>
        <input
          placeholder={t('auto.task.assignee')}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
        />
      </div>
      <ErrorBanner error={error ?? pages.error} />
      <div className="card card-flush">
        <div className="table-wrap">
          <table className="table" data-testid="tasks-table">
            <thead>
              <tr>
                <th>{t('auto.task.title')}</th>
                <th>{t('auto.runs.contact')}</th>
                <th>{t('auto.task.flow')}</th>
                <th>{t('auto.task.assignee')}</th>
                <th>{t('auto.task.due')}</th>
                <th>{status === 'open' ? t('auto.task.note') : t('auto.task.doneBy')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((task) => (
                <tr key={task.id} data-testid="task-row">
                  <td>{task.title}</td>
                  <td>{task.contactId ?? '—'}</td>
                  <td>
                    {flowName(task.flowId)} <span className="muted small">{task.stepId}</span>
                  </td>
                  <td>{task.assignee ?? '—'}</td>
                  <td className="nowrap">{time(task.dueAt)}</td>
                  <td>
                    {task.status === 'open' && canWrite(workspace.role) ? (
                      <span className="inline-form">
                        <input
                          value={notes[task.id] ?? ''}
                          placeholder={t('auto.task.note')}
                          onChange={(e) => setNotes({ ...notes, [task.id]: e.target.value })}
                        />
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => void complete(task)}
                          data-testid="task-complete"
                        >
                          {t('auto.task.complete')}
                        </button>
                      </span>
                    ) : (
                      <span className="small">
                        {task.completedBy ?? '—'} {task.note ? `· ${task.note}` : ''}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          loading={pages.loading}
          count={pages.items.length}
          hasMore={pages.hasMore}
          onMore={pages.more}
          empty={t('auto.task.empty')}
          testId="tasks-more"
        />
      </div>
    </div>
  );
}
