import { useT } from '../../i18n/index.js';

// Each example is real segment syntax; clicking one appends it to the expression.
const EXAMPLES: { code: string; key: 'tag' | 'field' | 'number' | 'did' | 'count' | 'segment' | 'logic' }[] =
  [
    { code: 'tag:宝妈', key: 'tag' },
    { code: 'city = "上海"', key: 'field' },
    { code: 'birth_year >= 1995', key: 'number' },
    { code: 'did order within 30d', key: 'did' },
    { code: 'count(read, 7d) >= 3', key: 'count' },
    { code: 'segment:NAME', key: 'segment' },
    { code: 'NOT … AND (… OR …)', key: 'logic' },
  ];

/** A short reference of the segment language beside the builder. */
export function SyntaxHelp({ onPick }: { onPick: (code: string) => void }) {
  const t = useT();
  return (
    <aside className="syntax-help" data-testid="segment-help">
      <h3 className="section-title">{t('aud.seg.help')}</h3>
      <dl className="syntax-list">
        {EXAMPLES.map((ex) => (
          <div key={ex.code} className="syntax-item">
            <dt>
              <button
                type="button"
                className="code-chip"
                onClick={() => onPick(ex.code)}
                title={t('aud.seg.helpInsert')}
              >
                {ex.code}
              </button>
            </dt>
            <dd className="muted small">{t(`aud.seg.help.${ex.key}`)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
