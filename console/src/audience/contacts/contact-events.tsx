import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { formatTime } from '../../ui/format.js';
import { LoadMore } from '../../ui/load-more.js';
import type { ContactEvent } from '../types.js';

interface Props {
  workspace: Workspace;
  events: ContactEvent[];
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
}

/** The contact's events, newest first, with their props in brief. */
export function ContactEvents({ workspace, events, loading, hasMore, onMore }: Props) {
  const t = useT();
  const { lang } = useLang();
  return (
    <section className="drawer-section" data-testid="contact-events">
      <h3 className="section-title">{t('aud.contact.events')}</h3>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id} className="timeline-item" data-testid="contact-event">
            <div className="timeline-head">
              <code>{e.type}</code>
              <span className="muted small">{formatTime(e.at, lang, workspace.timezone)}</span>
            </div>
            {(Object.keys(e.props).length > 0 || e.source) && (
              <div className="muted small timeline-props">
                {e.source && `${e.source.kind}:${e.source.id} `}
                {Object.keys(e.props).length > 0 && JSON.stringify(e.props)}
              </div>
            )}
          </li>
        ))}
      </ol>
      <LoadMore
        loading={loading}
        count={events.length}
        hasMore={hasMore}
        onMore={onMore}
        empty={t('aud.contact.noEvents')}
        testId="contact-events-more"
      />
    </section>
  );
}
