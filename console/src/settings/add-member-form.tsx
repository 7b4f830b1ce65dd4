import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../api.js';
import { useT } from '../i18n/index.js';
import { ROLES, type Member, type Role } from '../types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { Field } from '../ui/field.js';
import { formErrors } from '../ui/form-errors.js';

const EMPTY = { email: '', role: 'operator' as Role, name: '', password: '' };

/** Owner only: adds an existing user by email, or creates the user when a password is given. */
export function AddMemberForm({ slug, onAdded }: { slug: string; onAdded: () => void }) {
  const t = useT();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const body = {
        email: form.email.trim(),
        role: form.role,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        ...(form.password ? { password: form.password } : {}),
      };
      const member = await api.post<Member>(wsPath(slug, 'members'), body);
      setForm(EMPTY);
      setAdded(member.email);
      onAdded();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const { banner, fields } = formErrors(error, ['email', 'role', 'name', 'password'] as const);
  const optional = (label: string) => (
    <>
      {label} <span className="muted small">({t('common.optional')})</span>
    </>
  );
  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} data-testid="add-member-form" noValidate>
      <h2 className="card-title">{t('members.add.title')}</h2>
      <ErrorBanner error={banner} />
      {added && (
        <div className="banner banner-success" role="status">
          {t('members.added', { email: added })}
        </div>
      )}
      <div className="form-grid">
        <Field label={t('members.email')} error={fields.email}>
          <input
            type="email"
            required
            value={form.email}
            onChange={(e) => set({ email: e.target.value })}
            data-testid="member-email"
          />
        </Field>
        <Field label={t('members.role')} error={fields.role}>
          <select value={form.role} onChange={(e) => set({ role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={optional(t('members.name'))} error={fields.name}>
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field
          label={optional(t('members.add.password'))}
          hint={t('members.add.passwordHint')}
          error={fields.password}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set({ password: e.target.value })}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="member-add-submit">
          {t('members.add.submit')}
        </button>
      </div>
    </form>
  );
}
