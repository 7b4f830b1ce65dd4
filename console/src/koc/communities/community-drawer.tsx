import { useCallback, useEffect, useId, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { LoadMore } from '../../ui/load-more.js';
import { useApiData } from '../../ui/use-api-data.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { formatCount, formatRate, label } from '../labels.js';
import type { Community, CommunityMember, CommunityStats } from '../types.js';
import { ActivityChart } from './activity-chart.js';

const STATS_DAYS = 30;
const MEMBERS_PAGE = 50;
const ROLES = ['member', 'atmosphere', 'group_leader'] as const;

/** One community: its groups, 30-day interaction and daily activity, and its members with their roles. */
export function CommunityDrawer(props: { workspace: Workspace; id: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const titleId = useId();
  const { workspace, id, onClose } = props;
  const base = wsPath(workspace.slug, 'communities', id);
  const community = useApiData<Community>(base);
  const stats = useApiData<CommunityStats>(`${base}/stats?days=${STATS_DAYS}`);
  const [role, setRole] = useState('');
  const load = useCallback(
    async (cursor: string | null) => {
      const q = new URLSearchParams({ limit: String(MEMBERS_PAGE) });
      if (cursor) q.set('after', cursor);
      if (role) q.set('role', role);
      const page = await api.get<{ items: CommunityMember[]; nextAfter: number | null }>(
        `${base}/members?${q}`,
      );
      return { items: page.items, nextCursor: page.nextAfter === null ? null : String(page.nextAfter) };
    },
    [base, role],
  );
  const members = useCursorPages<CommunityMember>(`${id}|${role}`, load);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const c = community.data;
  const s = stats.data;
  const groupName = new Map(c?.groups.map((g) => [g.groupId, g.name]) ?? []);
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside
        className="drawer drawer-wide"
        role="dialog"
        aria-labelledby={titleId}
        data-testid="community-drawer"
      >
        <header className="modal-header">
          <h2 id={titleId}>{c ? c.name : t('common.loading')}</h2>
          <button type="button" className="btn-icon" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="drawer-body">
          <ErrorBanner error={community.error ?? stats.error ?? members.error} />
          {c && (
            <p className="muted">
              {label(t, 'ctype', c.type)}
              {c.tier ? ` · ${label(t, 'tier', c.tier)}` : ''} · {t('koc.comm.capacityOf', { n: c.capacity })}
            </p>
          )}
          {s && (
            <>
              <div className="stat-row">
                <div className="stat">
                  <div className="stat-value">{formatCount(s.members, lang)}</div>
                  <div className="stat-label">{t('koc.comm.members')}</div>
                </div>
                <div className="stat">
                  <div className="stat-value">{formatCount(s.interacting, lang)}</div>
                  <div className="stat-label">{t('koc.comm.interacting', { n: STATS_DAYS })}</div>
                </div>
                <div className="stat">
                  <div className="stat-value" data-testid="community-rate">
                    {formatRate(s.interactionRate)}
                  </div>
                  <div className="stat-label">{t('koc.comm.rate')}</div>
                </div>
              </div>
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.comm.activity', { n: STATS_DAYS })}</h3>
                <ActivityChart stats={s} />
              </section>
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.comm.groups')}</h3>
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th>{t('koc.comm.group')}</th>
                      <th className="num">{t('koc.comm.members')}</th>
                      <th className="num">{t('koc.comm.rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.groups.map((g) => (
                      <tr key={g.groupId}>
                        <td>{g.name}</td>
                        <td className="num">{formatCount(g.members, lang)}</td>
                        <td className="num">{formatRate(g.interactionRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          )}
          <section className="drawer-section">
            <div className="toolbar">
              <h3 className="section-title">{t('koc.comm.memberList')}</h3>
              <select value={role} onChange={(e) => setRole(e.target.value)} aria-label={t('koc.comm.role')}>
                <option value="">{t('koc.comm.allRoles')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {label(t, 'crole', r)}
                  </option>
                ))}
              </select>
            </div>
            <table className="table table-compact" data-testid="community-members">
              <thead>
                <tr>
                  <th>{t('koc.comm.member')}</th>
                  <th>{t('koc.comm.role')}</th>
                  <th>{t('koc.comm.group')}</th>
                  <th>{t('koc.comm.joined')}</th>
                </tr>
              </thead>
              <tbody>
                {members.items.map((m) => (
                  <tr key={m.contactId}>
                    <td>{m.name ?? `#${m.contactId}`}</td>
                    <td>{label(t, 'crole', m.role)}</td>
                    <td>{groupName.get(m.groupId) ?? m.groupId}</td>
                    <td className="nowrap">{formatTime(m.joinedAt, lang, workspace.timezone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore
              loading={members.loading}
              count={members.items.length}
              hasMore={members.hasMore}
              onMore={members.more}
              empty={t('koc.comm.noMembers')}
              testId="community-members-more"
            />
          </section>
        </div>
      </aside>
    </div>
  );
}
