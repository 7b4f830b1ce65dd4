import { useRef, useState } from 'react';
import { useT } from '../i18n/index.js';
import type { CreatedToken } from '../types.js';

/** Shows a new token's secret the one time the server returns it. */
export function SecretBox({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
    } catch {
      // Without clipboard permission (plain http), select the text so Ctrl+C works.
      input.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <div className="card secret-box" role="status" data-testid="token-secret-box">
      <h2 className="card-title">{t('tokens.secret.title', { name: created.token.name })}</h2>
      <p className="banner banner-warning">{t('tokens.secret.warning')}</p>
      <div className="secret-row">
        <input
          ref={input}
          readOnly
          value={created.secret}
          onFocus={(e) => e.target.select()}
          aria-label={t('tokens.secret.label')}
          data-testid="token-secret"
        />
        <button type="button" className="btn" onClick={() => void copy()} data-testid="token-copy">
          {copied ? t('tokens.secret.copied') : t('tokens.secret.copy')}
        </button>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={onDone} data-testid="token-secret-done">
          {t('tokens.secret.done')}
        </button>
      </div>
    </div>
  );
}
