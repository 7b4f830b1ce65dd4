// The KOC (达人) section: roster, recruitment, selection by de-duplicated reach, the fan ladder,
// communities, group leaders and seeding tasks, one tab each. A koc-role member sees none of those
// (they are the whole program's data): only its own profile, figures, fans and tasks from /me/koc.
import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { KOC_TABS, type KocTab } from '../sections.js';
import type { Workspace } from '../types.js';
import { CommunitiesPanel } from './communities/communities-panel.js';
import { LadderPanel } from './ladder/ladder-panel.js';
import { LeadersPanel } from './leaders/leaders-panel.js';
import { MyKocPanel } from './my-koc-panel.js';
import { RecruitmentPanel } from './recruitment/recruitment-panel.js';
import { RosterPanel } from './roster/roster-panel.js';
import { SeedingPanel } from './seeding/seeding-panel.js';
import { SelectionPanel } from './selection/selection-panel.js';

export function KocPage({ workspace, tab }: { workspace: Workspace; tab: string | null }) {
  const t = useT();
  const active: KocTab = KOC_TABS.find((x) => x === tab) ?? 'roster';
  if (workspace.role === 'koc') {
    return (
      <section className="page koc-section" data-testid="koc-page">
        <header className="page-header">
          <h1>{t('koc.my.title')}</h1>
        </header>
        <MyKocPanel key={workspace.slug} workspace={workspace} />
      </section>
    );
  }
  return (
    <section className="page koc-section" data-testid="koc-page">
      <header className="page-header">
        <h1>{t('nav.koc')}</h1>
      </header>
      <nav className="tabs" aria-label={t('koc.tabs')}>
        {KOC_TABS.map((id) => (
          <Link
            key={id}
            to={workspacePath(workspace.slug, 'koc', id)}
            className={id === active ? 'tab active' : 'tab'}
            current={id === active}
            testId={`koc-tab-${id}`}
          >
            {t(`koc.tab.${id}`)}
          </Link>
        ))}
      </nav>
      <div key={workspace.slug}>
        {active === 'roster' && <RosterPanel workspace={workspace} />}
        {active === 'recruitment' && <RecruitmentPanel workspace={workspace} />}
        {active === 'selection' && <SelectionPanel workspace={workspace} />}
        {active === 'ladder' && <LadderPanel workspace={workspace} />}
        {active === 'communities' && <CommunitiesPanel workspace={workspace} />}
        {active === 'leaders' && <LeadersPanel workspace={workspace} />}
        {active === 'seeding' && <SeedingPanel workspace={workspace} />}
      </div>
    </section>
  );
}
