import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { SECTION_IDS, isUpcoming, type SectionId } from '../sections.js';
import { NavIcon } from './nav-icons.js';

export function SideNav({ slug, section }: { slug: string; section: SectionId }) {
  const t = useT();
  return (
    <nav className="sidenav" aria-label={t('nav.label')} data-testid="sidenav">
      {SECTION_IDS.map((id) => (
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
