import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useLang, useT } from '../../i18n/index.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { formatCount } from '../labels.js';
import type { Selection } from '../types.js';
import { OverlapHeatmap } from './overlap-heatmap.js';
import { ReachCurve } from './reach-curve.js';

interface QuotaRow {
  field: 'category' | 'city';
  value: string;
  min: string;
  max: string;
}

const FIELDS = ['k', 'budget', 'quotas'] as const;

/** Picks the KOCs (active ones in the workspace) that together reach the most distinct fans. */
export function SelectionPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const { lang } = useLang();
  const [k, setK] = useState('10');
  const [budget, setBudget] = useState('');
  const [quotas, setQuotas] = useState<QuotaRow[]>([]);
  const [result, setResult] = useState<Selection | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);
  const n = (v: string) => (v.trim() === '' ? undefined : Number(v));

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        ...(n(k) !== undefined ? { k: n(k) } : {}),
        ...(n(budget) !== undefined ? { budget: n(budget) } : {}),
        ...(quotas.length
          ? {
              quotas: quotas.map((q) => ({
                field: q.field,
                ...(q.value.trim() ? { value: q.value.trim() } : {}),
                ...(n(q.min) !== undefined ? { min: n(q.min) } : {}),
                ...(n(q.max) !== undefined ? { max: n(q.max) } : {}),
              })),
            }
          : {}),
      };
      setResult(await api.post<Selection>(wsPath(workspace.slug, 'koc', 'selection'), body));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const setQuota = (i: number, patch: Partial<QuotaRow>) =>
    setQuotas((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className="stack" data-testid="koc-selection">
      <form className="card card-pad form" onSubmit={(e) => void run(e)}>
        <p className="muted">{t('koc.select.intro')}</p>
        <ErrorBanner error={banner} />
        <div className="form-grid">
          <Field label={t('koc.select.k')} error={fields.k}>
            <input
              type="number"
              min={1}
              value={k}
              onChange={(e) => setK(e.target.value)}
              data-testid="select-k"
            />
          </Field>
          <Field label={t('koc.select.budget')} hint={t('koc.select.budgetHint')} error={fields.budget}>
            <input type="number" min={0} value={budget} onChange={(e) => setBudget(e.target.value)} />
          </Field>
        </div>
        {quotas.map((q, i) => (
          <div key={i} className="inline-form" data-testid="select-quota">
            <select
              value={q.field}
              onChange={(e) => setQuota(i, { field: e.target.value as QuotaRow['field'] })}
              aria-label={t('koc.select.quotaField')}
            >
              <option value="category">{t('koc.field.category')}</option>
              <option value="city">{t('koc.field.city')}</option>
            </select>
            <input
              value={q.value}
              onChange={(e) => setQuota(i, { value: e.target.value })}
              placeholder={t('koc.select.quotaValue')}
              aria-label={t('koc.select.quotaValue')}
            />
            <input
              type="number"
              min={0}
              value={q.min}
              onChange={(e) => setQuota(i, { min: e.target.value })}
              placeholder={t('koc.select.quotaMin')}
              aria-label={t('koc.select.quotaMin')}
              className="input-narrow"
            />
            <input
              type="number"
              min={0}
              value={q.max}
              onChange={(e) => setQuota(i, { max: e.target.value })}
              placeholder={t('koc.select.quotaMax')}
              aria-label={t('koc.select.quotaMax')}
              className="input-narrow"
            />
            <button
              type="button"
              className="btn-icon"
              onClick={() => setQuotas((rows) => rows.filter((_, j) => j !== i))}
              aria-label={t('koc.select.removeQuota')}
            >
              ×
            </button>
          </div>
        ))}
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() => setQuotas((r) => [...r, { field: 'category', value: '', min: '', max: '' }])}
          >
            {t('koc.select.addQuota')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="select-run">
            {busy ? t('koc.select.running') : t('koc.select.run')}
          </button>
        </div>
      </form>
      {result && (
        <>
          <div className="stat-row" data-testid="select-summary">
            <div className="stat">
              <div className="stat-value" data-testid="select-reach">
                {formatCount(result.reach, lang)}
              </div>
              <div className="stat-label">{t('koc.select.reach')}</div>
            </div>
            <div className="stat">
              <div className="stat-value" data-testid="select-picked">
                {result.selected.length}
              </div>
              <div className="stat-label">{t('koc.select.picked', { n: result.candidates })}</div>
            </div>
            <div className="stat">
              <div className="stat-value">{formatCount(result.cost, lang)}</div>
              <div className="stat-label">{t('koc.select.cost')}</div>
            </div>
          </div>
          {result.unmetQuotas.length > 0 && (
            <div className="banner banner-warning" role="status">
              {result.unmetQuotas
                .map((q) => t('koc.select.unmet', { value: q.value, count: q.count, min: q.min }))
                .join('；')}
            </div>
          )}
          {result.selected.length === 0 ? (
            <p className="card card-pad muted">{t('koc.select.none')}</p>
          ) : (
            <div className="grid-2">
              <div className="card card-pad">
                <h2 className="card-title">{t('koc.select.curve')}</h2>
                <ReachCurve selection={result} />
                <PicksTable selection={result} />
              </div>
              <div className="card card-pad">
                <h2 className="card-title">{t('koc.select.overlap')}</h2>
                <p className="muted">{t('koc.select.overlapHint')}</p>
                <OverlapHeatmap selection={result} />
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function PicksTable({ selection }: { selection: Selection }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <table className="table table-compact" data-testid="select-picks">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>{t('koc.field.name')}</th>
          <th className="num">{t('koc.select.marginal')}</th>
          <th className="num">{t('koc.select.cumulative')}</th>
        </tr>
      </thead>
      <tbody>
        {selection.picks.map((p, i) => (
          <tr key={p.id} data-testid="select-pick" data-koc-id={p.id}>
            <td className="num">{i + 1}</td>
            <td>{p.name}</td>
            <td className="num" data-testid="pick-marginal">
              {formatCount(p.marginal, lang)}
            </td>
            <td className="num" data-testid="pick-reach">
              {formatCount(p.reach, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
