// The material library (素材库): filter by kind, folder, tag and title; a grid of cards with
// thumbnails; upload files or add texts and cards; folders with their counts.
import { useCallback, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { Modal } from '../../ui/modal.js';
import { useApiData } from '../../ui/use-api-data.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import { MATERIAL_KINDS, type Folder, type Material } from '../types.js';
import { CardForm } from './card-form.js';
import { MaterialCard } from './material-card.js';
import { UploadForm } from './upload-form.js';

export function MaterialsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const writable = canWrite(workspace.role);
  const [kind, setKind] = useState('');
  const [folderId, setFolderId] = useState('');
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [dialog, setDialog] = useState<'upload' | 'card' | null>(null);
  const [folderName, setFolderName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const folders = useApiData<{ items: Folder[] }>(wsPath(slug, 'material-folders'));

  const query = new URLSearchParams({ limit: '48' });
  if (kind) query.set('kind', kind);
  if (folderId) query.set('folderId', folderId);
  if (q.trim()) query.set('q', q.trim());
  if (tag.trim()) query.set('tag', tag.trim());
  const key = query.toString();
  const load = useCallback(
    (cursor: string | null) => {
      const qs = new URLSearchParams(key);
      if (cursor) qs.set('cursor', cursor);
      return api.get<CursorPage<Material>>(`${wsPath(slug, 'materials')}?${qs.toString()}`);
    },
    [slug, key],
  );
  const pages = useCursorPages<Material>(`${slug}?${key}`, load);
  const folderList = folders.data?.items ?? [];

  const done = () => {
    setDialog(null);
    pages.reload();
    folders.reload();
  };
  const addFolder = async () => {
    if (!folderName.trim()) return;
    setError(null);
    try {
      await api.post(wsPath(slug, 'material-folders'), { name: folderName.trim() });
      setFolderName('');
      folders.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="stack" data-testid="materials-panel">
      <div className="toolbar">
        <input
          type="search"
          className="toolbar-search"
          placeholder={t('cnt.mat.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="materials-search"
        />
        <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={t('cnt.mat.kind')}>
          <option value="">{t('cnt.mat.allKinds')}</option>
          {MATERIAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cnt.kind.${k}`)}
            </option>
          ))}
        </select>
        <select
          value={folderId}
          onChange={(e) => setFolderId(e.target.value)}
          aria-label={t('cnt.mat.folder')}
        >
          <option value="">{t('cnt.mat.allFolders')}</option>
          {folderList.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.materials})
            </option>
          ))}
        </select>
        <input
          className="toolbar-tag"
          placeholder={t('cnt.mat.tagFilter')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
        {writable && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setDialog('upload')}
              data-testid="materials-upload"
            >
              {t('cnt.mat.upload')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => setDialog('card')}
              data-testid="materials-new-card"
            >
              {t('cnt.mat.newCard')}
            </button>
          </>
        )}
      </div>
      {writable && (
        <div className="inline-form folder-form">
          <input
            placeholder={t('cnt.mat.folderName')}
            value={folderName}
            onChange={(e) => setFolderName(e.target.value)}
          />
          <button type="button" className="btn btn-small" onClick={() => void addFolder()}>
            {t('cnt.mat.addFolder')}
          </button>
        </div>
      )}
      <ErrorBanner error={error ?? folders.error} />
      <ErrorBanner error={pages.error} onRetry={pages.reload} />
      <div className="material-grid" data-testid="material-grid">
        {pages.items.map((m) => (
          <MaterialCard key={m.id} slug={slug} material={m} />
        ))}
      </div>
      <LoadMore
        loading={pages.loading}
        count={pages.items.length}
        hasMore={pages.hasMore}
        onMore={pages.more}
        empty={t('cnt.mat.empty')}
        testId="materials-more"
      />
      {dialog === 'upload' && (
        <Modal title={t('cnt.mat.upload')} onClose={() => setDialog(null)} testId="upload-dialog">
          <UploadForm slug={slug} folders={folderList} onDone={done} />
        </Modal>
      )}
      {dialog === 'card' && (
        <Modal title={t('cnt.mat.newCard')} onClose={() => setDialog(null)} testId="card-dialog">
          <CardForm
            slug={slug}
            folders={folderList}
            images={pages.items.filter((m) => m.kind === 'image' || m.kind === 'poster')}
            onDone={done}
          />
        </Modal>
      )}
    </div>
  );
}
