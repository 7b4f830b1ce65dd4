// Guardrail settings (what the dispatcher checks before every send): quiet hours, caps per contact,
// pacing per robot account, the promotion mix and opt-out words; and the suppression list below.
import { useEffect, useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT, type MessageKey } from '../../i18n/index.js';
import { canManage } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { GuardrailSettings } from '../types.js';
import { SuppressionsCard } from './suppressions-card.js';

export function GuardrailsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const editable = canManage(workspace.role);
  const loaded = useApiData<GuardrailSettings>(wsPath(slug, 'guardrails'));
  const [s, setS] = useState<GuardrailSettings | null>(null);
  const [words, setWords] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!loaded.data) return;
    setS(loaded.data);
    setWords(loaded.data.optOutWords.join('\n'));
  }, [loaded.data]);

  if (!s) {
    if (loaded.error) return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
    return <p className="muted">{t('common.loading')}</p>;
  }
  const errs = error?.fieldErrors ?? {};
  const num = (
    path: MessageKey,
    value: number | null,
    onValue: (n: number | null) => void,
    key: string,
    testId?: string,
  ) => (
    <Field label={t(path)} error={errs[key]}>
      <input
        type="number"
        min={0}
        value={value ?? ''}
        disabled={!editable}
        onChange={(e) => onValue(e.target.value === '' ? null : Number(e.target.value))}
        data-testid={testId}
      />
    </Field>
  );
  const pacing = (which: 'enterprise' | 'personal') => (
    <div className="grid-2">
      {num(
        'auto.gr.perMinute',
        s.accountPacing[which].perMinute,
        (n) =>
          setS({
            ...s,
            accountPacing: { ...s.accountPacing, [which]: { ...s.accountPacing[which], perMinute: n ?? 0 } },
          }),
        `accountPacing.${which}.perMinute`,
      )}
      {num(
        'auto.gr.perHour',
        s.accountPacing[which].perHour,
        (n) =>
          setS({
            ...s,
            accountPacing: { ...s.accountPacing, [which]: { ...s.accountPacing[which], perHour: n ?? 0 } },
          }),
        `accountPacing.${which}.perHour`,
      )}
    </div>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const optOutWords = words
      .split(/[\n,，]+/)
      .map((w) => w.trim())
      .filter(Boolean);
    try {
      const r = await api.put<GuardrailSettings>(wsPath(slug, 'guardrails'), { ...s, optOutWords });
      setS(r);
      setSaved(true);
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <div className="stack" data-testid="guardrails-panel">
      {!editable && <p className="banner banner-warning">{t('auto.gr.ownerOnly')}</p>}
      <form className="guardrail-grid" onSubmit={(e) => void submit(e)}>
        <section className="card form">
          <h2 className="card-title">{t('auto.gr.quiet')}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={s.quietHours.enabled}
              disabled={!editable}
              onChange={(e) => setS({ ...s, quietHours: { ...s.quietHours, enabled: e.target.checked } })}
              data-testid="gr-quiet-enabled"
            />
            {t('auto.gr.quietOn')}
          </label>
          <div className="grid-2">
            <Field label={t('auto.gr.start')} error={errs['quietHours.start']}>
              <input
                type="time"
                value={s.quietHours.start}
                disabled={!editable}
                onChange={(e) => setS({ ...s, quietHours: { ...s.quietHours, start: e.target.value } })}
              />
            </Field>
            <Field label={t('auto.gr.end')} error={errs['quietHours.end']}>
              <input
                type="time"
                value={s.quietHours.end}
                disabled={!editable}
                onChange={(e) => setS({ ...s, quietHours: { ...s.quietHours, end: e.target.value } })}
              />
            </Field>
          </div>
          <h2 className="card-title">{t('auto.gr.caps')}</h2>
          <div className="grid-2">
            {num(
              'auto.gr.perDay',
              s.contactCaps.perDay,
              (n) => setS({ ...s, contactCaps: { ...s.contactCaps, perDay: n ?? 0 } }),
              'contactCaps.perDay',
              'gr-per-day',
            )}
            {num(
              'auto.gr.perMonth',
              s.contactCaps.perMonth,
              (n) => setS({ ...s, contactCaps: { ...s.contactCaps, perMonth: n } }),
              'contactCaps.perMonth',
            )}
          </div>
          <p className="muted small">{t('auto.gr.perMonthHint')}</p>
        </section>
        <section className="card form">
          <h2 className="card-title">{t('auto.gr.pacing')}</h2>
          <h3 className="section-title">{t('auto.gr.enterprise')}</h3>
          {pacing('enterprise')}
          <h3 className="section-title">{t('auto.gr.personal')}</h3>
          {pacing('personal')}
          {num(
            'auto.gr.jitter',
            Math.round(s.accountPacing.jitterMs / 1000),
            (n) => setS({ ...s, accountPacing: { ...s.accountPacing, jitterMs: (n ?? 0) * 1000 } }),
            'accountPacing.jitterMs',
          )}
        </section>
        <section className="card form">
          <h2 className="card-title">{t('auto.gr.mix')}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={s.promotionMix.enabled}
              disabled={!editable}
              onChange={(e) => setS({ ...s, promotionMix: { ...s.promotionMix, enabled: e.target.checked } })}
            />
            {t('auto.gr.mixOn')}
          </label>
          <div className="grid-2">
            {num(
              'auto.gr.maxShare',
              Math.round(s.promotionMix.maxShare * 100),
              (n) => setS({ ...s, promotionMix: { ...s.promotionMix, maxShare: (n ?? 0) / 100 } }),
              'promotionMix.maxShare',
            )}
            {num(
              'auto.gr.windowDays',
              s.promotionMix.windowDays,
              (n) => setS({ ...s, promotionMix: { ...s.promotionMix, windowDays: n ?? 1 } }),
              'promotionMix.windowDays',
            )}
          </div>
          <Field label={t('auto.gr.optOut')} hint={t('auto.gr.optOutHint')} error={errs.optOutWords}>
            <textarea
              rows={3}
              value={words}
              disabled={!editable}
              onChange={(e) => setWords(e.target.value)}
            />
          </Field>
        </section>
        {editable && (
          <div className="form-actions guardrail-actions">
            {saved && (
              <span className="banner banner-success" data-testid="gr-saved">
                {t('auto.gr.saved')}
              </span>
            )}
            <ErrorBanner error={error} />
            <button type="submit" className="btn btn-primary" data-testid="gr-save">
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
      <SuppressionsCard workspace={workspace} />
    </div>
  );
}
