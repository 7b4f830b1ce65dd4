// Adds a text or a card (link, mini-program, product) as JSON; each kind has its own fields, and the
// server's validation messages land under the field they are about.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT, type MessageKey } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import { formErrors } from '../../ui/form-errors.js';
import { CARD_KINDS, type CardKind, type Folder, type Material } from '../types.js';
import { splitTags } from './upload-form.js';

const FIELDS: Record<CardKind, string[]> = {
  text: ['text'],
  link: ['url', 'description', 'coverMaterialId'],
  miniprogram: ['appid', 'pagepath', 'coverMaterialId'],
  product: ['productName', 'price', 'url', 'imageMaterialId'],
};
const ALL = [
  'title',
  'folderId',
  'tags',
  'text',
  'url',
  'description',
  'appid',
  'pagepath',
  'productName',
  'price',
  'coverMaterialId',
  'imageMaterialId',
] as const;

interface Props {
  slug: string;
  folders: Folder[];
  /** Image and poster materials a card may show as its cover. */
  images: Material[];
  onDone: (m: Material) => void;
}

export function CardForm({ slug, folders, images, onDone }: Props) {
  const t = useT();
  const [kind, setKind] = useState<CardKind>('text');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errs = formErrors(error, ALL);
  const set = (k: string, v: string) => setValues((s) => ({ ...s, [k]: v }));
  const v = (k: string) => values[k] ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { kind, title: v('title').trim(), tags: splitTags(v('tags')) };
    if (v('folderId')) body.folderId = v('folderId');
    for (const f of FIELDS[kind]) {
      if (!v(f)) continue;
      body[f] = f === 'price' ? Number(v(f)) : v(f);
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<Material>(wsPath(slug, 'materials'), body));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (f: string) => {
    if (f === 'text' || f === 'description')
      return <textarea rows={f === 'text' ? 5 : 2} value={v(f)} onChange={(e) => set(f, e.target.value)} />;
    if (f === 'coverMaterialId' || f === 'imageMaterialId')
      return (
        <select value={v(f)} onChange={(e) => set(f, e.target.value)}>
          <option value="">{t('common.none')}</option>
          {images.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      );
    return (
      <input
        type={f === 'price' ? 'number' : 'text'}
        step={f === 'price' ? '0.01' : undefined}
        value={v(f)}
        onChange={(e) => set(f, e.target.value)}
        data-testid={`card-${f}`}
      />
    );
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="card-form">
      <ErrorBanner error={errs.banner} />
      <div className="segmented" role="radiogroup" aria-label={t('cnt.mat.kind')}>
        {CARD_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={k === kind}
            className={k === kind ? 'segmented-item active' : 'segmented-item'}
            onClick={() => setKind(k)}
            data-testid={`card-kind-${k}`}
          >
            {t(`cnt.kind.${k}`)}
          </button>
        ))}
      </div>
      <Field label={t('cnt.mat.title')} error={errs.fields.title}>
        <input value={v('title')} onChange={(e) => set('title', e.target.value)} data-testid="card-title" />
      </Field>
      {FIELDS[kind].map((f) => (
        <Field
          key={`${kind}-${f}`}
          label={t(`cnt.card.${f}` as MessageKey)}
          error={errs.fields[f as (typeof ALL)[number]]}
        >
          {input(f)}
        </Field>
      ))}
      <div className="grid-2">
        <Field label={t('cnt.mat.folder')} error={errs.fields.folderId}>
          <select value={v('folderId')} onChange={(e) => set('folderId', e.target.value)}>
            <option value="">{t('cnt.mat.noFolder')}</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cnt.mat.tags')} hint={t('cnt.mat.tagsHint')} error={errs.fields.tags}>
          <input value={v('tags')} onChange={(e) => set('tags', e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="card-submit">
          {t('cnt.card.submit')}
        </button>
      </div>
    </form>
  );
}
