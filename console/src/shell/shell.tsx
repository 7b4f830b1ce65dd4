// The signed-in frame: top bar, side navigation and the page for the current section.
import { useEffect } from 'react';
import { AudiencePage } from '../audience/audience-page.js';
import { AutomationPage } from '../automation/automation-page.js';
import { ChannelsPage } from '../channels/channels-page.js';
import { ContentPage } from '../content/content-page.js';
import { useT } from '../i18n/index.js';
import { KocPage } from '../koc/koc-page.js';
import { OverviewPage } from '../overview-page.js';
import { visibleSections } from '../roles.js';
import { navigate, workspacePath } from '../router.js';
import { isUpcoming, type SectionId } from '../sections.js';
import { SettingsPage } from '../settings/settings-page.js';
import type { Me, Workspace } from '../types.js';
import { ComingSoon } from './coming-soon.js';
import { SideNav } from './side-nav.js';
import { TopBar } from './top-bar.js';

interface Props {
  me: Me;
  workspace: Workspace;
  section: SectionId;
  tab: string | null;
}

export function Shell({ me, workspace, section, tab }: Props) {
  const t = useT();
  const title = t(`nav.${section}`);

  useEffect(() => {
    document.title = `${title} · ${workspace.name} · Guimi`;
  }, [title, workspace.name]);

  // A section the role cannot use (a typed or shared link) sends it to its own first section.
  const allowed = visibleSections(workspace.role);
  const hidden = !allowed.includes(section);
  useEffect(() => {
    if (hidden) navigate(workspacePath(workspace.slug, allowed[1] ?? allowed[0]), { replace: true });
  }, [hidden, allowed, workspace.slug]);
  if (hidden) return null;

  return (
    <div className="shell">
      <TopBar me={me} workspace={workspace} section={section} tab={tab} />
      <div className="shell-body">
        <SideNav slug={workspace.slug} section={section} role={workspace.role} />
        <main className="content" data-testid="content" data-section={section}>
          {section === 'overview' && <OverviewPage workspace={workspace} />}
          {section === 'audience' && <AudiencePage workspace={workspace} tab={tab} />}
          {section === 'koc' && <KocPage workspace={workspace} tab={tab} />}
          {section === 'content' && <ContentPage workspace={workspace} tab={tab} />}
          {section === 'automation' && <AutomationPage workspace={workspace} tab={tab} />}
          {section === 'channels' && <ChannelsPage workspace={workspace} tab={tab} />}
          {section === 'settings' && <SettingsPage me={me} workspace={workspace} tab={tab} />}
          {isUpcoming(section) && <ComingSoon section={section} />}
        </main>
      </div>
    </div>
  );
}
