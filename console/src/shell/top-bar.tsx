import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import type { SectionId } from '../sections.js';
import type { Me, Workspace } from '../types.js';
import { LangSwitch } from './lang-switch.js';
import { UserMenu } from './user-menu.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';

interface Props {
  me: Me;
  workspace: Workspace;
  section: SectionId;
  tab: string | null;
}

export function TopBar({ me, workspace, section, tab }: Props) {
  const t = useT();
  return (
    <header className="topbar" data-testid="topbar">
      <Link to={workspacePath(workspace.slug)} className="brand">
        <span className="brand-mark" aria-hidden="true">
          闺
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <WorkspaceSwitcher workspaces={me.workspaces} current={workspace} section={section} tab={tab} />
      <div className="topbar-spacer" />
      <LangSwitch />
      <UserMenu user={me.user} />
    </header>
  );
}
