import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { useT } from '../i18n/index.js';
import { navigate, workspacePath } from '../router.js';
import { useSession } from '../session.js';
import type { Workspace } from '../types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { Field } from '../ui/field.js';
import { formErrors } from '../ui/form-errors.js';

const DEFAULT_TIMEZONE = 'Asia/Shanghai';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIMEZONE];
  }
}

/** Creates a workspace (the creator becomes its owner) and opens it. */
export function CreateWorkspaceForm({ onCancel }: { onCancel?: () => void }) {
  const t = useT();
  const { refresh } = useSession();
  const listId = useId();
  const zones = useMemo(timeZones, []);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(DEFAULT_TIMEZONE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { slug: slug.trim(), name: name.trim(), timezone: timezone.trim() || undefined };
      const created = await api.post<Workspace>('/api/v1/workspaces', body);
      await refresh();
      onCancel?.();
      navigate(workspacePath(created.slug));
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  const { banner, fields } = formErrors(error, ['name', 'slug', 'timezone'] as const);
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} data-testid="create-workspace-form" noValidate>
      <ErrorBanner error={banner} />
      <Field label={t('ws.create.name')} error={fields.name}>
        <input
          required
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="ws-create-name"
        />
      </Field>
      <Field label={t('ws.create.slug')} hint={t('ws.create.slugHint')} error={fields.slug}>
        <input
          required
          pattern="[a-z0-9][a-z0-9-]*"
          value={slug}
          onChange={(e) => setSlug(e.target.value.toLowerCase())}
          data-testid="ws-create-slug"
        />
      </Field>
      <Field label={t('ws.create.timezone')} error={fields.timezone}>
        <input list={listId} value={timezone} onChange={(e) => setTimezone(e.target.value)} />
      </Field>
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="ws-create-submit">
          {t('ws.create.submit')}
        </button>
      </div>
    </form>
  );
}
