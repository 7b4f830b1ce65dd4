import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { Modal } from '../../ui/modal.js';
import { label } from '../labels.js';
import { KOC_KINDS, type Drive } from '../types.js';

const FIELDS = [
  'name',
  'rules.minFollowers',
  'rules.leadMinFollowers',
  'rules.minAvgReads',
  'rules.minInteractionRate',
  'rules.categories',
  'rules.cities',
] as const;

const list = (text: string) =>
  text
    .split(/[,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Creates a drive or changes its name and thresholds (the server re-assesses pending applications). */
export function DriveForm(props: {
  workspace: Workspace;
  drive: Drive | null;
  onClose: () => void;
  onSaved: (d: Drive) => void;
}) {
  const t = useT();
  const d = props.drive;
  const [kind, setKind] = useState(d?.kind ?? 'user');
  const [v, setV] = useState({
    name: d?.name ?? '',
    minFollowers: String(d?.rules.minFollowers ?? 1000),
    leadMinFollowers: String(d?.rules.leadMinFollowers ?? 10_000),
    minAvgReads: String(d?.rules.minAvgReads ?? 0),
    minRatePercent: String((d?.rules.minInteractionRate ?? 0) * 100),
    categories: d?.rules.categories.join(', ') ?? '',
    cities: d?.rules.cities.join(', ') ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name: v.name.trim(),
      rules: {
        minFollowers: Number(v.minFollowers),
        leadMinFollowers: Number(v.leadMinFollowers),
        minAvgReads: Number(v.minAvgReads),
        minInteractionRate: Number(v.minRatePercent) / 100,
        categories: list(v.categories),
        cities: list(v.cities),
      },
    };
    const base = wsPath(props.workspace.slug, 'koc', 'drives');
    try {
      const saved = d
        ? await api.patch<Drive>(`${base}/${encodeURIComponent(d.id)}`, body)
        : await api.post<Drive>(base, { ...body, kind });
      props.onSaved(saved);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={d ? t('koc.drives.edit') : t('koc.drives.new')} onClose={props.onClose} testId="drive-form">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorBanner error={banner} />
        <Field label={t('koc.drives.name')} error={fields.name}>
          <input value={v.name} onChange={set('name')} required data-testid="drive-form-name" />
        </Field>
        {!d && (
          <Field label={t('koc.field.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {KOC_KINDS.map((k) => (
                <option key={k} value={k}>
                  {label(t, 'kind', k)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="form-grid">
          <Field label={t('koc.drives.minFollowers')} error={fields['rules.minFollowers']}>
            <input
              type="number"
              min={0}
              value={v.minFollowers}
              onChange={set('minFollowers')}
              data-testid="drive-form-min-followers"
            />
          </Field>
          <Field label={t('koc.drives.leadMinFollowers')} error={fields['rules.leadMinFollowers']}>
            <input type="number" min={0} value={v.leadMinFollowers} onChange={set('leadMinFollowers')} />
          </Field>
          <Field label={t('koc.drives.minAvgReads')} error={fields['rules.minAvgReads']}>
            <input type="number" min={0} value={v.minAvgReads} onChange={set('minAvgReads')} />
          </Field>
          <Field label={t('koc.drives.minRate')} error={fields['rules.minInteractionRate']}>
            <input
              type="number"
              min={0}
              max={100}
              step="0.1"
              value={v.minRatePercent}
              onChange={set('minRatePercent')}
            />
          </Field>
        </div>
        <Field
          label={t('koc.drives.categories')}
          hint={t('koc.drives.listHint')}
          error={fields['rules.categories']}
        >
          <input value={v.categories} onChange={set('categories')} />
        </Field>
        <Field label={t('koc.drives.cities')} hint={t('koc.drives.listHint')} error={fields['rules.cities']}>
          <input value={v.cities} onChange={set('cities')} />
        </Field>
        {d && <p className="field-hint">{t('koc.drives.reassessHint')}</p>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="drive-form-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
