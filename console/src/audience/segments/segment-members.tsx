import { api, wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import type { SegmentMember, SegmentMembersPage } from '../types.js';

const PAGE_SIZE = 50;

/** A saved segment's contacts, paged; phones come masked for roles that may not see them. */
export function SegmentMembers({ workspace, name }: { workspace: Workspace; name: string }) {
  const t = useT();
  const path = wsPath(workspace.slug, 'segments', name, 'members');
  const pages = useCursorPages<SegmentMember, SegmentMembersPage>(path, (cursor) => {
    const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) q.set('cursor', cursor);
    return api.get<SegmentMembersPage>(`${path}?${q}`);
  });
  return (
    <div className="card card-flush" data-testid="segment-members">
      <h2 className="card-title card-pad">
        {t('aud.seg.membersOf', { name })}
        {pages.last && (
          <span className="badge badge-muted" data-testid="segment-members-total">
            {pages.last.total}
          </span>
        )}
      </h2>
      <ErrorBanner error={pages.error} onRetry={pages.reload} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('aud.contact.name')}</th>
              <th>{t('aud.contact.externalId')}</th>
              <th>{t('aud.contact.phone')}</th>
              <th>{t('aud.contact.city')}</th>
              <th>{t('aud.contact.tags')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((m) => (
              <tr key={m.id} data-testid="segment-member-row">
                <td>{m.name || t('aud.contact.unnamed')}</td>
                <td>
                  <code>{m.externalId}</code>
                </td>
                <td className="nowrap">{m.phone ?? t('common.none')}</td>
                <td>{m.city ?? t('common.none')}</td>
                <td>{m.tags.join('、') || t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        loading={pages.loading}
        count={pages.items.length}
        hasMore={pages.hasMore}
        onMore={pages.more}
        empty={t('aud.seg.noMembers')}
        testId="segment-members-more"
      />
    </div>
  );
}
