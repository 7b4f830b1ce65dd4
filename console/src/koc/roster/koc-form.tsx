import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { Modal } from '../../ui/modal.js';
import { label } from '../labels.js';
import { KOC_KINDS, PLATFORMS, type Koc } from '../types.js';

interface SocialRow {
  platform: string;
  handle: string;
  followers: string;
  avgReads: string;
  avgLikes: string;
  avgComments: string;
}

const FIELDS = ['name', 'phone', 'category', 'city', 'contactId'] as const;
const blankSocial = (): SocialRow => ({
  platform: 'xiaohongshu',
  handle: '',
  followers: '0',
  avgReads: '0',
  avgLikes: '0',
  avgComments: '0',
});

interface Props {
  workspace: Workspace;
  /** null: a new KOC. */
  koc: Koc | null;
  onClose: () => void;
  onSaved: (koc: Koc) => void;
}

/** Adds a KOC or changes one; the social accounts list replaces the KOC's accounts when saved. */
export function KocForm({ workspace, koc, onClose, onSaved }: Props) {
  const t = useT();
  const [kind, setKind] = useState(koc?.kind ?? 'user');
  const [values, setValues] = useState({
    name: koc?.name ?? '',
    phone: koc?.phone ?? '',
    category: koc?.category ?? '',
    city: koc?.city ?? '',
    contactId: koc?.contactId ? String(koc.contactId) : '',
  });
  const [socials, setSocials] = useState<SocialRow[]>(
    koc?.socialAccounts.map((s) => ({
      platform: s.platform,
      handle: s.handle,
      followers: String(s.followers),
      avgReads: String(s.avgReads),
      avgLikes: String(s.avgLikes),
      avgComments: String(s.avgComments),
    })) ?? [blankSocial()],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);

  const set = (k: (typeof FIELDS)[number], v: string) => setValues((x) => ({ ...x, [k]: v }));
  const setSocial = (i: number, k: keyof SocialRow, v: string) =>
    setSocials((rows) => rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const orNull = (v: string) => (v.trim() ? v.trim() : null);
    // A masked phone (roles without PII) is not sent back: it would overwrite the real number.
    const phone = koc && values.phone === (koc.phone ?? '') ? {} : { phone: orNull(values.phone) };
    const body = {
      name: values.name.trim(),
      ...phone,
      category: orNull(values.category),
      city: orNull(values.city),
      contactId: values.contactId.trim() ? Number(values.contactId) : null,
      socialAccounts: socials
        .filter((s) => s.handle.trim())
        .map((s) => ({
          platform: s.platform,
          handle: s.handle.trim(),
          followers: Number(s.followers) || 0,
          avgReads: Number(s.avgReads) || 0,
          avgLikes: Number(s.avgLikes) || 0,
          avgComments: Number(s.avgComments) || 0,
        })),
    };
    try {
      const saved = koc
        ? await api.patch<Koc>(wsPath(workspace.slug, 'kocs', koc.id), body)
        : await api.post<Koc>(wsPath(workspace.slug, 'kocs'), { kind, ...body });
      onSaved(saved);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={koc ? t('koc.roster.edit') : t('koc.roster.add')} onClose={onClose} testId="koc-form">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorBanner error={banner} />
        <div className="form-grid">
          {!koc && (
            <Field label={t('koc.field.kind')}>
              <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="koc-form-kind">
                {KOC_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {label(t, 'kind', k)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('koc.field.name')} error={fields.name}>
            <input
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
              required
              data-testid="koc-form-name"
            />
          </Field>
          <Field label={t('koc.field.phone')} error={fields.phone}>
            <input value={values.phone} onChange={(e) => set('phone', e.target.value)} />
          </Field>
          <Field label={t('koc.field.category')} error={fields.category}>
            <input value={values.category} onChange={(e) => set('category', e.target.value)} />
          </Field>
          <Field label={t('koc.field.city')} error={fields.city}>
            <input value={values.city} onChange={(e) => set('city', e.target.value)} />
          </Field>
          <Field label={t('koc.field.contactId')} hint={t('koc.roster.contactHint')} error={fields.contactId}>
            <input
              inputMode="numeric"
              value={values.contactId}
              onChange={(e) => set('contactId', e.target.value)}
            />
          </Field>
        </div>
        <h3 className="section-title">{t('koc.roster.social')}</h3>
        <table className="table table-compact koc-social-edit">
          <thead>
            <tr>
              <th>{t('koc.field.platform')}</th>
              <th>{t('koc.field.handle')}</th>
              <th>{t('koc.field.followers')}</th>
              <th>{t('koc.field.avgReads')}</th>
              <th>{t('koc.field.avgLikes')}</th>
              <th>{t('koc.field.avgComments')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {socials.map((s, i) => (
              <tr key={i}>
                <td>
                  <select
                    value={s.platform}
                    onChange={(e) => setSocial(i, 'platform', e.target.value)}
                    aria-label={t('koc.field.platform')}
                  >
                    {PLATFORMS.map((p) => (
                      <option key={p} value={p}>
                        {label(t, 'platform', p)}
                      </option>
                    ))}
                  </select>
                </td>
                {(['handle', 'followers', 'avgReads', 'avgLikes', 'avgComments'] as const).map((k) => (
                  <td key={k}>
                    <input
                      value={s[k]}
                      inputMode={k === 'handle' ? undefined : 'numeric'}
                      onChange={(e) => setSocial(i, k, e.target.value)}
                      aria-label={t(`koc.field.${k}`)}
                      data-testid={`koc-form-social-${k}`}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="btn-icon"
                    onClick={() => setSocials((rows) => rows.filter((_, j) => j !== i))}
                    aria-label={t('koc.roster.removeSocial')}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setSocials((r) => [...r, blankSocial()])}
        >
          {t('koc.roster.addSocial')}
        </button>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="koc-form-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
