import { useEffect, useId } from 'react';
import { wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import { formatCount } from '../labels.js';
import type { LeaderPage } from '../types.js';
import { tiersText } from './commission-card.js';

/** A group leader's page: its fans (total, new, by city), its communities and the commission rules. */
export function LeaderDrawer(props: { workspace: Workspace; kocId: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const titleId = useId();
  const { onClose } = props;
  const page = useApiData<LeaderPage>(wsPath(props.workspace.slug, 'koc', 'leaders', props.kocId, 'page'));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const p = page.data;
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-labelledby={titleId} data-testid="leader-drawer">
        <header className="modal-header">
          <h2 id={titleId}>{p ? p.koc.name : t('common.loading')}</h2>
          <button type="button" className="btn-icon" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="drawer-body">
          <ErrorBanner error={page.error} onRetry={page.reload} />
          {p && (
            <>
              <div className="stat-row">
                <div className="stat">
                  <div className="stat-value">{formatCount(p.fans.total, lang)}</div>
                  <div className="stat-label">{t('koc.field.fans')}</div>
                </div>
                <div className="stat">
                  <div className="stat-value">{formatCount(p.fans.newContactsLast30Days, lang)}</div>
                  <div className="stat-label">{t('koc.leaders.new30')}</div>
                </div>
                {p.communities && (
                  <div className="stat">
                    <div className="stat-value">
                      {p.communities.count} / {formatCount(p.communities.members, lang)}
                    </div>
                    <div className="stat-label">{t('koc.leaders.communities')}</div>
                  </div>
                )}
              </div>
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.leaders.byCity')}</h3>
                <table className="table table-compact">
                  <tbody>
                    {p.fans.byCity.map((c) => (
                      <tr key={c.city ?? ''}>
                        <td>{c.city ?? t('common.none')}</td>
                        <td className="num">{formatCount(c.count, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <section className="drawer-section">
                <h3 className="section-title">{t('koc.leaders.commission')}</h3>
                <ul className="plain-list">
                  {p.commissionRules.map((r) => (
                    <li key={r.id}>
                      <strong>{r.scope === 'default' ? t('koc.leaders.scopeDefault') : r.scopeValue}</strong>{' '}
                      {tiersText(r.tiers)}
                    </li>
                  ))}
                </ul>
                <p className="muted">{t('koc.leaders.ordersLater')}</p>
              </section>
            </>
          )}
        </div>
      </aside>
    </div>
  );
}
