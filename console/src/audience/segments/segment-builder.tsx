import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import type { Segment } from '../types.js';
import { ExpressionField } from './expression-field.js';
import { SyntaxHelp } from './syntax-help.js';
import { useLiveCount } from './use-live-count.js';

interface Props {
  slug: string;
  writable: boolean;
  onSaved: (segment: Segment) => void;
}

/** Type an expression, watch its count, and (for roles that may write) save it under a name. */
export function SegmentBuilder({ slug, writable, onSaved }: Props) {
  const t = useT();
  const [expression, setExpression] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const live = useLiveCount(slug, expression);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await api.post<Segment>(wsPath(slug, 'segments'), {
        name: name.trim(),
        expression,
        description: description.trim() || null,
      });
      setName('');
      setDescription('');
      onSaved(saved);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const pick = (code: string) => setExpression((x) => (x.trim() ? `${x.trimEnd()} AND ${code}` : code));

  const { banner, fields } = formErrors(error, ['name', 'description'] as const);
  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="segment-builder">
      <h2 className="card-title">{t('aud.seg.builder')}</h2>
      <div className="builder-grid">
        <div className="stack">
          <ExpressionField value={expression} onChange={setExpression} live={live} />
          {writable && (
            <>
              <ErrorBanner error={banner} />
              <div className="form-grid">
                <Field label={t('aud.seg.name')} hint={t('aud.seg.nameHint')} error={fields.name}>
                  <input value={name} onChange={(e) => setName(e.target.value)} data-testid="segment-name" />
                </Field>
                <Field label={t('aud.seg.description')} error={fields.description}>
                  <input value={description} onChange={(e) => setDescription(e.target.value)} />
                </Field>
              </div>
              <div className="form-actions">
                <button
                  type="submit"
                  className="btn btn-primary"
                  disabled={busy || !name.trim() || !expression.trim()}
                  data-testid="segment-save"
                >
                  {t('aud.seg.save')}
                </button>
              </div>
            </>
          )}
        </div>
        <SyntaxHelp onPick={pick} />
      </div>
    </form>
  );
}
