// Writes or changes a script: name, purpose, promotion flag and the body, with buttons that insert a
// variable at the cursor. The server checks the body on save: a syntax error or a blocked word comes
// back with its position, which is marked in an echo of the body and selected in the text box.
import { useRef, useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { errorText } from '../../ui/error-banner.js';
import { useT } from '../../i18n/index.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import {
  SCRIPT_PURPOSES,
  TEMPLATE_VARIABLES,
  type SavedScript,
  type Script,
  type ScriptPurpose,
  type SensitiveHit,
} from '../types.js';
import { BodyMarks, marksOf, offsetOf, type Mark } from './body-marks.js';
import { ScriptPreview } from './script-preview.js';

interface Props {
  slug: string;
  script: Script | null;
  writable: boolean;
  onSaved: (s: Script) => void;
}

/** Where the server says the body is wrong, as marks (template syntax or blocked words). */
function errorMarks(error: ApiError | null): Mark[] {
  const d = error?.details as Record<string, unknown> | null | undefined;
  if (!d) return [];
  if (error?.code === 'TEMPLATE_SYNTAX' && typeof d.position === 'number')
    return [{ position: d.position, length: 1, kind: 'error', title: String(d.problem ?? '') }];
  if (error?.code === 'SENSITIVE_WORD' && Array.isArray(d.blocked))
    return marksOf(d.blocked as SensitiveHit[]);
  return [];
}

export function ScriptEditor({ slug, script, writable, onSaved }: Props) {
  const t = useT();
  const [name, setName] = useState(script?.name ?? '');
  const [purpose, setPurpose] = useState<ScriptPurpose>(script?.purpose ?? 'greeting');
  const [promotion, setPromotion] = useState(script?.promotion ?? false);
  const [body, setBody] = useState(script?.body ?? '');
  const [checked, setChecked] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<SensitiveHit[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const bodyMarks = errorMarks(error);
  const errs = formErrors(bodyMarks.length ? null : error, ['name', 'purpose', 'body'] as const);

  const insert = (variable: string) => {
    const el = area.current;
    const tag = `{{${variable}}}`;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + tag + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const input = { name: name.trim(), purpose, promotion, body };
    try {
      const r = script
        ? await api.patch<SavedScript>(wsPath(slug, 'scripts', script.id), input)
        : await api.post<SavedScript>(wsPath(slug, 'scripts'), input);
      setWarnings(r.warnings);
      setChecked(body);
      onSaved(r.script);
    } catch (err) {
      const apiErr = toApiError(err);
      setError(apiErr);
      setChecked(body);
      const first = errorMarks(apiErr)[0];
      if (first && area.current) {
        const from = offsetOf(body, first.position);
        area.current.focus();
        area.current.setSelectionRange(from, from + Math.max(1, first.length));
      }
    } finally {
      setBusy(false);
    }
  };

  const marks = checked === body ? [...bodyMarks, ...marksOf(warnings)] : [];
  return (
    <div className="card script-editor" data-testid="script-editor">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <h2 className="card-title">{script ? script.name : t('cnt.scr.new')}</h2>
        <div className="grid-2">
          <Field label={t('cnt.scr.name')} error={errs.fields.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} data-testid="script-name" />
          </Field>
          <Field label={t('cnt.scr.purpose')} error={errs.fields.purpose}>
            <select
              value={purpose}
              onChange={(e) => setPurpose(e.target.value as ScriptPurpose)}
              data-testid="script-purpose"
            >
              {SCRIPT_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`cnt.purpose.${p}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={promotion} onChange={(e) => setPromotion(e.target.checked)} />
          {t('cnt.scr.promotion')}
        </label>
        <div className="var-bar" aria-label={t('cnt.scr.insertVar')}>
          <span className="muted small">{t('cnt.scr.insertVar')}</span>
          {TEMPLATE_VARIABLES.map((v) => (
            <button
              key={v}
              type="button"
              className="chip chip-button"
              onClick={() => insert(v)}
              data-testid={`var-${v}`}
            >
              {t(`cnt.var.${v}`)}
            </button>
          ))}
        </div>
        <Field label={t('cnt.scr.body')} hint={t('cnt.scr.bodyHint')} error={errs.fields.body}>
          <textarea
            ref={area}
            rows={7}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid="script-body"
          />
        </Field>
        {bodyMarks.length > 0 && error && (
          <div className="expr-error" role="alert" data-testid="script-error">
            <span className="field-error">{errorText(t, error)}</span>
          </div>
        )}
        {marks.length > 0 && <BodyMarks body={body} marks={marks} />}
        {warnings.length > 0 && checked === body && (
          <p className="banner banner-warning" data-testid="script-warnings">
            {t('cnt.scr.warnings', {
              words: warnings
                .map((w) => t('cnt.scr.at', { word: w.word, line: w.line, column: w.column }))
                .join('、'),
            })}
          </p>
        )}
        {errs.banner && (
          <p className="banner banner-error" role="alert">
            {errorText(t, errs.banner)}
          </p>
        )}
        {writable && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="script-save">
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
      {script && <ScriptPreview slug={slug} scriptId={script.id} />}
    </div>
  );
}
