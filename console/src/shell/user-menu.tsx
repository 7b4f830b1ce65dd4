import { useT } from '../i18n/index.js';
import { useSession } from '../session.js';
import type { User } from '../types.js';
import { useDropdown } from './use-dropdown.js';

export function UserMenu({ user }: { user: User }) {
  const t = useT();
  const { logout } = useSession();
  const menu = useDropdown<HTMLDivElement>();
  const label = user.name || user.email;
  const initial = label.trim().charAt(0).toUpperCase() || '?';

  return (
    <div className="dropdown dropdown-right" ref={menu.ref}>
      <button
        type="button"
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-label={t('topbar.userMenu')}
        onClick={menu.toggle}
        data-testid="user-menu"
      >
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="user-name">{label}</span>
      </button>
      {menu.open && (
        <div className="dropdown-menu" role="menu">
          <div className="menu-header">
            <div className="menu-item-sub">{t('topbar.signedInAs')}</div>
            <div className="menu-item-main">{user.email}</div>
          </div>
          <div className="menu-separator" role="separator" />
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            // The session ends locally even if the server cannot be reached.
            onClick={() => void logout().catch(() => undefined)}
            data-testid="logout"
          >
            {t('topbar.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
