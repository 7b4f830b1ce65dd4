// The suppression list: contacts no touch may reach, with the reason; add by contact ids, lift one.
import { useCallback, useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import type { Suppression } from '../types.js';
import { useTime } from '../use-time.js';

export function SuppressionsCard({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const time = useTime(workspace.timezone);
  const writable = canWrite(workspace.role);
  const [ids, setIds] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(
    (cursor: string | null) =>
      api.get<CursorPage<Suppression>>(
        `${wsPath(slug, 'suppressions')}?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    [slug],
  );
  const pages = useCursorPages<Suppression>(slug, load);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const contactIds = ids
      .split(/[\s,，]+/)
      .filter(Boolean)
      .map(Number);
    if (contactIds.length === 0) return;
    setError(null);
    try {
      await api.post(wsPath(slug, 'suppressions'), {
        contactIds,
        reason: reason.trim() || t('auto.sup.defaultReason'),
      });
      setIds('');
      setReason('');
      pages.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const lift = async (s: Suppression) => {
    try {
      await api.del(wsPath(slug, 'suppressions', s.contactId));
      pages.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <section className="card card-flush" data-testid="suppressions">
      <h2 className="card-title card-pad">{t('auto.sup.title')}</h2>
      {writable && (
        <form className="inline-form card-pad" onSubmit={(e) => void add(e)}>
          <input placeholder={t('auto.sup.ids')} value={ids} onChange={(e) => setIds(e.target.value)} />
          <input
            placeholder={t('auto.sup.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="btn">
            {t('auto.sup.add')}
          </button>
        </form>
      )}
      <ErrorBanner error={error ?? pages.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('auto.runs.contact')}</th>
              <th>{t('auto.sup.reason')}</th>
              <th>{t('auto.sup.by')}</th>
              <th>{t('auto.sup.at')}</th>
              {writable && <th className="col-actions" />}
            </tr>
          </thead>
          <tbody>
            {pages.items.map((s) => (
              <tr key={s.contactId}>
                <td>{s.contactId}</td>
                <td>{s.reason}</td>
                <td>{s.createdBy}</td>
                <td className="nowrap">{time(s.createdAt)}</td>
                {writable && (
                  <td className="col-actions">
                    <ConfirmButton
                      label={t('auto.sup.lift')}
                      confirmLabel={t('auto.sup.confirmLift')}
                      onConfirm={() => void lift(s)}
                    />
                  </td>
                )}
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
        empty={t('auto.sup.empty')}
        testId="suppressions-more"
      />
    </section>
  );
}
