// Channel accounts: the WeCom corps (setup, callback URL, credentials check), the Wechaty robots (add,
// log in with the QR, status, log out) and every robot account with the fans it reaches.
import { wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canManage, canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { ChannelAccounts } from '../types.js';
import { StatusBadge } from './status-badge.js';
import { WechatyRobots } from './wechaty-robots.js';
import { WecomCard } from './wecom-card.js';

export function AccountsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const data = useApiData<ChannelAccounts>(wsPath(slug, 'channels', 'accounts'));
  const accounts = data.data?.accounts ?? [];
  return (
    <div className="stack" data-testid="accounts-panel">
      <ErrorBanner error={data.error} onRetry={data.reload} />
      <WecomCard
        slug={slug}
        connections={data.data?.wecom ?? null}
        manage={canManage(workspace.role)}
        onChanged={data.reload}
      />
      <WechatyRobots
        slug={slug}
        robots={accounts.filter((a) => a.kind === 'wechaty')}
        write={canWrite(workspace.role)}
        onChanged={data.reload}
      />
      <section className="card card-flush">
        <h2 className="card-title ch-card-title">{t('ch.acc.all')}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="accounts-table">
            <thead>
              <tr>
                <th>{t('ch.acc.kind')}</th>
                <th>{t('ch.acc.name')}</th>
                <th>{t('ch.acc.detail')}</th>
                <th className="num">{t('ch.acc.fans')}</th>
                <th>{t('ch.acc.status')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-testid="account-row" data-kind={a.kind} data-name={a.name}>
                  <td>{t(`ch.kind.${a.kind}`)}</td>
                  <td>
                    {a.name} {a.personal && <span className="badge badge-muted">{t('ch.acc.personal')}</span>}
                  </td>
                  <td className="small">
                    {a.userid ?? a.puppet ?? '—'} <code className="muted">{a.id}</code>
                  </td>
                  <td className="num">{a.fans}</td>
                  <td>{a.status ? <StatusBadge status={a.status} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!data.loading && accounts.length === 0 && <p className="muted ch-empty">{t('ch.acc.empty')}</p>}
      </section>
    </div>
  );
}
