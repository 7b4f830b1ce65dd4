import { useState } from 'react';
import { wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatRate, label } from '../labels.js';
import type { GroupLeader } from '../types.js';
import { CommissionCard } from './commission-card.js';
import { LeaderApplications } from './leader-applications.js';
import { LeaderDrawer } from './leader-drawer.js';

/**
 * Group leaders (团长): the leader applications (one queue with the ladder: approving one makes the fan a
 * 代颜粉 and, for a KOC, a group leader), the approved leaders with their page, and commission rules.
 */
export function LeadersPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const leaders = useApiData<{ items: GroupLeader[] }>(wsPath(workspace.slug, 'koc', 'leaders'));
  const [openId, setOpenId] = useState<string | null>(null);
  const items = leaders.data?.items ?? [];
  return (
    <div className="stack" data-testid="koc-leaders">
      <LeaderApplications workspace={workspace} onReviewed={leaders.reload} />
      <div className="card card-flush">
        <h2 className="card-title card-pad">{t('koc.leaders.approved')}</h2>
        <ErrorBanner error={leaders.error} onRetry={leaders.reload} />
        <table className="table" data-testid="leader-table">
          <thead>
            <tr>
              <th>{t('koc.field.name')}</th>
              <th>{t('koc.leaders.verdicts')}</th>
              <th>{t('koc.leaders.approvedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((l) => (
              <tr
                key={l.kocId}
                className="row-link"
                onClick={() => setOpenId(l.kocId)}
                data-testid="leader-row"
              >
                <td>
                  <button type="button" className="btn-link" onClick={() => setOpenId(l.kocId)}>
                    {l.name}
                  </button>
                </td>
                <td className="muted">
                  {l.verdicts
                    .map(
                      (v) =>
                        `${label(t, 'check', v.rule)} ${
                          v.rule === 'interactionRate' && typeof v.actual === 'number'
                            ? formatRate(v.actual)
                            : String(v.actual)
                        }`,
                    )
                    .join(' · ')}
                </td>
                <td className="nowrap">{formatTime(l.reviewedAt, lang, workspace.timezone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!leaders.loading && items.length === 0 && <p className="card-note muted">{t('koc.leaders.none')}</p>}
      </div>
      <CommissionCard workspace={workspace} />
      {openId && <LeaderDrawer workspace={workspace} kocId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
