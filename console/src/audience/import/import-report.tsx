import { useT } from '../../i18n/index.js';
import type { ImportResult } from '../types.js';

export interface EventImportResult {
  ingested: number;
  duplicates: number;
  failed: number;
  errors: { line: number; reason: string }[];
}

export type ImportOutcome =
  | { kind: 'contacts'; fileName: string; result: ImportResult }
  | { kind: 'events'; fileName: string; result: EventImportResult };

/** What an import did: counts first, then each rejected row by its line in the file and why. */
export function ImportReport({ outcome }: { outcome: ImportOutcome }) {
  const t = useT();
  const counts: [string, number, string][] =
    outcome.kind === 'contacts'
      ? [
          ['imported', outcome.result.imported, t('aud.import.imported')],
          ['updated', outcome.result.updated, t('aud.import.updated')],
          ['unchanged', outcome.result.unchanged, t('aud.import.unchanged')],
          ['failed', outcome.result.failed, t('aud.import.failed')],
        ]
      : [
          ['ingested', outcome.result.ingested, t('aud.import.ingested')],
          ['duplicates', outcome.result.duplicates, t('aud.import.duplicates')],
          ['failed', outcome.result.failed, t('aud.import.failed')],
        ];
  const { errors } = outcome.result;
  const truncated = outcome.kind === 'contacts' && outcome.result.errorsTruncated;
  return (
    <div className="card card-flush" data-testid="import-result">
      <div className="card-pad">
        <h2 className="card-title">{t('aud.import.result', { file: outcome.fileName })}</h2>
        <ul className="stat-row">
          {counts.map(([id, value, label]) => (
            <li key={id} className={id === 'failed' && value > 0 ? 'stat stat-bad' : 'stat'}>
              <span className="stat-value" data-testid={`import-${id}`}>
                {value}
              </span>
              <span className="stat-label">{label}</span>
            </li>
          ))}
        </ul>
      </div>
      {errors.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="import-errors">
            <thead>
              <tr>
                <th className="col-narrow">{t('aud.import.line')}</th>
                <th>{t('aud.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={`${e.line}-${i}`} data-testid="import-error-row" data-line={e.line}>
                  <td data-testid="import-error-line">{e.line}</td>
                  <td data-testid="import-error-reason">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {truncated && <p className="muted card-note">{t('aud.import.truncated', { n: errors.length })}</p>}
    </div>
  );
}
