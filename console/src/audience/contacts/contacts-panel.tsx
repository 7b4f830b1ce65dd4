import { useEffect, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { LoadMore } from '../../ui/load-more.js';
import { useApiData } from '../../ui/use-api-data.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import type { Contact, Page, Tag } from '../types.js';
import { ContactDrawer } from './contact-drawer.js';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

/** Contacts, newest first: search by text, filter by tag, page with "load more", open one in a drawer. */
export function ContactsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const tags = useApiData<{ items: Tag[] }>(wsPath(workspace.slug, 'tags'));

  // Searching waits for a pause in typing instead of querying on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (q) query.set('q', q);
  if (tag) query.set('tag', tag);
  const key = query.toString();
  const list = useCursorPages<Contact, Page<Contact>>(key, (cursor) => {
    const params = new URLSearchParams(key);
    if (cursor) params.set('cursor', cursor);
    return api.get<Page<Contact>>(`${wsPath(workspace.slug, 'contacts')}?${params}`);
  });

  return (
    <div className="stack" data-testid="contacts-panel">
      <div className="toolbar">
        <input
          type="search"
          className="toolbar-search"
          placeholder={t('aud.contacts.search')}
          aria-label={t('aud.contacts.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="contacts-search"
        />
        <select
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          aria-label={t('aud.contacts.tagFilter')}
          data-testid="contacts-tag-filter"
        >
          <option value="">{t('aud.contacts.allTags')}</option>
          {(tags.data?.items ?? []).map((x) => (
            <option key={x.id} value={x.name}>
              {x.name} ({x.members})
            </option>
          ))}
        </select>
        <a
          className="btn"
          href={wsPath(workspace.slug, 'exports', 'contacts.csv')}
          download
          data-testid="contacts-export"
        >
          {t('aud.contacts.export')}
        </a>
      </div>
      <div className="card card-flush">
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <div className="table-wrap">
          <table className="table" data-testid="contacts-table">
            <thead>
              <tr>
                <th>{t('aud.contact.name')}</th>
                <th>{t('aud.contact.externalId')}</th>
                <th>{t('aud.contact.phone')}</th>
                <th>{t('aud.contact.city')}</th>
                <th>{t('aud.contact.gender')}</th>
                <th>{t('aud.contact.birthYear')}</th>
                <th>{t('aud.contact.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr
                  key={c.id}
                  className="row-link"
                  onClick={() => setOpenId(c.id)}
                  data-testid="contact-row"
                  data-external-id={c.externalId}
                >
                  <td>
                    <button type="button" className="btn-link" onClick={() => setOpenId(c.id)}>
                      {c.name || t('aud.contact.unnamed')}
                    </button>
                  </td>
                  <td>
                    <code>{c.externalId}</code>
                  </td>
                  <td className="nowrap" data-testid="contact-phone">
                    {c.phone ?? t('common.none')}
                  </td>
                  <td>{c.city ?? t('common.none')}</td>
                  <td>{c.gender ?? t('common.none')}</td>
                  <td>{c.birthYear ?? t('common.none')}</td>
                  <td className="nowrap">{formatTime(c.updatedAt, lang, workspace.timezone)}</td>
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
          empty={q || tag ? t('aud.contacts.noMatch') : t('aud.contacts.empty')}
          testId="contacts-more"
        />
      </div>
      {openId !== null && (
        <ContactDrawer
          workspace={workspace}
          contactId={openId}
          onClose={() => setOpenId(null)}
          onTagsChanged={tags.reload}
        />
      )}
    </div>
  );
}
