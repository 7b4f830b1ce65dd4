import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { ExpressionError } from '../segments/expression-field.js';
import type { TagRuleApplied } from '../types.js';

type PropValue = string | number | boolean | null;

/** `key=value` lines: numbers, true/false/null as such, "quoted" or any other text as a string. */
export function parseProps(text: string): Record<string, PropValue> | undefined {
  const out: Record<string, PropValue> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq).trim();
    const raw = line.slice(eq + 1).trim();
    if (!key) continue;
    if (/^".*"$/.test(raw)) out[key] = raw.slice(1, -1);
    else if (raw === 'true' || raw === 'false') out[key] = raw === 'true';
    else if (raw === 'null') out[key] = null;
    else if (raw !== '' && Number.isFinite(Number(raw))) out[key] = Number(raw);
    else out[key] = raw;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const FIELDS = ['name', 'tag', 'eventType', 'props', 'minCount', 'withinDays', 'condition'] as const;

/** A new auto-tag rule: on events (type, props, N times within D days) or on an attribute condition. */
export function RuleForm({ slug, onCreated }: { slug: string; onCreated: (r: TagRuleApplied) => void }) {
  const t = useT();
  const [f, setF] = useState({
    name: '',
    trigger: 'event' as 'event' | 'attribute',
    action: 'add' as 'add' | 'remove',
    tag: '',
    eventType: '',
    props: '',
    minCount: '1',
    withinDays: '',
    condition: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const common = { name: f.name.trim(), action: f.action, tag: f.tag.trim() };
    const body =
      f.trigger === 'event'
        ? {
            ...common,
            trigger: 'event',
            eventType: f.eventType.trim(),
            props: parseProps(f.props),
            minCount: Number(f.minCount) || 1,
            withinDays: f.withinDays.trim() ? Number(f.withinDays) : undefined,
          }
        : { ...common, trigger: 'attribute', condition: f.condition };
    try {
      const created = await api.post<TagRuleApplied>(wsPath(slug, 'tag-rules'), body);
      setF({ ...f, name: '', tag: '', eventType: '', props: '', condition: '' });
      onCreated(created);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const syntax = error?.code === 'SEGMENT_SYNTAX' ? error : null;
  const { banner, fields } = formErrors(syntax ? null : error, FIELDS);
  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="rule-form">
      <h2 className="card-title">{t('aud.rules.create')}</h2>
      <ErrorBanner error={banner} />
      <div className="form-grid">
        <Field label={t('aud.rules.name')} error={fields.name}>
          <input value={f.name} onChange={set('name')} data-testid="rule-name" />
        </Field>
        <Field label={t('aud.rules.trigger')}>
          <select value={f.trigger} onChange={set('trigger')} data-testid="rule-trigger">
            <option value="event">{t('aud.rules.trigger.event')}</option>
            <option value="attribute">{t('aud.rules.trigger.attribute')}</option>
          </select>
        </Field>
        <Field label={t('aud.rules.then')}>
          <select value={f.action} onChange={set('action')}>
            <option value="add">{t('aud.rules.action.add')}</option>
            <option value="remove">{t('aud.rules.action.remove')}</option>
          </select>
        </Field>
        <Field label={t('aud.rules.tag')} error={fields.tag}>
          <input value={f.tag} onChange={set('tag')} data-testid="rule-tag" />
        </Field>
      </div>
      {f.trigger === 'event' ? (
        <div className="form-grid">
          <Field
            label={t('aud.rules.eventType')}
            hint={t('aud.rules.eventTypeHint')}
            error={fields.eventType}
          >
            <input value={f.eventType} onChange={set('eventType')} data-testid="rule-event-type" />
          </Field>
          <Field label={t('aud.rules.minCount')} error={fields.minCount}>
            <input type="number" min={1} value={f.minCount} onChange={set('minCount')} />
          </Field>
          <Field
            label={t('aud.rules.withinDaysLabel')}
            hint={t('aud.rules.withinDaysHint')}
            error={fields.withinDays}
          >
            <input
              type="number"
              min={1}
              value={f.withinDays}
              onChange={set('withinDays')}
              data-testid="rule-within-days"
            />
          </Field>
          <Field label={t('aud.rules.props')} hint={t('aud.rules.propsHint')} error={fields.props}>
            <textarea rows={2} value={f.props} onChange={set('props')} placeholder="sku=A1" />
          </Field>
        </div>
      ) : (
        <Field label={t('aud.rules.condition')} hint={t('aud.rules.conditionHint')} error={fields.condition}>
          <textarea
            rows={2}
            className="expr-input"
            value={f.condition}
            onChange={set('condition')}
            placeholder='city = "上海" AND birth_year >= 1995'
            data-testid="rule-condition"
          />
        </Field>
      )}
      {syntax && <ExpressionError expression={f.condition} error={syntax} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="rule-submit">
          {t('aud.rules.submit')}
        </button>
      </div>
    </form>
  );
}
