// The channels (渠道) section: the accounts that carry messages (WeCom corps and staff, Wechaty robots,
// simulator robots), acquisition codes (渠道活码) with QR images and stats, and keyword auto-replies.
import { useT } from '../i18n/index.js';
import { Link, workspacePath } from '../router.js';
import { CHANNEL_TABS, type ChannelTab } from '../sections.js';
import type { Workspace } from '../types.js';
import { AccountsPanel } from './accounts/accounts-panel.js';
import { AutoReplyPanel } from './auto-reply/auto-reply-panel.js';
import { CodesPanel } from './codes/codes-panel.js';

export function ChannelsPage({ workspace, tab }: { workspace: Workspace; tab: string | null }) {
  const t = useT();
  const active: ChannelTab = CHANNEL_TABS.find((x) => x === tab) ?? 'accounts';
  return (
    <section className="page" data-testid="channels-page">
      <header className="page-header">
        <h1>{t('nav.channels')}</h1>
      </header>
      <nav className="tabs" aria-label={t('ch.tabs')}>
        {CHANNEL_TABS.map((id) => (
          <Link
            key={id}
            to={workspacePath(workspace.slug, 'channels', id)}
            className={id === active ? 'tab active' : 'tab'}
            current={id === active}
            testId={`channels-tab-${id}`}
          >
            {t(`ch.tab.${id}`)}
          </Link>
        ))}
      </nav>
      <div key={workspace.slug}>
        {active === 'accounts' && <AccountsPanel workspace={workspace} />}
        {active === 'codes' && <CodesPanel workspace={workspace} />}
        {active === 'auto-reply' && <AutoReplyPanel workspace={workspace} />}
      </div>
    </section>
  );
}
