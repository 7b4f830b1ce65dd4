// The content (内容) section: the material library, the script library and the sensitive-word lists.
import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { CONTENT_TABS, type ContentTab } from '../sections.js';
import type { Workspace } from '../types.js';
import { MaterialsPanel } from './materials/materials-panel.js';
import { ScriptsPanel } from './scripts/scripts-panel.js';
import { SensitivePanel } from './sensitive/sensitive-panel.js';

export function ContentPage({ workspace, tab }: { workspace: Workspace; tab: string | null }) {
  const t = useT();
  const active: ContentTab = CONTENT_TABS.find((x) => x === tab) ?? 'materials';
  return (
    <section className="page" data-testid="content-page">
      <header className="page-header">
        <h1>{t('nav.content')}</h1>
      </header>
      <nav className="tabs" aria-label={t('cnt.tabs')}>
        {CONTENT_TABS.map((id) => (
          <Link
            key={id}
            to={workspacePath(workspace.slug, 'content', id)}
            className={id === active ? 'tab active' : 'tab'}
            current={id === active}
            testId={`content-tab-${id}`}
          >
            {t(`cnt.tab.${id}`)}
          </Link>
        ))}
      </nav>
      <div key={workspace.slug}>
        {active === 'materials' && <MaterialsPanel workspace={workspace} />}
        {active === 'scripts' && <ScriptsPanel workspace={workspace} />}
        {active === 'sensitive' && <SensitivePanel workspace={workspace} />}
      </div>
    </section>
  );
}
