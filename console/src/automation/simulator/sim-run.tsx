// "Run a simulated day": rehearses the active flows on a copy of the workspace with virtual fans (the
// real data and channels are untouched) and shows what happened: touches by flow step, guardrail
// holds, the fans' events and the runs' states.
import { lazy, Suspense, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TOUCH_STATES, type SimulationReport } from '../types.js';
import { useTime } from '../use-time.js';

const ReportChart = lazy(() => import('./report-chart.js').then((m) => ({ default: m.ReportChart })));

function Counts({
  title,
  counts,
  testId,
}: {
  title: string;
  counts: Record<string, number>;
  testId: string;
}) {
  const t = useT();
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <div data-testid={testId}>
      <h3 className="section-title">{title}</h3>
      {entries.length === 0 ? (
        <p className="muted small">{t('auto.sim.none')}</p>
      ) : (
        <table className="table table-compact">
          <tbody>
            {entries.map(([k, n]) => (
              <tr key={k}>
                <td>{k}</td>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SimRun({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const time = useTime(workspace.timezone);
  const [days, setDays] = useState(1);
  const [seed, setSeed] = useState(1);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<SimulationReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const stateLabel = (s: string) =>
    (TOUCH_STATES as readonly string[]).includes(s) ? t(`auto.touch.${s as 'sent'}`) : s;

  const simulate = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.post<SimulationReport>(wsPath(workspace.slug, 'simulate'), { days, seed }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" data-testid="sim-run">
      <div className="toolbar">
        <h2 className="card-title toolbar-search">{t('auto.sim.rehearse')}</h2>
        <label className="small">
          {t('auto.sim.days')}{' '}
          <input
            type="number"
            min={1}
            max={60}
            value={days}
            onChange={(e) => setDays(Number(e.target.value) || 1)}
            className="input-narrow"
          />
        </label>
        <label className="small">
          {t('auto.sim.seed')}{' '}
          <input
            type="number"
            value={seed}
            onChange={(e) => setSeed(Number(e.target.value) || 1)}
            className="input-narrow"
          />
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !canWrite(workspace.role)}
          onClick={() => void simulate()}
          data-testid="sim-run-button"
        >
          {busy
            ? t('auto.sim.running')
            : days === 1
              ? t('auto.sim.runDay')
              : t('auto.sim.runDays', { n: days })}
        </button>
      </div>
      <p className="muted small">{t('auto.sim.isolation')}</p>
      <ErrorBanner error={error} />
      {report && (
        <div className="stack" data-testid="sim-report">
          <p className="muted small">
            {t('auto.sim.span', { from: time(report.from), to: time(report.to), ticks: report.ticks })}
          </p>
          <div className="stat-row">
            <div className="stat">
              <span className="stat-value" data-testid="sim-touches">
                {report.touches.total}
              </span>
              <span className="stat-label">{t('auto.sim.touches')}</span>
            </div>
            <div className="stat">
              <span className="stat-value" data-testid="sim-holds">
                {report.holds.total}
              </span>
              <span className="stat-label">{t('auto.sim.holds')}</span>
            </div>
            <div className="stat">
              <span className="stat-value">{report.events.total}</span>
              <span className="stat-label">{t('auto.sim.events')}</span>
            </div>
          </div>
          {report.touches.byFlow.length > 0 && (
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <ReportChart report={report} stateLabel={stateLabel} />
            </Suspense>
          )}
          <table className="table" data-testid="sim-by-step">
            <thead>
              <tr>
                <th>{t('auto.dl.flow')}</th>
                <th>{t('auto.runs.step')}</th>
                <th className="num">{t('auto.sim.touches')}</th>
                <th>{t('auto.sim.byState')}</th>
              </tr>
            </thead>
            <tbody>
              {report.touches.byFlow.map((r) => (
                <tr
                  key={`${r.flow}:${r.step}`}
                  data-testid="sim-step-row"
                  data-flow={r.flow}
                  data-step={r.step}
                >
                  <td>{r.flow}</td>
                  <td>{r.step}</td>
                  <td className="num">{r.total}</td>
                  <td className="small">
                    {Object.entries(r.byState)
                      .map(([s, n]) => `${stateLabel(s)} ${n}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="grid-3">
            <Counts title={t('auto.sim.holdsBy')} counts={report.holds.byGuardrail} testId="sim-holds-by" />
            <Counts title={t('auto.sim.eventsBy')} counts={report.events.byType} testId="sim-events-by" />
            <Counts
              title={t('auto.sim.runsBy')}
              counts={Object.fromEntries(
                Object.entries(report.runs).flatMap(([flow, states]) =>
                  Object.entries(states).map(([s, n]) => [`${flow} · ${s}`, n]),
                ),
              )}
              testId="sim-runs-by"
            />
          </div>
        </div>
      )}
    </section>
  );
}
