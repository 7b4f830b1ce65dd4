import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../api.js';
import { useLang, useT } from '../i18n/index.js';
import type { AuditEntry, AuditPage, Workspace } from '../types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { displayValue, formatTime } from '../ui/format.js';

const PAGE_SIZE = 50;

export function AuditPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true);
      setError(null);
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (from) query.set('cursor', from);
      try {
        const page = await api.get<AuditPage>(`${wsPath(workspace.slug, 'audit')}?${query}`);
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setStarted(true);
      } catch (e) {
        setError(toApiError(e));
      } finally {
        setLoading(false);
      }
    },
    [workspace.slug],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div className="card card-flush" data-testid="audit-panel">
      <ErrorBanner error={error} onRetry={() => void load(started ? cursor : null)} />
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.target')}</th>
              <th>{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={String(entry.id)} data-testid="audit-row">
                <td className="nowrap">{formatTime(entry.at, lang, workspace.timezone)}</td>
                <td>{displayValue(entry.actor)}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{displayValue(entry.target)}</td>
                <td className="details-cell">
                  {entry.details == null ? (
                    '—'
                  ) : (
                    <code title={JSON.stringify(entry.details, null, 2)}>
                      {JSON.stringify(entry.details)}
                    </code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-note table-footer">
        {loading && <span className="muted">{t('common.loading')}</span>}
        {!loading && started && items.length === 0 && <span className="muted">{t('audit.empty')}</span>}
        {!loading && started && items.length > 0 && !cursor && (
          <span className="muted">{t('audit.end')}</span>
        )}
        {!loading && cursor && (
          <button type="button" className="btn" onClick={() => void load(cursor)} data-testid="audit-more">
            {t('audit.more')}
          </button>
        )}
      </div>
    </div>
  );
}
