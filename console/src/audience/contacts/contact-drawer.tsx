import { Fragment, useEffect, useId } from 'react';
import { api, wsPath } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { formatTime } from '../../ui/format.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import type { Contact, ContactDetail, ContactEvent } from '../types.js';
import { ContactEvents } from './contact-events.js';
import { ContactTags } from './contact-tags.js';

const EVENTS_PAGE = 20;

interface Props {
  workspace: Workspace;
  contactId: number;
  onClose: () => void;
  onTagsChanged: () => void;
}

type DetailPage = { items: ContactEvent[]; nextCursor: string | null; detail: ContactDetail };

/** One contact beside the list: fields, custom attributes, tags and the events timeline (paged). */
export function ContactDrawer({ workspace, contactId, onClose, onTagsChanged }: Props) {
  const t = useT();
  const titleId = useId();
  const path = wsPath(workspace.slug, 'contacts', contactId);
  // The detail carries the first events page; later pages re-read it with the events cursor.
  const pages = useCursorPages<ContactEvent, DetailPage>(path, async (cursor) => {
    const params = new URLSearchParams({ eventsLimit: String(EVENTS_PAGE) });
    if (cursor) params.set('eventsCursor', cursor);
    const detail = await api.get<ContactDetail>(`${path}?${params}`);
    return { items: detail.events.items, nextCursor: detail.events.nextCursor, detail };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const detail = pages.last?.detail ?? null;
  const contact = detail?.contact ?? null;
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-labelledby={titleId} data-testid="contact-drawer">
        <header className="modal-header">
          <h2 id={titleId}>{contact ? contact.name || t('aud.contact.unnamed') : t('common.loading')}</h2>
          <button type="button" className="btn-icon" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="drawer-body">
          <ErrorBanner error={pages.error} onRetry={pages.reload} />
          {contact && detail && (
            <>
              <ContactFields contact={contact} workspace={workspace} />
              <ContactTags
                slug={workspace.slug}
                contactId={contact.id}
                tags={detail.tags}
                writable={canWrite(workspace.role) && contact.mergedInto === null}
                onChanged={() => {
                  pages.reload();
                  onTagsChanged();
                }}
              />
              <ContactEvents
                workspace={workspace}
                events={pages.items}
                loading={pages.loading}
                hasMore={pages.hasMore}
                onMore={pages.more}
              />
            </>
          )}
        </div>
      </aside>
    </div>
  );
}

function ContactFields({ contact, workspace }: { contact: Contact; workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const none = t('common.none');
  const rows: [string, string | number | null][] = [
    [t('aud.contact.externalId'), contact.externalId],
    [t('aud.contact.phone'), contact.phone],
    [t('aud.contact.wechatId'), contact.wechatId],
    [t('aud.contact.gender'), contact.gender],
    [t('aud.contact.city'), contact.city],
    [t('aud.contact.birthYear'), contact.birthYear],
    [t('aud.contact.source'), contact.source],
    [t('aud.contact.ownerKoc'), contact.ownerKocId],
    [t('aud.contact.createdAt'), formatTime(contact.createdAt, lang, workspace.timezone)],
    [t('aud.contact.updatedAt'), formatTime(contact.updatedAt, lang, workspace.timezone)],
  ];
  const attrs = Object.entries(contact.attrs);
  return (
    <section className="drawer-section">
      {contact.mergedInto !== null && (
        <p className="banner banner-warning">{t('aud.contact.merged', { id: contact.mergedInto })}</p>
      )}
      <dl className="details" data-testid="contact-fields">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value ?? none}</dd>
          </Fragment>
        ))}
      </dl>
      <h3 className="section-title">{t('aud.contact.attrs')}</h3>
      {attrs.length === 0 ? (
        <p className="muted small">{t('aud.contact.noAttrs')}</p>
      ) : (
        <dl className="details" data-testid="contact-attrs">
          {attrs.map(([k, v]) => (
            <Fragment key={k}>
              <dt>
                <code>{k}</code>
              </dt>
              <dd>{String(v)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
