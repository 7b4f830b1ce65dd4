// Connects a WeCom corp. The secret, token and EncodingAESKey go to the server once and are stored
// sealed: they are never shown again (the form clears them).
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';

const FIELDS = ['corpId', 'secret', 'token', 'aesKey', 'agentId', 'apiBase'] as const;
type F = (typeof FIELDS)[number];

export function WecomSetupForm({
  slug,
  onDone,
  onCancel,
}: {
  slug: string;
  onDone: () => void;
  onCancel: (() => void) | null;
}) {
  const t = useT();
  const [v, setV] = useState<Record<F, string>>({
    corpId: '',
    secret: '',
    token: '',
    aesKey: '',
    agentId: '',
    apiBase: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);
  const set = (k: F) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(wsPath(slug, 'channels', 'wecom'), {
        corpId: v.corpId.trim(),
        secret: v.secret.trim(),
        token: v.token.trim(),
        aesKey: v.aesKey.trim(),
        agentId: v.agentId.trim() ? Number(v.agentId.trim()) : null,
        ...(v.apiBase.trim() ? { apiBase: v.apiBase.trim() } : {}),
      });
      setV({ corpId: '', secret: '', token: '', aesKey: '', agentId: '', apiBase: '' });
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form ch-setup" onSubmit={(e) => void submit(e)} data-testid="wecom-setup">
      <h3>{t('ch.wecom.setup')}</h3>
      <div className="form-grid">
        <Field label={t('ch.wecom.corpId')} error={fields.corpId}>
          <input value={v.corpId} onChange={set('corpId')} required data-testid="wecom-corp-id" />
        </Field>
        <Field label={t('ch.wecom.agentId')} hint={t('common.optional')} error={fields.agentId}>
          <input
            value={v.agentId}
            onChange={set('agentId')}
            inputMode="numeric"
            data-testid="wecom-agent-id"
          />
        </Field>
        <Field label={t('ch.wecom.secret')} hint={t('ch.wecom.secretHint')} error={fields.secret}>
          <input
            type="password"
            autoComplete="off"
            value={v.secret}
            onChange={set('secret')}
            required
            data-testid="wecom-secret"
          />
        </Field>
        <Field label={t('ch.wecom.token')} error={fields.token}>
          <input
            type="password"
            autoComplete="off"
            value={v.token}
            onChange={set('token')}
            required
            data-testid="wecom-token"
          />
        </Field>
        <Field label={t('ch.wecom.aesKey')} hint={t('ch.wecom.aesKeyHint')} error={fields.aesKey}>
          <input
            type="password"
            autoComplete="off"
            value={v.aesKey}
            onChange={set('aesKey')}
            required
            data-testid="wecom-aes-key"
          />
        </Field>
        <Field label={t('ch.wecom.apiBase')} hint={t('ch.wecom.apiBaseHint')} error={fields.apiBase}>
          <input
            value={v.apiBase}
            onChange={set('apiBase')}
            placeholder="https://qyapi.weixin.qq.com"
            data-testid="wecom-api-base"
          />
        </Field>
      </div>
      <ErrorBanner error={banner} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="wecom-submit">
          {t('ch.wecom.connect')}
        </button>
      </div>
    </form>
  );
}
