// The audience (受众) section: contacts, import, tags, auto-tag rules and segments, one tab each.
import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { AUDIENCE_TABS, type AudienceTab } from '../sections.js';
import type { Workspace } from '../types.js';
import { ContactsPanel } from './contacts/contacts-panel.js';
import { ImportPanel } from './import/import-panel.js';
import { RulesPanel } from './rules/rules-panel.js';
import { SegmentsPanel } from './segments/segments-panel.js';
import { TagsPanel } from './tags/tags-panel.js';

export function AudiencePage({ workspace, tab }: { workspace: Workspace; tab: string | null }) {
  const t = useT();
  const active: AudienceTab = AUDIENCE_TABS.find((x) => x === tab) ?? 'contacts';
  return (
    <section className="page" data-testid="audience">
      <header className="page-header">
        <h1>{t('nav.audience')}</h1>
      </header>
      <nav className="tabs" aria-label={t('aud.tabs')}>
        {AUDIENCE_TABS.map((id) => (
          <Link
            key={id}
            to={workspacePath(workspace.slug, 'audience', id)}
            className={id === active ? 'tab active' : 'tab'}
            current={id === active}
            testId={`audience-tab-${id}`}
          >
            {t(`aud.tab.${id}`)}
          </Link>
        ))}
      </nav>
      {/* Keyed by workspace so no panel keeps another workspace's data or input. */}
      <div key={workspace.slug}>
        {active === 'contacts' && <ContactsPanel workspace={workspace} />}
        {active === 'import' && <ImportPanel workspace={workspace} />}
        {active === 'tags' && <TagsPanel workspace={workspace} />}
        {active === 'rules' && <RulesPanel workspace={workspace} />}
        {active === 'segments' && <SegmentsPanel workspace={workspace} />}
      </div>
    </section>
  );
}
