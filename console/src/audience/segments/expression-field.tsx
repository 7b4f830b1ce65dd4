import { useId } from 'react';
import type { ApiError } from '../../api.js';
import { useLang, useT, type Translate } from '../../i18n/index.js';
import { errorText } from '../../ui/error-banner.js';
import type { LiveCount } from './use-live-count.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  live: LiveCount;
}

/** The segment expression, its live count beside the label, and a syntax error pointed at under it. */
export function ExpressionField({ value, onChange, live }: Props) {
  const t = useT();
  const id = useId();
  const noteId = `${id}-note`;
  const error = live.status === 'error' ? live.error : null;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="field-label-row">
        <label htmlFor={id}>{t('aud.seg.expression')}</label>
        <LiveCountBadge live={live} />
      </div>
      <textarea
        id={id}
        className="expr-input"
        rows={3}
        spellCheck={false}
        value={value}
        placeholder='tag:宝妈 AND city = "上海"'
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId}
        data-testid="segment-expression"
      />
      <div id={noteId}>
        {live.status === 'error' && <ExpressionError expression={live.expression} error={live.error} />}
      </div>
    </div>
  );
}

function LiveCountBadge({ live }: { live: LiveCount }) {
  const t = useT();
  const { lang } = useLang();
  const fmt = (n: number) => n.toLocaleString(lang);
  if (live.status === 'empty') return <span className="count-badge muted">{t('aud.seg.typeToCount')}</span>;
  if (live.status === 'error') return <span className="count-badge count-badge-bad">—</span>;
  const counting = live.status === 'counting';
  const shown = counting ? live.previous : live.count;
  return (
    <span
      className={counting ? 'count-badge count-badge-busy' : 'count-badge'}
      aria-live="polite"
      aria-busy={counting}
      data-testid="segment-count"
      data-state={live.status}
      data-expression={live.status === 'ok' ? live.expression : undefined}
    >
      {shown === null ? t('aud.seg.counting') : t('aud.seg.count', { n: fmt(shown) })}
    </span>
  );
}

/** Where the parser stopped, as the API reports it: a 1-based position counted in characters. */
export function errorPosition(error: ApiError): number | null {
  const d = error.details as { position?: unknown } | null;
  return d && typeof d.position === 'number' && d.position >= 1 ? d.position : null;
}

function syntaxMessage(t: Translate, error: ApiError): string {
  const d = error.details as { expected?: unknown; found?: unknown } | null;
  if (error.code === 'SEGMENT_SYNTAX' && d && typeof d.expected === 'string') {
    return t('aud.seg.expected', { expected: d.expected, found: String(d.found ?? '') });
  }
  return errorText(t, error);
}

/** The message, then the expression with the offending character marked (or a mark after the end). */
export function ExpressionError({ expression, error }: { expression: string; error: ApiError }) {
  const t = useT();
  const position = errorPosition(error);
  // Code points, as the parser counts them, so a Chinese character is one position.
  const chars = Array.from(expression);
  return (
    <div className="expr-error" role="alert" data-testid="segment-error" data-position={position ?? ''}>
      <p className="field-error">
        {position !== null && (
          <strong data-testid="segment-error-position">{t('aud.seg.at', { position })} </strong>
        )}
        <span data-testid="segment-error-message">{syntaxMessage(t, error)}</span>
      </p>
      {position !== null && (
        <pre className="expr-echo" aria-hidden="true">
          {chars.slice(0, position - 1).join('')}
          <mark className="expr-mark" data-testid="segment-error-mark">
            {chars[position - 1] ?? ' '}
          </mark>
          {chars.slice(position).join('')}
        </pre>
      )}
    </div>
  );
}
