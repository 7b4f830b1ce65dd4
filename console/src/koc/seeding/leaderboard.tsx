import { useState } from 'react';
import { wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount, formatRate } from '../labels.js';
import type { LeaderboardRow } from '../types.js';

const BY = ['reach', 'interaction'] as const;

/** KOCs ranked by reads or by interactions over their approved seeding posts. */
export function Leaderboard({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [by, setBy] = useState<(typeof BY)[number]>('reach');
  const board = useApiData<{ items: LeaderboardRow[] }>(
    `${wsPath(workspace.slug, 'koc', 'leaderboard')}?by=${by}&limit=20`,
  );
  return (
    <div className="card card-flush" data-testid="koc-leaderboard">
      <div className="toolbar card-pad">
        <h2 className="card-title">{t('koc.seed.leaderboard')}</h2>
        <div className="segmented" role="group" aria-label={t('koc.seed.rankBy')}>
          {BY.map((b) => (
            <button
              key={b}
              type="button"
              className={b === by ? 'segmented-item active' : 'segmented-item'}
              aria-pressed={b === by}
              onClick={() => setBy(b)}
            >
              {t(`koc.seed.by.${b}`)}
            </button>
          ))}
        </div>
      </div>
      <ErrorBanner error={board.error} onRetry={board.reload} />
      <table className="table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('koc.field.name')}</th>
            <th className="num">{t('koc.seed.posts')}</th>
            <th className="num">{t('koc.seed.reads')}</th>
            <th className="num">{t('koc.seed.interactions')}</th>
            <th className="num">{t('koc.field.interactionRate')}</th>
          </tr>
        </thead>
        <tbody>
          {(board.data?.items ?? []).map((r) => (
            <tr key={r.kocId}>
              <td className="num">{r.rank}</td>
              <td>{r.name}</td>
              <td className="num">{r.posts}</td>
              <td className="num">{formatCount(r.reads, lang)}</td>
              <td className="num">{formatCount(r.interactions, lang)}</td>
              <td className="num">{formatRate(r.interactionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.data?.items.length === 0 && <p className="card-note muted">{t('koc.seed.noPosts')}</p>}
    </div>
  );
}
