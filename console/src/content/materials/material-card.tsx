// One material in the library grid: a thumbnail (images and posters from the file route), its kind,
// title, tags and how often sends used it.
import { wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import type { Material } from '../types.js';

function preview(m: Material): string {
  const d = m.data;
  const text = (k: string) => (typeof d[k] === 'string' ? d[k] : '');
  if (m.kind === 'text') return text('text');
  if (m.kind === 'link') return text('description') || text('url');
  if (m.kind === 'miniprogram') return `${text('appid')} · ${text('pagepath')}`;
  if (m.kind === 'product') return `${text('productName')} · ¥${String(d.price ?? '')}`;
  return m.file?.name ?? '';
}

export function MaterialCard({ slug, material: m }: { slug: string; material: Material }) {
  const t = useT();
  const hasImage = (m.kind === 'image' || m.kind === 'poster') && m.file;
  const coverId =
    typeof m.data.coverMaterialId === 'string'
      ? m.data.coverMaterialId
      : typeof m.data.imageMaterialId === 'string'
        ? m.data.imageMaterialId
        : null;
  const thumb = hasImage ? m.id : coverId;
  return (
    <article className="material-card" data-testid="material-card" data-kind={m.kind} data-title={m.title}>
      <div className={`material-thumb material-thumb-${m.kind}`}>
        {thumb ? (
          <img src={wsPath(slug, 'materials', thumb, 'file')} alt={m.title} loading="lazy" />
        ) : (
          <span className="material-thumb-text">{m.kind === 'video' ? '▶' : preview(m)}</span>
        )}
      </div>
      <div className="material-body">
        <div className="material-head">
          <span className="badge badge-muted">{t(`cnt.kind.${m.kind}`)}</span>
          <span className="muted small" title={t('cnt.mat.useCount')} data-testid="material-uses">
            {t('cnt.mat.uses', { n: m.useCount })}
          </span>
        </div>
        <h3 className="material-title" title={m.title}>
          {m.title}
        </h3>
        {(hasImage || m.kind === 'video') && <p className="muted small clip">{preview(m)}</p>}
        {m.tags.length > 0 && (
          <div className="chip-list">
            {m.tags.map((tag) => (
              <span key={tag} className="chip">
                {tag}
              </span>
            ))}
          </div>
        )}
      </div>
    </article>
  );
}
