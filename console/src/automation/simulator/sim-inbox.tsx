// The simulator's inbox: what robots sent (direct messages, group posts, Moments) and what the virtual
// fans replied, newest first, filtered by account or contact.
import { useCallback, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import type { SimMessage } from '../types.js';
import { useTime } from '../use-time.js';

interface Props {
  slug: string;
  zone: string;
  onMessages: (items: SimMessage[]) => void;
}

export function SimInbox({ slug, zone, onMessages }: Props) {
  const t = useT();
  const time = useTime(zone);
  const [accountId, setAccountId] = useState('');
  const [contactId, setContactId] = useState('');
  const qs = new URLSearchParams({ limit: '50' });
  if (accountId.trim()) qs.set('accountId', accountId.trim());
  if (/^\d+$/.test(contactId.trim())) qs.set('contactId', contactId.trim());
  const key = qs.toString();
  const load = useCallback(
    async (cursor: string | null) => {
      const q = new URLSearchParams(key);
      if (cursor) q.set('cursor', cursor);
      const page = await api.get<CursorPage<SimMessage>>(
        `${wsPath(slug, 'simulator', 'inbox')}?${q.toString()}`,
      );
      onMessages(page.items);
      return page;
    },
    [slug, key, onMessages],
  );
  const pages = useCursorPages<SimMessage>(`${slug}?${key}`, load);

  return (
    <section className="card card-flush" data-testid="sim-inbox">
      <div className="toolbar card-pad">
        <h2 className="card-title">{t('auto.sim.inbox')}</h2>
        <input
          placeholder={t('auto.dl.account')}
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
        />
        <input
          placeholder={t('auto.dl.contact')}
          value={contactId}
          onChange={(e) => setContactId(e.target.value)}
        />
        <button type="button" className="btn btn-small" onClick={pages.reload} data-testid="inbox-refresh">
          {t('auto.refresh')}
        </button>
      </div>
      <ErrorBanner error={pages.error} onRetry={pages.reload} />
      <ol className="inbox">
        {pages.items.map((m) => (
          <li
            key={m.seq}
            className={`inbox-msg inbox-${m.direction} inbox-kind-${m.kind}`}
            data-testid="inbox-message"
            data-direction={m.direction}
          >
            <div className="inbox-meta small muted">
              <span className="badge badge-muted">{t(`auto.kind.${m.kind as 'direct'}`)}</span>{' '}
              {m.direction === 'out'
                ? t('auto.sim.robotTo', {
                    to: m.groupId ?? (m.contactId === null ? t('auto.sim.everyone') : String(m.contactId)),
                  })
                : t('auto.sim.fanSaid', { from: String(m.contactId ?? '—') })}
              {' · '}
              {time(m.at)}
            </div>
            <div className="chat-bubble">{m.text}</div>
          </li>
        ))}
      </ol>
      <LoadMore
        loading={pages.loading}
        count={pages.items.length}
        hasMore={pages.hasMore}
        onMore={pages.more}
        empty={t('auto.sim.inboxEmpty')}
        testId="inbox-more"
      />
    </section>
  );
}
