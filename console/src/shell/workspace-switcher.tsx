import { useState } from 'react';
import { useT } from '../i18n/index.js';
import { navigate, workspacePath } from '../router.js';
import type { SectionId } from '../sections.js';
import { useSession } from '../session.js';
import type { Workspace } from '../types.js';
import { CreateWorkspaceDialog } from '../workspaces/create-workspace-dialog.js';
import { useDropdown } from './use-dropdown.js';

interface Props {
  workspaces: Workspace[];
  current: Workspace;
  section: SectionId;
  tab: string | null;
}

/** Lists the user's workspaces; picking one keeps the section (and settings tab) in view. */
export function WorkspaceSwitcher({ workspaces, current, section, tab }: Props) {
  const t = useT();
  const { refresh } = useSession();
  const menu = useDropdown<HTMLDivElement>();
  const [creating, setCreating] = useState(false);

  const pick = (slug: string) => {
    menu.setOpen(false);
    navigate(workspacePath(slug, section, tab));
  };

  return (
    <div className="dropdown" ref={menu.ref}>
      <button
        type="button"
        className="switcher-button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-label={t('topbar.switchWorkspace')}
        onClick={() => {
          // Workspaces made elsewhere (another tab, the CLI) show up when the list is opened.
          if (!menu.open) void refresh({ quiet: true });
          menu.toggle();
        }}
        data-testid="workspace-switcher"
      >
        <span className="switcher-label">{t('topbar.workspace')}</span>
        <span className="switcher-name" data-testid="current-workspace">
          {current.name}
        </span>
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {menu.open && (
        <div className="dropdown-menu" role="menu">
          {workspaces.map((w) => (
            <button
              key={w.slug}
              type="button"
              role="menuitemradio"
              aria-checked={w.slug === current.slug}
              className={w.slug === current.slug ? 'menu-item active' : 'menu-item'}
              onClick={() => pick(w.slug)}
              data-testid="workspace-option"
              data-slug={w.slug}
            >
              <span className="menu-item-main">{w.name}</span>
              <span className="menu-item-sub">
                {w.slug} · {t(`role.${w.role}`)}
              </span>
            </button>
          ))}
          <div className="menu-separator" role="separator" />
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              menu.setOpen(false);
              setCreating(true);
            }}
            data-testid="workspace-new"
          >
            + {t('topbar.newWorkspace')}
          </button>
        </div>
      )}
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
