import { useState } from 'react';
import { wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useApiData } from '../../ui/use-api-data.js';
import { label } from '../labels.js';
import type { SeedingTaskSummary } from '../types.js';
import { Leaderboard } from './leaderboard.js';
import { TaskDrawer } from './task-drawer.js';
import { TaskForm } from './task-form.js';

/** Seeding tasks (种草任务) with their progress, a task's submissions to review, and the leaderboard. */
export function SeedingPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const tasks = useApiData<{ items: SeedingTaskSummary[] }>(wsPath(workspace.slug, 'koc', 'seeding-tasks'));
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const items = tasks.data?.items ?? [];
  return (
    <div className="stack" data-testid="koc-seeding">
      <div className="toolbar">
        <h2 className="card-title">{t('koc.seed.tasks')}</h2>
        {canWrite(workspace.role) && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setCreating(true)}
            data-testid="task-new"
          >
            {t('koc.seed.new')}
          </button>
        )}
      </div>
      <div className="card card-flush">
        <ErrorBanner error={tasks.error} onRetry={tasks.reload} />
        <table className="table" data-testid="task-table">
          <thead>
            <tr>
              <th>{t('koc.seed.title')}</th>
              <th>{t('koc.seed.product')}</th>
              <th>{t('koc.field.platform')}</th>
              <th>{t('koc.seed.due')}</th>
              <th>{t('koc.seed.reward')}</th>
              <th className="num">{t('koc.seed.assigned')}</th>
              <th className="num">{t('koc.seed.submitted')}</th>
              <th className="num">{t('koc.seed.approved')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id} className="row-link" onClick={() => setOpenId(x.id)} data-testid="task-row">
                <td>
                  <button type="button" className="btn-link" onClick={() => setOpenId(x.id)}>
                    {x.title}
                  </button>
                </td>
                <td>{x.product}</td>
                <td>{label(t, 'platform', x.platform)}</td>
                <td className="nowrap">{formatTime(x.dueAt, lang, workspace.timezone)}</td>
                <td>
                  {x.reward.amount} {label(t, 'reward', x.reward.kind)}
                </td>
                <td className="num">{x.assigned}</td>
                <td className="num">{x.submitted}</td>
                <td className="num">{x.approved}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!tasks.loading && items.length === 0 && <p className="card-note muted">{t('koc.seed.empty')}</p>}
      </div>
      <Leaderboard workspace={workspace} />
      {openId && (
        <TaskDrawer
          workspace={workspace}
          taskId={openId}
          onClose={() => setOpenId(null)}
          onChanged={tasks.reload}
        />
      )}
      {creating && (
        <TaskForm
          workspace={workspace}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            tasks.reload();
            setOpenId(id);
          }}
        />
      )}
    </div>
  );
}
