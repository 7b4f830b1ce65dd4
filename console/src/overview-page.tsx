import { useT } from './i18n/index.js';
import { Link, workspacePath } from './router.js';
import { SECTION_IDS, isUpcoming } from './sections.js';
import type { Workspace } from './types.js';

export function OverviewPage({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const upcoming = SECTION_IDS.filter(isUpcoming);
  return (
    <section className="page" data-testid="overview">
      <header className="page-header">
        <h1 data-testid="page-title">{workspace.name}</h1>
        <span className="badge">{t(`role.${workspace.role}`)}</span>
      </header>
      <div className="grid-2">
        <div className="card">
          <h2 className="card-title">{t('overview.details')}</h2>
          <dl className="details">
            <dt>{t('overview.name')}</dt>
            <dd data-testid="ws-name">{workspace.name}</dd>
            <dt>{t('overview.slug')}</dt>
            <dd data-testid="ws-slug">
              <code>{workspace.slug}</code>
            </dd>
            <dt>{t('overview.timezone')}</dt>
            <dd data-testid="ws-timezone">{workspace.timezone}</dd>
            <dt>{t('overview.role')}</dt>
            <dd data-testid="ws-role">
              <strong>{t(`role.${workspace.role}`)}</strong>
              <div className="muted small">{t(`role.${workspace.role}.desc`)}</div>
            </dd>
          </dl>
        </div>
        <div className="card">
          <h2 className="card-title">{t('overview.next')}</h2>
          <p className="muted">{t('overview.nextBody')}</p>
          <ul className="chip-list">
            {upcoming.map((id) => (
              <li key={id}>
                <Link to={workspacePath(workspace.slug, id)} className="chip">
                  {t(`nav.${id}`)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
