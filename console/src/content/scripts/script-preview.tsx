// Renders a saved script for one real contact picked by external id, as a send would.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { ScriptPreview as Preview } from '../types.js';

export function ScriptPreview({ slug, scriptId }: { slug: string; scriptId: string }) {
  const t = useT();
  const [externalId, setExternalId] = useState('');
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!externalId.trim()) return;
    setError(null);
    try {
      setResult(
        await api.post<Preview>(wsPath(slug, 'scripts', scriptId, 'preview'), {
          externalId: externalId.trim(),
        }),
      );
    } catch (err) {
      setResult(null);
      setError(toApiError(err));
    }
  };

  const hits = result ? [...result.sensitive.blocked, ...result.sensitive.warnings] : [];
  return (
    <div className="stack preview-box" data-testid="script-preview">
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <input
          placeholder={t('cnt.scr.previewFor')}
          value={externalId}
          onChange={(e) => setExternalId(e.target.value)}
          data-testid="preview-external-id"
        />
        <button type="submit" className="btn" data-testid="preview-submit">
          {t('cnt.scr.preview')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {result && (
        <>
          <div className="chat-bubble" data-testid="preview-text">
            {result.text}
          </div>
          {result.attachments.length > 0 && (
            <p className="muted small">
              {t('cnt.scr.attachments')}: {result.attachments.map((a) => a.title).join('、')}
            </p>
          )}
          {result.missing.length > 0 && (
            <p className="banner banner-warning" data-testid="preview-missing">
              {t('cnt.scr.missing', { vars: result.missing.join(', ') })}
            </p>
          )}
          {result.defaulted.length > 0 && (
            <p className="muted small">{t('cnt.scr.defaulted', { vars: result.defaulted.join(', ') })}</p>
          )}
          {hits.length > 0 && (
            <p className="banner banner-warning">
              {t('cnt.scr.sensitiveInPreview', { words: hits.map((h) => h.word).join('、') })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
