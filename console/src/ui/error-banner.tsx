import type { ApiError } from '../api.js';
import { hasMessage, useT, type Translate } from '../i18n/index.js';

/** The text a person sees for an API error: our own words for the common codes, else the server's. */
export function errorText(t: Translate, error: ApiError): string {
  const key = `error.${error.code}`;
  return hasMessage(key) ? t(key) : error.message;
}

export function ErrorBanner({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <span>{errorText(t, error)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
