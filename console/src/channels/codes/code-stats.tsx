// One code's figures: scans, adds, fans attributed to its KOC, 7 / 30-day retention (as a small chart),
// and for a group code where its rotation stands (the current group and how full it is).
import { lazy, Suspense } from 'react';
import { wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { AcquisitionCode, CodeStats } from '../types.js';

// ECharts is large: loaded when a code's stats are first opened.
const StatsChart = lazy(() => import('./stats-chart.js').then((m) => ({ default: m.StatsChart })));

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

export function CodeStatsView({ slug, code }: { slug: string; code: AcquisitionCode }) {
  const t = useT();
  const stats = useApiData<CodeStats>(wsPath(slug, 'acquisition', 'codes', code.id, 'stats'));
  const s = stats.data;
  if (!s) return <ErrorBanner error={stats.error} onRetry={stats.reload} />;
  const current = s.groups.at(-1);
  return (
    <div className="ch-stats" data-testid="code-stats">
      <dl className="ch-figures">
        <div>
          <dt>{t('ch.stats.scans')}</dt>
          <dd data-testid="stat-scans">{s.scans}</dd>
        </div>
        <div>
          <dt>{t('ch.stats.adds')}</dt>
          <dd data-testid="stat-adds">{s.adds}</dd>
        </div>
        <div>
          <dt>{t('ch.stats.attributed')}</dt>
          <dd data-testid="stat-attributed">{s.attributed}</dd>
        </div>
        <div>
          <dt>{t('ch.stats.d7')}</dt>
          <dd>
            {pct(s.retention.d7.rate)}{' '}
            <span className="small muted">
              {s.retention.d7.retained}/{s.retention.d7.eligible}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('ch.stats.d30')}</dt>
          <dd>
            {pct(s.retention.d30.rate)}{' '}
            <span className="small muted">
              {s.retention.d30.retained}/{s.retention.d30.eligible}
            </span>
          </dd>
        </div>
      </dl>
      {code.kind === 'group' && (
        <p className="small" data-testid="code-rotation">
          {current
            ? t('ch.stats.rotation', {
                n: s.groups.length,
                members: current.members,
                capacity: code.groupCapacity,
              })
            : t('ch.stats.noGroup')}
        </p>
      )}
      <Suspense fallback={<p className="muted small">{t('common.loading')}</p>}>
        <StatsChart
          labels={[
            t('ch.stats.scans'),
            t('ch.stats.adds'),
            t('ch.stats.attributed'),
            t('ch.stats.retained7'),
            t('ch.stats.retained30'),
          ]}
          values={[s.scans, s.adds, s.attributed, s.retention.d7.retained, s.retention.d30.retained]}
        />
      </Suspense>
    </div>
  );
}
