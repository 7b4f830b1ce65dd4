import { useT } from '../i18n/index.js';

interface Props {
  loading: boolean;
  count: number;
  hasMore: boolean;
  onMore: () => void;
  empty: string;
  testId: string;
}

/** The footer of a keyset-paged table: loading, empty, the end, or a "load more" button. */
export function LoadMore({ loading, count, hasMore, onMore, empty, testId }: Props) {
  const t = useT();
  return (
    <div className="card-note table-footer">
      {loading && <span className="muted">{t('common.loading')}</span>}
      {!loading && count === 0 && <span className="muted">{empty}</span>}
      {!loading && count > 0 && !hasMore && <span className="muted">{t('common.allShown')}</span>}
      {!loading && hasMore && (
        <button type="button" className="btn" onClick={onMore} data-testid={testId}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
