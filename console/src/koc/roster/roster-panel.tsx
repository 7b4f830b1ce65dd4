import { useEffect, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { formatCount, label } from '../labels.js';
import { KOC_KINDS, KOC_STATUSES, type Koc, type KocPage } from '../types.js';
import { KocDrawer } from './koc-drawer.js';
import { KocForm } from './koc-form.js';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

/** The KOC roster: search names and handles, filter by kind and status, open one, add one. */
export function RosterPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (q) query.set('q', q);
  if (kind) query.set('kind', kind);
  if (status) query.set('status', status);
  const key = query.toString();
  const list = useCursorPages<Koc, KocPage>(key, (cursor) => {
    const params = new URLSearchParams(key);
    if (cursor) params.set('cursor', cursor);
    return api.get<KocPage>(`${wsPath(workspace.slug, 'kocs')}?${params}`);
  });

  return (
    <div className="stack" data-testid="koc-roster">
      <div className="toolbar">
        <input
          type="search"
          className="toolbar-search"
          placeholder={t('koc.roster.search')}
          aria-label={t('koc.roster.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="koc-search"
        />
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          aria-label={t('koc.field.kind')}
          data-testid="koc-kind-filter"
        >
          <option value="">{t('koc.roster.allKinds')}</option>
          {KOC_KINDS.map((k) => (
            <option key={k} value={k}>
              {label(t, 'kind', k)}
            </option>
          ))}
        </select>
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          aria-label={t('koc.field.status')}
          data-testid="koc-status-filter"
        >
          <option value="">{t('koc.roster.allStatuses')}</option>
          {KOC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label(t, 'status', s)}
            </option>
          ))}
        </select>
        {canWrite(workspace.role) && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setAdding(true)}
            data-testid="koc-add"
          >
            {t('koc.roster.add')}
          </button>
        )}
      </div>
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <div className="table-wrap">
          <table className="table" data-testid="koc-table">
            <thead>
              <tr>
                <th>{t('koc.field.name')}</th>
                <th>{t('koc.field.kind')}</th>
                <th>{t('koc.field.status')}</th>
                <th>{t('koc.field.category')}</th>
                <th>{t('koc.field.city')}</th>
                <th className="num">{t('koc.field.followers')}</th>
                <th className="num">{t('koc.field.fans')}</th>
                <th>{t('koc.field.platforms')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((k) => (
                <tr key={k.id} className="row-link" onClick={() => setOpenId(k.id)} data-testid="koc-row">
                  <td>
                    <button type="button" className="btn-link" onClick={() => setOpenId(k.id)}>
                      {k.name}
                    </button>
                  </td>
                  <td>{label(t, 'kind', k.kind)}</td>
                  <td>
                    <span className={`badge badge-koc-${k.status}`}>{label(t, 'status', k.status)}</span>
                  </td>
                  <td>{k.category ?? t('common.none')}</td>
                  <td>{k.city ?? t('common.none')}</td>
                  <td className="num">{formatCount(k.followers, lang)}</td>
                  <td className="num">{formatCount(k.fans, lang)}</td>
                  <td>{k.socialAccounts.map((s) => label(t, 'platform', s.platform)).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          loading={list.loading}
          count={list.items.length}
          hasMore={list.hasMore}
          onMore={list.more}
          empty={q || kind || status ? t('koc.roster.noMatch') : t('koc.roster.empty')}
          testId="koc-more"
        />
      </div>
      {openId !== null && (
        <KocDrawer
          workspace={workspace}
          kocId={openId}
          onClose={() => setOpenId(null)}
          onChanged={list.reload}
        />
      )}
      {adding && (
        <KocForm
          workspace={workspace}
          koc={null}
          onClose={() => setAdding(false)}
          onSaved={(k) => {
            setAdding(false);
            list.reload();
            setOpenId(k.id);
          }}
        />
      )}
    </div>
  );
}
