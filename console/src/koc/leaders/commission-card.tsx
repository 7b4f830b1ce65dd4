import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { CommissionRule } from '../types.js';

/** "10% ≤ 10000 · 12%": a rule's progressive tiers in words. */
export function tiersText(tiers: CommissionRule['tiers']): string {
  return tiers
    .map((x) => `${(x.rate * 100).toFixed(1)}%${x.upTo === null ? '' : ` ≤ ${x.upTo}`}`)
    .join(' · ');
}

/** "10000:10, :12" (upper bound : percent; the last tier has no bound) into the API's tiers. */
function parseTiers(text: string): CommissionRule['tiers'] {
  return text
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [upTo, rate] = part.split(':').map((s) => s.trim());
      return { upTo: upTo ? Number(upTo) : null, rate: Number(rate) / 100 };
    });
}

/** Commission rules (default, per category, per product): list, save (replaces a scope's tiers), delete. */
export function CommissionCard({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const base = wsPath(workspace.slug, 'koc', 'commission-rules');
  const rules = useApiData<{ items: CommissionRule[] }>(base);
  const [scope, setScope] = useState('default');
  const [scopeValue, setScopeValue] = useState('');
  const [tiers, setTiers] = useState('10000:10, :12');
  const [error, setError] = useState<ApiError | null>(null);
  const writer = canWrite(workspace.role);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.put(base, {
        scope,
        ...(scope === 'default' ? {} : { scopeValue: scopeValue.trim() }),
        tiers: parseTiers(tiers),
      });
      rules.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await api.del(`${base}/${encodeURIComponent(id)}`);
      rules.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <div className="card card-pad" data-testid="commission-rules">
      <h2 className="card-title">{t('koc.leaders.commission')}</h2>
      <ErrorBanner error={rules.error ?? error} />
      <table className="table table-compact">
        <tbody>
          {(rules.data?.items ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                {r.scope === 'default'
                  ? t('koc.leaders.scopeDefault')
                  : `${t(`koc.leaders.scope.${r.scope === 'product' ? 'product' : 'category'}`)}: ${r.scopeValue}`}
              </td>
              <td>{tiersText(r.tiers)}</td>
              <td className="col-actions">
                {writer && (
                  <ConfirmButton
                    label={t('koc.leaders.deleteRule')}
                    confirmLabel={t('koc.leaders.confirmDelete')}
                    onConfirm={() => void remove(r.id)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {writer && (
        <form className="inline-form" onSubmit={(e) => void save(e)}>
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            aria-label={t('koc.leaders.scopeLabel')}
          >
            <option value="default">{t('koc.leaders.scopeDefault')}</option>
            <option value="category">{t('koc.leaders.scope.category')}</option>
            <option value="product">{t('koc.leaders.scope.product')}</option>
          </select>
          {scope !== 'default' && (
            <input
              value={scopeValue}
              onChange={(e) => setScopeValue(e.target.value)}
              placeholder={t('koc.leaders.scopeValue')}
              aria-label={t('koc.leaders.scopeValue')}
            />
          )}
          <input
            value={tiers}
            onChange={(e) => setTiers(e.target.value)}
            aria-label={t('koc.leaders.tiers')}
            title={t('koc.leaders.tiersHint')}
          />
          <button type="submit" className="btn">
            {t('koc.leaders.saveRule')}
          </button>
        </form>
      )}
      {writer && <p className="field-hint">{t('koc.leaders.tiersHint')}</p>}
    </div>
  );
}
