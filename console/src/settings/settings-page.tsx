import { useT } from '../i18n/index.js';
import { visibleSettingsTabs } from '../roles.js';
import { Link, workspacePath } from '../router.js';
import type { SettingsTab } from '../sections.js';
import type { Me, Workspace } from '../types.js';
import { AuditPanel } from './audit-panel.js';
import { MembersPanel } from './members-panel.js';
import { RolesPanel } from './roles-panel.js';
import { TokensPanel } from './tokens-panel.js';

interface Props {
  me: Me;
  workspace: Workspace;
  tab: string | null;
}

export function SettingsPage({ me, workspace, tab }: Props) {
  const t = useT();
  const tabs = visibleSettingsTabs(workspace.role);
  // An unknown or hidden tab falls back to the first one this role can see.
  const active: SettingsTab = tabs.find((x) => x === tab) ?? tabs[0] ?? 'roles';

  return (
    <section className="page" data-testid="settings">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('settings.tabs')}>
        {tabs.map((id) => (
          <Link
            key={id}
            to={workspacePath(workspace.slug, 'settings', id)}
            className={id === active ? 'tab active' : 'tab'}
            current={id === active}
            testId={`settings-tab-${id}`}
          >
            {t(`settings.${id}`)}
          </Link>
        ))}
      </nav>
      {/* Keyed by workspace so no panel keeps another workspace's data or form input. */}
      <div key={workspace.slug}>
        {active === 'members' && <MembersPanel me={me} workspace={workspace} />}
        {active === 'roles' && <RolesPanel />}
        {active === 'tokens' && <TokensPanel workspace={workspace} />}
        {active === 'audit' && <AuditPanel workspace={workspace} />}
      </div>
    </section>
  );
}
