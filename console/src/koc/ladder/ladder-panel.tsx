import { useState } from 'react';
import { wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount } from '../labels.js';
import type { TierCount, TierMove } from '../types.js';
import { FlowChart } from './flow-chart.js';
import { FunnelChart } from './funnel-chart.js';
import { LadderSettingsCard } from './ladder-settings-card.js';

const WINDOWS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

/** The fan ladder: fans per tier as a funnel, moves between tiers per day, and the ladder's rules. */
export function LadderPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [days, setDays] = useState<number>(30);
  // The window ends at the next UTC midnight, so today's moves are in and the path is stable all day.
  const [to] = useState(() => new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS));
  const from = new Date(to.getTime() - days * DAY_MS);
  const tiers = useApiData<{ items: TierCount[] }>(wsPath(workspace.slug, 'ladder', 'tiers'));
  const moves = useApiData<{ items: TierMove[] }>(
    `${wsPath(workspace.slug, 'ladder', 'funnel')}?${new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      interval: 'day',
    })}`,
  );
  const counts = tiers.data?.items ?? [];
  const total = counts.reduce((s, c) => s + c.count, 0);
  const names = Object.fromEntries(counts.map((c) => [c.tier, c.name]));

  return (
    <div className="stack" data-testid="koc-ladder">
      <ErrorBanner error={tiers.error ?? moves.error} onRetry={tiers.error ? tiers.reload : moves.reload} />
      <div className="grid-2">
        <div className="card card-pad">
          <h2 className="card-title">{t('koc.ladder.funnel')}</h2>
          {counts.length > 0 && <FunnelChart counts={counts} />}
          <table className="table table-compact" data-testid="ladder-counts">
            <thead>
              <tr>
                <th>{t('koc.ladder.tier')}</th>
                <th className="num">{t('koc.ladder.fans')}</th>
                <th className="num">{t('koc.ladder.share')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.tier} data-testid="ladder-count" data-tier={c.tier}>
                  <td>{c.name}</td>
                  <td className="num" data-testid="ladder-count-value">
                    {formatCount(c.count, lang)}
                  </td>
                  <td className="num">{total ? `${((c.count / total) * 100).toFixed(1)}%` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card card-pad">
          <div className="toolbar">
            <h2 className="card-title">{t('koc.ladder.flow')}</h2>
            <div className="segmented" role="group" aria-label={t('koc.ladder.window')}>
              {WINDOWS.map((w) => (
                <button
                  key={w}
                  type="button"
                  className={w === days ? 'segmented-item active' : 'segmented-item'}
                  aria-pressed={w === days}
                  onClick={() => setDays(w)}
                >
                  {t('koc.ladder.days', { n: w })}
                </button>
              ))}
            </div>
          </div>
          {moves.data && moves.data.items.length === 0 && <p className="muted">{t('koc.ladder.noMoves')}</p>}
          {moves.data && moves.data.items.length > 0 && (
            <FlowChart moves={moves.data.items} names={names} from={from} days={days} />
          )}
        </div>
      </div>
      <LadderSettingsCard workspace={workspace} onSaved={tiers.reload} />
    </div>
  );
}
