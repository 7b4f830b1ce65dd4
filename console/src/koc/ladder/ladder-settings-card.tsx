import { useEffect, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { useApiData } from '../../ui/use-api-data.js';
import { label } from '../labels.js';
import { TIERS, type LadderSettings } from '../types.js';

/**
 * The ladder's rules: tier names, demotion by inactivity and the leader requirements as fields; the
 * promotion rules (nested conditions) as JSON, checked by the server when saved.
 */
export function LadderSettingsCard({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const t = useT();
  const path = wsPath(workspace.slug, 'ladder');
  const saved = useApiData<LadderSettings>(path);
  const [draft, setDraft] = useState<LadderSettings | null>(null);
  const [promotion, setPromotion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const writer = canWrite(workspace.role);

  useEffect(() => {
    if (!saved.data) return;
    setDraft(saved.data);
    setPromotion(JSON.stringify(saved.data.promotion, null, 2));
  }, [saved.data]);

  if (!draft) return <ErrorBanner error={saved.error} onRetry={saved.reload} />;
  const patch = (p: Partial<LadderSettings>) => setDraft({ ...draft, ...p });

  const save = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      let rules: unknown;
      try {
        rules = JSON.parse(promotion);
      } catch {
        throw new Error(t('koc.ladder.badJson'));
      }
      await api.put(path, { ...draft, promotion: rules });
      setNote(t('koc.ladder.saved'));
      saved.reload();
      onSaved();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card card-pad" data-testid="ladder-settings">
      <h2 className="card-title">{t('koc.ladder.rules')}</h2>
      <ErrorBanner error={error} />
      {note && <div className="banner banner-success">{note}</div>}
      <fieldset disabled={!writer} className="form koc-fieldset">
        <div className="form-grid">
          {TIERS.map((tier) => (
            <Field key={tier} label={t('koc.ladder.tierName', { tier: label(t, 'tier', tier) })}>
              <input
                value={draft.tierNames[tier]}
                onChange={(e) => patch({ tierNames: { ...draft.tierNames, [tier]: e.target.value } })}
              />
            </Field>
          ))}
        </div>
        <h3 className="section-title">{t('koc.ladder.demotion')}</h3>
        <div className="inline-form">
          <label>
            <input
              type="checkbox"
              checked={draft.demotion.enabled}
              onChange={(e) => patch({ demotion: { ...draft.demotion, enabled: e.target.checked } })}
            />{' '}
            {t('koc.ladder.demotionOn')}
          </label>
          <Field label={t('koc.ladder.inactiveDays')}>
            <input
              type="number"
              min={1}
              className="input-narrow"
              value={draft.demotion.inactiveDays}
              onChange={(e) =>
                patch({ demotion: { ...draft.demotion, inactiveDays: Number(e.target.value) } })
              }
            />
          </Field>
        </div>
        <h3 className="section-title">{t('koc.ladder.leaderRules')}</h3>
        <div className="inline-form">
          <label>
            <input
              type="checkbox"
              checked={draft.leader.requireCommunity}
              onChange={(e) => patch({ leader: { ...draft.leader, requireCommunity: e.target.checked } })}
            />{' '}
            {t('koc.ladder.requireCommunity')}
          </label>
          <Field label={t('koc.ladder.minOrders')}>
            <input
              type="number"
              min={0}
              className="input-narrow"
              value={draft.leader.minOrders}
              onChange={(e) => patch({ leader: { ...draft.leader, minOrders: Number(e.target.value) } })}
            />
          </Field>
          <Field label={t('koc.ladder.withinDays')}>
            <input
              type="number"
              min={1}
              className="input-narrow"
              value={draft.leader.withinDays}
              onChange={(e) => patch({ leader: { ...draft.leader, withinDays: Number(e.target.value) } })}
            />
          </Field>
        </div>
        <Field label={t('koc.ladder.promotion')} hint={t('koc.ladder.promotionHint')}>
          <textarea
            className="code-input"
            rows={12}
            value={promotion}
            onChange={(e) => setPromotion(e.target.value)}
            spellCheck={false}
          />
        </Field>
        {writer && (
          <div className="form-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>
              {t('common.save')}
            </button>
          </div>
        )}
      </fieldset>
    </div>
  );
}
