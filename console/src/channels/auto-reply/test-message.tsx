// Tries a fan's message against the rules: which rule answers and with which script (nothing is sent).
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { AutoReplyTest, ChannelAccount } from '../types.js';

export function TestMessage({ slug, accounts }: { slug: string; accounts: ChannelAccount[] }) {
  const t = useT();
  const [text, setText] = useState('');
  const [accountId, setAccountId] = useState('');
  const [result, setResult] = useState<AutoReplyTest | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setResult(
        await api.post<AutoReplyTest>(wsPath(slug, 'auto-replies', 'test'), {
          text,
          accountId: accountId || null,
        }),
      );
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <section className="card form" data-testid="rule-test">
      <h2 className="card-title">{t('ch.ar.test')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <input
          className="grow"
          value={text}
          placeholder={t('ch.ar.testPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="rule-test-text"
        />
        <select
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          aria-label={t('ch.ar.account')}
        >
          <option value="">{t('ch.ar.anyAccount')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn" disabled={!text.trim()} data-testid="rule-test-submit">
          {t('ch.ar.try')}
        </button>
      </form>
      {result && (
        <div className="ch-test-result" data-testid="rule-test-result" data-rule={result.rule?.name ?? ''}>
          {result.rule ? (
            <>
              <p>{t('ch.ar.matched', { name: result.rule.name })}</p>
              {result.script && (
                <blockquote className="ch-reply" data-testid="rule-test-reply">
                  {result.script.body}
                </blockquote>
              )}
            </>
          ) : (
            <p className="muted">{t('ch.ar.noMatch')}</p>
          )}
        </div>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}
