import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { visibleSections } from '../roles.js';
import { isUpcoming, type SectionId } from '../sections.js';
import type { Role } from '../types.js';
import { NavIcon } from './nav-icons.js';

export function SideNav({ slug, section, role }: { slug: string; section: SectionId; role: Role }) {
  const t = useT();
  return (
    <nav className="sidenav" aria-label={t('nav.label')} data-testid="sidenav">
      {visibleSections(role).map((id) => (
        <Link
          key={id}
          to={workspacePath(slug, id)}
          className={id === section ? 'nav-item active' : 'nav-item'}
          current={id === section}
          testId={`nav-${id}`}
        >
          <NavIcon section={id} />
          <span className="nav-label">{t(`nav.${id}`)}</span>
          {isUpcoming(id) && <span className="nav-dot" aria-hidden="true" />}
        </Link>
      ))}
    </nav>
  );
}
