// Creates a keyword rule, or edits one (PATCH with every field the form shows).
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import type { AutoReplyRule, ChannelAccount, MatchKind, ScriptRef } from '../types.js';

const FIELDS = ['name', 'accountId', 'match', 'pattern', 'scriptId', 'priority', 'cooldownSeconds'] as const;
const MATCHES: MatchKind[] = ['contains', 'exact', 'regex'];

interface Props {
  slug: string;
  rule: AutoReplyRule | null;
  accounts: ChannelAccount[];
  scripts: ScriptRef[];
  onSaved: () => void;
  onCancel: (() => void) | null;
}

export function RuleForm({ slug, rule, accounts, scripts, onSaved, onCancel }: Props) {
  const t = useT();
  const [name, setName] = useState(rule?.name ?? '');
  const [accountId, setAccountId] = useState(rule?.accountId ?? '');
  const [match, setMatch] = useState<MatchKind>(rule?.match ?? 'contains');
  const [pattern, setPattern] = useState(rule?.pattern ?? '');
  const [scriptId, setScriptId] = useState(rule?.scriptId ?? '');
  const [priority, setPriority] = useState(String(rule?.priority ?? 0));
  const [cooldown, setCooldown] = useState(String(rule?.cooldownSeconds ?? 3600));
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      name: name.trim(),
      accountId: accountId || null,
      match,
      pattern,
      scriptId,
      priority: Number(priority),
      cooldownSeconds: Number(cooldown),
      enabled,
    };
    try {
      if (rule) await api.patch(wsPath(slug, 'auto-replies', rule.id), body);
      else await api.post(wsPath(slug, 'auto-replies'), body);
      onSaved();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} data-testid="rule-form">
      <h2 className="card-title">{rule ? t('ch.ar.editTitle', { name: rule.name }) : t('ch.ar.new')}</h2>
      <div className="form-grid">
        <Field label={t('ch.ar.name')} error={fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="rule-name" />
        </Field>
        <Field label={t('ch.ar.account')} error={fields.accountId}>
          <select value={accountId} onChange={(e) => setAccountId(e.target.value)} data-testid="rule-account">
            <option value="">{t('ch.ar.allAccounts')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ch.ar.match')} error={fields.match}>
          <select
            value={match}
            onChange={(e) => setMatch(e.target.value as MatchKind)}
            data-testid="rule-match"
          >
            {MATCHES.map((m) => (
              <option key={m} value={m}>
                {t(`ch.ar.match.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ch.ar.pattern')} hint={t('ch.ar.patternHint')} error={fields.pattern}>
          <input
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
            required
            data-testid="rule-pattern"
          />
        </Field>
        <Field label={t('ch.ar.script')} error={fields.scriptId}>
          <select
            value={scriptId}
            onChange={(e) => setScriptId(e.target.value)}
            required
            data-testid="rule-script"
          >
            <option value="">{t('ch.ar.pickScript')}</option>
            {scripts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ch.ar.priority')} hint={t('ch.ar.priorityHint')} error={fields.priority}>
          <input
            type="number"
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
            data-testid="rule-priority"
          />
        </Field>
        <Field label={t('ch.ar.cooldown')} hint={t('ch.ar.cooldownHint')} error={fields.cooldownSeconds}>
          <input type="number" min={0} value={cooldown} onChange={(e) => setCooldown(e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('ch.ar.enabled')}
      </label>
      <ErrorBanner error={banner} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!name.trim() || !pattern || !scriptId}
          data-testid="rule-save"
        >
          {rule ? t('common.save') : t('ch.ar.create')}
        </button>
      </div>
    </form>
  );
}
