import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { ImportReport, type ImportOutcome } from './import-report.js';

type Kind = 'contacts' | 'events';

/** The upload's content type, from the file name: the import routes read the raw body by its type. */
export function uploadType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

const ROUTE: Record<Kind, string[]> = {
  contacts: ['imports', 'contacts'],
  events: ['events', 'upload'],
};

/** Uploads a CSV or JSONL file of contacts (or JSONL of events) and reports what it did, row by row. */
export function ImportPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  if (!canWrite(workspace.role)) {
    return (
      <div className="card" data-testid="import-panel">
        <p className="muted">{t('aud.import.readOnly')}</p>
      </div>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFileError(t('aud.import.pickFile'));
    const type = uploadType(file.name);
    if (!type || (kind === 'events' && type === 'text/csv')) {
      return setFileError(t(kind === 'events' ? 'aud.import.eventsType' : 'aud.import.badType'));
    }
    setBusy(true);
    setError(null);
    setFileError(undefined);
    setOutcome(null);
    try {
      const result = await api.upload<ImportOutcome['result']>(
        wsPath(workspace.slug, ...ROUTE[kind]),
        file,
        type,
      );
      setOutcome({ kind, fileName: file.name, result } as ImportOutcome);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack" data-testid="import-panel">
      <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 className="card-title">{t('aud.import.title')}</h2>
        <p className="muted small">
          {t(kind === 'contacts' ? 'aud.import.helpContacts' : 'aud.import.helpEvents')}
        </p>
        <ErrorBanner error={error} />
        <div className="form-grid">
          <Field label={t('aud.import.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="import-kind">
              <option value="contacts">{t('aud.import.kindContacts')}</option>
              <option value="events">{t('aud.import.kindEvents')}</option>
            </select>
          </Field>
          <Field label={t('aud.import.file')} error={fileError}>
            <input
              ref={inputRef}
              type="file"
              accept={kind === 'contacts' ? '.csv,.jsonl,.ndjson' : '.jsonl,.ndjson'}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(undefined);
              }}
              data-testid="import-file"
            />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="import-submit">
            {busy ? t('aud.import.uploading') : t('aud.import.submit')}
          </button>
        </div>
      </form>
      {outcome && <ImportReport outcome={outcome} />}
    </div>
  );
}
