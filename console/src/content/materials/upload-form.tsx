// Uploads an image, video or poster as multipart/form-data: the file and its metadata (kind, title,
// folder, tags); the server sniffs the bytes and says what is wrong with them.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { FILE_KINDS, type Folder, type Material } from '../types.js';

export function splitTags(text: string): string[] {
  return text
    .split(/[,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Props {
  slug: string;
  folders: Folder[];
  onDone: (m: Material) => void;
}

export function UploadForm({ slug, folders, onDone }: Props) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('');
  const [title, setTitle] = useState('');
  const [folderId, setFolderId] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errs = formErrors(error, ['file', 'kind', 'title', 'folderId', 'tags'] as const);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const meta: Record<string, unknown> = { tags: splitTags(tags) };
    if (kind) meta.kind = kind;
    if (title.trim()) meta.title = title.trim();
    if (folderId) meta.folderId = folderId;
    form.append('metadata', JSON.stringify(meta));
    setBusy(true);
    setError(null);
    try {
      onDone(await api.form<Material>(wsPath(slug, 'materials'), form));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="upload-form">
      <ErrorBanner error={errs.banner} />
      <Field label={t('cnt.upload.file')} hint={t('cnt.upload.fileHint')} error={errs.fields.file}>
        <input
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,video/mp4"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="upload-file"
        />
      </Field>
      <div className="grid-2">
        <Field label={t('cnt.mat.kind')} error={errs.fields.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="upload-kind">
            <option value="">{t('cnt.upload.kindAuto')}</option>
            {FILE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cnt.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cnt.mat.folder')} error={errs.fields.folderId}>
          <select value={folderId} onChange={(e) => setFolderId(e.target.value)}>
            <option value="">{t('cnt.mat.noFolder')}</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('cnt.mat.title')} hint={t('cnt.upload.titleHint')} error={errs.fields.title}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="upload-title" />
      </Field>
      <Field label={t('cnt.mat.tags')} hint={t('cnt.mat.tagsHint')} error={errs.fields.tags}>
        <input value={tags} onChange={(e) => setTags(e.target.value)} data-testid="upload-tags" />
      </Field>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!file || busy}
          data-testid="upload-submit"
        >
          {busy ? t('cnt.upload.uploading') : t('cnt.upload.submit')}
        </button>
      </div>
    </form>
  );
}
