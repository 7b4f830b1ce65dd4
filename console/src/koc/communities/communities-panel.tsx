import { useState } from 'react';
import { wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount, formatRate, label } from '../labels.js';
import { COMMUNITY_TYPES, type Community, type CommunityStats } from '../types.js';
import { CommunityDrawer } from './community-drawer.js';

/** Communities (社群) with their type, tier, owner, capacity, members and 7-day interaction rate. */
export function CommunitiesPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [type, setType] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApiData<{ items: Community[] }>(
    `${wsPath(workspace.slug, 'communities')}${type ? `?type=${type}` : ''}`,
  );
  // Owners are robot or staff accounts: shown by name (the channels section lists them).
  const accounts = useApiData<{ accounts: { id: string; name: string }[] }>(
    wsPath(workspace.slug, 'channels', 'accounts'),
  );
  const ownerName = new Map(accounts.data?.accounts.map((a) => [a.id, a.name]) ?? []);
  const items = list.data?.items ?? [];

  return (
    <div className="stack" data-testid="koc-communities">
      <div className="toolbar">
        <select
          value={type}
          onChange={(e) => setType(e.target.value)}
          aria-label={t('koc.comm.type')}
          data-testid="community-type-filter"
        >
          <option value="">{t('koc.comm.allTypes')}</option>
          {COMMUNITY_TYPES.map((x) => (
            <option key={x} value={x}>
              {label(t, 'ctype', x)}
            </option>
          ))}
        </select>
      </div>
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <div className="table-wrap">
          <table className="table" data-testid="community-table">
            <thead>
              <tr>
                <th>{t('koc.comm.name')}</th>
                <th>{t('koc.comm.type')}</th>
                <th>{t('koc.comm.tier')}</th>
                <th>{t('koc.comm.owner')}</th>
                <th className="num">{t('koc.comm.capacity')}</th>
                <th className="num">{t('koc.comm.groups')}</th>
                <th className="num">{t('koc.comm.members')}</th>
                <th className="num">{t('koc.comm.rate7')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr
                  key={c.id}
                  className="row-link"
                  onClick={() => setOpenId(c.id)}
                  data-testid="community-row"
                >
                  <td>
                    <button type="button" className="btn-link" onClick={() => setOpenId(c.id)}>
                      {c.name}
                    </button>
                    {c.tags.length > 0 && <span className="muted"> · {c.tags.join(' ')}</span>}
                  </td>
                  <td>{label(t, 'ctype', c.type)}</td>
                  <td>{c.tier ? label(t, 'tier', c.tier) : t('common.none')}</td>
                  <td>{ownerName.get(c.ownerAccountId) ?? <code>{c.ownerAccountId}</code>}</td>
                  <td className="num">{c.capacity}</td>
                  <td className="num">{c.groups.length}</td>
                  <td className="num">{formatCount(c.members, lang)}</td>
                  <td className="num">
                    <RateCell slug={workspace.slug} id={c.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!list.loading && items.length === 0 && <p className="card-note muted">{t('koc.comm.empty')}</p>}
      </div>
      {openId && <CommunityDrawer workspace={workspace} id={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}

/** Each row reads its own stats: the list route does not compute interaction (it reads events). */
function RateCell({ slug, id }: { slug: string; id: string }) {
  const stats = useApiData<CommunityStats>(`${wsPath(slug, 'communities', id, 'stats')}?days=7`);
  if (!stats.data) return <span className="muted">…</span>;
  return <>{formatRate(stats.data.interactionRate)}</>;
}
