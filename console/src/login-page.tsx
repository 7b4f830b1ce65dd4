import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from './api.js';
import { useT } from './i18n/index.js';
import { useSession } from './session.js';
import { LangSwitch } from './shell/lang-switch.js';
import { ErrorBanner } from './ui/error-banner.js';
import { Field } from './ui/field.js';
import { formErrors } from './ui/form-errors.js';

export function LoginPage() {
  const t = useT();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  const { banner, fields } = formErrors(error, ['email', 'password'] as const);
  return (
    <div className="login-page">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <form
        className="card login-card"
        onSubmit={(e) => void onSubmit(e)}
        data-testid="login-form"
        noValidate
      >
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            闺
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="card-title">{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <ErrorBanner error={banner} />
        <Field label={t('login.email')} error={fields.email}>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
          />
        </Field>
        <Field label={t('login.password')} error={fields.password}>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </Field>
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={busy}
          data-testid="login-submit"
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
