import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { Modal } from '../../ui/modal.js';
import { useApiData } from '../../ui/use-api-data.js';
import { label } from '../labels.js';
import { PLATFORMS, type SeedingTask } from '../types.js';
import { KocPicker } from './koc-picker.js';

const FIELDS = ['title', 'product', 'platform', 'dueAt', 'brief', 'materialIds', 'reward.amount'] as const;

/** A new seeding task: brief, materials from the library, reward, deadline, and the KOCs it goes to. */
export function TaskForm(props: {
  workspace: Workspace;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const slug = props.workspace.slug;
  const materials = useApiData<{ items: { id: string; title: string }[] }>(
    `${wsPath(slug, 'materials')}?limit=100`,
  );
  const [v, setV] = useState({
    title: '',
    product: '',
    platform: 'xiaohongshu',
    due: '',
    brief: '',
    rewardKind: 'points',
    rewardAmount: '100',
  });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [kocs, setKocs] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The deadline is the end of the chosen day in the browser's time zone.
      const dueAt = v.due ? new Date(`${v.due}T23:59:59`).toISOString() : '';
      const task = await api.post<SeedingTask>(wsPath(slug, 'koc', 'seeding-tasks'), {
        title: v.title.trim(),
        product: v.product.trim(),
        platform: v.platform,
        dueAt,
        brief: v.brief.trim(),
        materialIds: [...chosen],
        reward: { kind: v.rewardKind, amount: Number(v.rewardAmount) },
      });
      if (kocs.size > 0) {
        await api.post(wsPath(slug, 'koc', 'seeding-tasks', task.id, 'assignments'), {
          kocIds: [...kocs.keys()],
        });
      }
      props.onCreated(task.id);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('koc.seed.new')} onClose={props.onClose} testId="task-form">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorBanner error={banner} />
        <div className="form-grid">
          <Field label={t('koc.seed.title')} error={fields.title}>
            <input value={v.title} onChange={set('title')} required data-testid="task-form-title" />
          </Field>
          <Field label={t('koc.seed.product')} error={fields.product}>
            <input value={v.product} onChange={set('product')} required data-testid="task-form-product" />
          </Field>
          <Field label={t('koc.field.platform')} error={fields.platform}>
            <select value={v.platform} onChange={set('platform')}>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {label(t, 'platform', p)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('koc.seed.due')} error={fields.dueAt}>
            <input type="date" value={v.due} onChange={set('due')} required data-testid="task-form-due" />
          </Field>
          <Field label={t('koc.seed.rewardKind')}>
            <select value={v.rewardKind} onChange={set('rewardKind')}>
              <option value="points">{label(t, 'reward', 'points')}</option>
              <option value="money">{label(t, 'reward', 'money')}</option>
            </select>
          </Field>
          <Field label={t('koc.seed.rewardAmount')} error={fields['reward.amount']}>
            <input type="number" min={0} value={v.rewardAmount} onChange={set('rewardAmount')} />
          </Field>
        </div>
        <Field label={t('koc.seed.brief')} error={fields.brief}>
          <textarea rows={4} value={v.brief} onChange={set('brief')} required data-testid="task-form-brief" />
        </Field>
        <h3 className="section-title">{t('koc.seed.materials')}</h3>
        {(materials.data?.items ?? []).length === 0 ? (
          <p className="muted">{t('koc.seed.noMaterials')}</p>
        ) : (
          <ul className="koc-picker-list">
            {materials.data!.items.map((m) => (
              <li key={m.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(m.id)}
                    onChange={() =>
                      setChosen((s) => {
                        const next = new Set(s);
                        if (!next.delete(m.id)) next.add(m.id);
                        return next;
                      })
                    }
                  />{' '}
                  {m.title}
                </label>
              </li>
            ))}
          </ul>
        )}
        <h3 className="section-title">{t('koc.seed.kocs')}</h3>
        <KocPicker slug={slug} picked={kocs} onChange={setKocs} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="task-form-save">
            {t('koc.seed.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
