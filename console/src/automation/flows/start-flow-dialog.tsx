// "Start now" for a flow with a manual trigger: its own audience, or a segment expression or a list of
// external ids instead. One idempotency key per opening of the dialog, so a double click or a retry after
// a lost answer enrolls no one twice; the flow's audience, re-entry rule and guardrails still apply.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { Modal } from '../../ui/modal.js';
import type { Flow, FlowStartResult } from '../types.js';

type Who = 'flow' | 'audience' | 'list';

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface Props {
  slug: string;
  flow: Flow;
  onClose: () => void;
  onStarted: (r: FlowStartResult) => void;
}

export function StartFlowDialog({ slug, flow, onClose, onStarted }: Props) {
  const t = useT();
  const [key] = useState(newKey);
  const [who, setWho] = useState<Who>('flow');
  const [audience, setAudience] = useState('');
  const [ids, setIds] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const externalIds = ids
      .split(/[\s,，]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const body = who === 'audience' ? { key, audience } : who === 'list' ? { key, externalIds } : { key };
    try {
      onStarted(await api.post<FlowStartResult>(wsPath(slug, 'flows', flow.id, 'start'), body));
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };
  const { banner, fields } = formErrors(error, ['audience', 'externalIds'] as const);
  const own = flow.definition.audience ?? flow.definition.community;

  return (
    <Modal title={t('auto.start.title', { name: flow.name })} onClose={onClose} testId="start-flow-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorBanner error={banner} />
        <p className="muted small">{t('auto.start.help')}</p>
        <Field label={t('auto.start.who')}>
          <select value={who} onChange={(e) => setWho(e.target.value as Who)} data-testid="start-who">
            <option value="flow">
              {own ? t('auto.start.whoFlow', { audience: own }) : t('auto.start.whoAll')}
            </option>
            <option value="audience">{t('auto.start.whoAudience')}</option>
            <option value="list">{t('auto.start.whoList')}</option>
          </select>
        </Field>
        {who === 'audience' && (
          <Field label={t('auto.flow.audience')} hint={t('auto.flow.audienceHint')} error={fields.audience}>
            <input
              value={audience}
              onChange={(e) => setAudience(e.target.value)}
              data-testid="start-audience"
            />
          </Field>
        )}
        {who === 'list' && (
          <Field label={t('auto.start.ids')} hint={t('auto.start.idsHint')} error={fields.externalIds}>
            <textarea rows={4} value={ids} onChange={(e) => setIds(e.target.value)} data-testid="start-ids" />
          </Field>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="start-submit">
            {t('auto.flow.start')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
