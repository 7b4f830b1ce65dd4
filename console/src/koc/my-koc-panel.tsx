// What a koc-role member sees of the program: its own profile and figures, its seeding tasks and its fans,
// all from the /me/koc routes, which the server scopes to the member's linked KOC.
import { wsPath } from '../api.js';
import { useLang, useT } from '../i18n/index.js';
import type { Workspace } from '../types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { formatTime } from '../ui/format.js';
import { useApiData } from '../ui/use-api-data.js';
import { formatCount, label } from './labels.js';
import type { MyKoc, SeedingTaskSummary } from './types.js';

interface Fan {
  id: number;
  name: string | null;
  city: string | null;
}

export function MyKocPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const base = wsPath(workspace.slug, 'me', 'koc');
  const me = useApiData<MyKoc>(base);
  const tasks = useApiData<{ items: SeedingTaskSummary[] }>(`${base}/tasks`);
  const fans = useApiData<{ items: Fan[] }>(`${base}/fans?limit=20`);
  if (me.error?.code === 'NOT_FOUND') {
    return (
      <p className="card card-pad muted" data-testid="my-koc-unlinked">
        {t('koc.my.unlinked')}
      </p>
    );
  }
  const f = me.data?.figures;
  return (
    <div className="stack" data-testid="my-koc">
      <ErrorBanner error={me.error ?? tasks.error ?? fans.error} />
      {me.data && f && (
        <div className="card card-pad">
          <h2 className="card-title" data-testid="my-koc-name">
            {me.data.koc.name} · {label(t, 'kind', me.data.koc.kind)}
          </h2>
          <div className="stat-row">
            <div className="stat">
              <div className="stat-value" data-testid="my-koc-fans">
                {formatCount(f.fans, lang)}
              </div>
              <div className="stat-label">{t('koc.field.fans')}</div>
            </div>
            <div className="stat">
              <div className="stat-value">{formatCount(f.reads, lang)}</div>
              <div className="stat-label">{t('koc.seed.reads')}</div>
            </div>
            <div className="stat">
              <div className="stat-value">{formatCount(f.interactions, lang)}</div>
              <div className="stat-label">{t('koc.seed.interactions')}</div>
            </div>
            <div className="stat">
              <div className="stat-value">
                {f.tasks.approved} / {f.tasks.assigned}
              </div>
              <div className="stat-label">{t('koc.my.tasksDone')}</div>
            </div>
            <div className="stat">
              <div className="stat-value">
                {formatCount(f.rewards.points, lang)} · ¥{formatCount(f.rewards.money, lang)}
              </div>
              <div className="stat-label">{t('koc.my.rewards')}</div>
            </div>
          </div>
        </div>
      )}
      <div className="card card-flush">
        <h2 className="card-title card-pad">{t('koc.my.tasks')}</h2>
        <table className="table" data-testid="my-koc-tasks">
          <thead>
            <tr>
              <th>{t('koc.seed.title')}</th>
              <th>{t('koc.field.platform')}</th>
              <th>{t('koc.seed.due')}</th>
              <th>{t('koc.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(tasks.data?.items ?? []).map((x) => (
              <tr key={x.id}>
                <td>{x.title}</td>
                <td>{label(t, 'platform', x.platform)}</td>
                <td className="nowrap">{formatTime(x.dueAt, lang, workspace.timezone)}</td>
                <td>{x.myStatus ? label(t, 'review', x.myStatus) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card card-flush">
        <h2 className="card-title card-pad">{t('koc.my.fans')}</h2>
        <table className="table" data-testid="my-koc-fan-list">
          <tbody>
            {(fans.data?.items ?? []).map((x) => (
              <tr key={x.id}>
                <td>{x.name ?? `#${x.id}`}</td>
                <td>{x.city ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
