// A flow's runs, one per contact (or one broadcast run): state, the step it is at, when it is next due,
// what it waits for and why it ended; counts by state, filtered by state, a page at a time.
import { useCallback, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import type { Flow, FlowRun, FlowRunsPage } from '../types.js';
import { useTime } from '../use-time.js';

const STATES = ['active', 'waiting', 'completed', 'exited'] as const;

export function FlowRuns({ slug, zone, flow }: { slug: string; zone: string; flow: Flow }) {
  const t = useT();
  const time = useTime(zone);
  const [state, setState] = useState('');
  const key = `${flow.id}:${flow.version}:${flow.status}:${state}`;
  const load = useCallback(
    (cursor: string | null) => {
      const qs = new URLSearchParams({ limit: '50' });
      if (state) qs.set('state', state);
      if (cursor) qs.set('cursor', cursor);
      return api.get<FlowRunsPage>(`${wsPath(slug, 'flows', flow.id, 'runs')}?${qs.toString()}`);
    },
    [slug, flow.id, state],
  );
  const pages = useCursorPages<FlowRun, FlowRunsPage>(key, load);
  const counts = pages.last?.counts ?? {};

  return (
    <div className="card card-flush" data-testid="flow-runs">
      <div className="card-pad toolbar">
        <h3 className="section-title">{t('auto.runs.title')}</h3>
        <div className="segmented">
          {['', ...STATES].map((s) => (
            <button
              key={s || 'all'}
              type="button"
              className={s === state ? 'segmented-item active' : 'segmented-item'}
              onClick={() => setState(s)}
            >
              {s ? t(`auto.run.${s as (typeof STATES)[number]}`) : t('auto.runs.all')}
              {s && <span className="muted small"> {counts[s] ?? 0}</span>}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" onClick={pages.reload}>
          {t('auto.refresh')}
        </button>
      </div>
      <ErrorBanner error={pages.error} onRetry={pages.reload} />
      <div className="table-wrap">
        <table className="table" data-testid="runs-table">
          <thead>
            <tr>
              <th>{t('auto.runs.contact')}</th>
              <th>{t('auto.runs.state')}</th>
              <th>{t('auto.runs.step')}</th>
              <th>{t('auto.runs.nextDue')}</th>
              <th>{t('auto.runs.waiting')}</th>
              <th>{t('auto.runs.exit')}</th>
              <th>{t('auto.runs.enrolled')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((r) => (
              <tr key={r.id} data-testid="run-row" data-state={r.state}>
                <td>{r.contactId ?? t('auto.runs.broadcast')}</td>
                <td>
                  <span className={`badge badge-run-${r.state}`}>
                    {t(`auto.run.${r.state as (typeof STATES)[number]}`)}
                  </span>
                </td>
                <td>
                  {r.stepId ?? '—'} <span className="muted small">v{r.version}</span>
                </td>
                <td className="nowrap">{time(r.nextDueAt)}</td>
                <td>{r.waitingFor ? r.waitingFor.type : '—'}</td>
                <td>{r.exitReason ?? '—'}</td>
                <td className="nowrap">{time(r.enrolledAt)}</td>
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
        empty={t('auto.runs.empty')}
        testId="runs-more"
      />
    </div>
  );
}
