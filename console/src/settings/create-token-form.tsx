import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../api.js';
import { useT } from '../i18n/index.js';
import { ROLES, type CreatedToken, type Role } from '../types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { Field } from '../ui/field.js';
import { formErrors } from '../ui/form-errors.js';

interface Props {
  slug: string;
  onCreated: (created: CreatedToken) => void;
}

export function CreateTokenForm({ slug, onCreated }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<CreatedToken>(wsPath(slug, 'tokens'), { name: name.trim(), role });
      setName('');
      onCreated(created);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const { banner, fields } = formErrors(error, ['name', 'role'] as const);
  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} data-testid="create-token-form" noValidate>
      <h2 className="card-title">{t('tokens.create.title')}</h2>
      <ErrorBanner error={banner} />
      <div className="form-grid">
        <Field label={t('tokens.name')} error={fields.name}>
          <input required value={name} onChange={(e) => setName(e.target.value)} data-testid="token-name" />
        </Field>
        <Field label={t('tokens.role')} error={fields.role}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="token-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="token-create-submit">
          {t('tokens.create.submit')}
        </button>
      </div>
    </form>
  );
}
