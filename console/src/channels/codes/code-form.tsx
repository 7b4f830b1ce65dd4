// A new acquisition code: its KOC and scene, the accounts fans add (WeCom staff, robots), the greeting
// script, tags new fans get, and for a group code the group size at which it rotates to a new group.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { SCENES, type AcquisitionCode, type ChannelAccount, type KocRef, type ScriptRef } from '../types.js';

const FIELDS = [
  'name',
  'scene',
  'kocId',
  'accountIds',
  'greetingScriptId',
  'autoTags',
  'groupCapacity',
] as const;

interface Props {
  slug: string;
  accounts: ChannelAccount[];
  kocs: KocRef[];
  scripts: ScriptRef[];
  onCreated: (c: AcquisitionCode) => void;
}

export function CodeForm({ slug, accounts, kocs, scripts, onCreated }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [scene, setScene] = useState<(typeof SCENES)[number]>('coupon');
  const [kind, setKind] = useState<'friend' | 'group'>('friend');
  const [kocId, setKocId] = useState('');
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [scriptId, setScriptId] = useState('');
  const [tags, setTags] = useState('');
  const [capacity, setCapacity] = useState('200');
  const [error, setError] = useState<ApiError | null>(null);
  const { banner, fields } = formErrors(error, FIELDS);

  const toggle = (id: string) =>
    setAccountIds(accountIds.includes(id) ? accountIds.filter((x) => x !== id) : [...accountIds, id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const c = await api.post<AcquisitionCode>(wsPath(slug, 'acquisition', 'codes'), {
        name: name.trim(),
        scene,
        kind,
        kocId: kocId || null,
        accountIds,
        greetingScriptId: scriptId || null,
        autoTags: tags
          .split(/[,，\s]+/)
          .map((x) => x.trim())
          .filter(Boolean),
        ...(kind === 'group' ? { groupCapacity: Number(capacity) } : {}),
      });
      setName('');
      setTags('');
      onCreated(c);
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} data-testid="code-form">
      <h2 className="card-title">{t('ch.code.new')}</h2>
      <div className="form-grid">
        <Field label={t('ch.code.name')} error={fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="code-name" />
        </Field>
        <Field label={t('ch.code.scene')} error={fields.scene}>
          <select
            value={scene}
            onChange={(e) => setScene(e.target.value as (typeof SCENES)[number])}
            data-testid="code-scene"
          >
            {SCENES.map((s) => (
              <option key={s} value={s}>
                {t(`ch.scene.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ch.code.koc')} hint={t('common.optional')} error={fields.kocId}>
          <select value={kocId} onChange={(e) => setKocId(e.target.value)} data-testid="code-koc">
            <option value="">{t('ch.code.noKoc')}</option>
            {kocs.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ch.code.kind')}>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as 'friend' | 'group')}
            data-testid="code-kind"
          >
            <option value="friend">{t('ch.code.kind.friend')}</option>
            <option value="group">{t('ch.code.kind.group')}</option>
          </select>
        </Field>
        <Field label={t('ch.code.greeting')} hint={t('common.optional')} error={fields.greetingScriptId}>
          <select value={scriptId} onChange={(e) => setScriptId(e.target.value)} data-testid="code-script">
            <option value="">{t('ch.code.noGreeting')}</option>
            {scripts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ch.code.tags')} hint={t('ch.code.tagsHint')} error={fields.autoTags}>
          <input value={tags} onChange={(e) => setTags(e.target.value)} data-testid="code-tags" />
        </Field>
        {kind === 'group' && (
          <Field label={t('ch.code.capacity')} hint={t('ch.code.capacityHint')} error={fields.groupCapacity}>
            <input
              type="number"
              min={2}
              max={500}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              data-testid="code-capacity"
            />
          </Field>
        )}
      </div>
      <fieldset className="ch-accounts-pick">
        <legend>{t('ch.code.accounts')}</legend>
        {accounts.length === 0 && <p className="muted small">{t('ch.code.noAccounts')}</p>}
        {accounts.map((a) => (
          <label key={a.id} className="check">
            <input
              type="checkbox"
              checked={accountIds.includes(a.id)}
              onChange={() => toggle(a.id)}
              data-testid="code-account"
              data-name={a.name}
            />
            {a.name} <span className="muted small">{t(`ch.kind.${a.kind}`)}</span>
          </label>
        ))}
        {fields.accountIds && <p className="field-error">{fields.accountIds}</p>}
      </fieldset>
      <ErrorBanner error={banner} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!name.trim() || accountIds.length === 0}
          data-testid="code-submit"
        >
          {t('ch.code.create')}
        </button>
      </div>
    </form>
  );
}
