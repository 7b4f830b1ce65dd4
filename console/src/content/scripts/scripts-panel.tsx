// The script library (话术库): scripts grouped by purpose, a Chinese search box (the server segments
// the words), and the editor for the one picked or a new one.
import { useCallback, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadMore } from '../../ui/load-more.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import { SCRIPT_PURPOSES, type Script } from '../types.js';
import { ScriptEditor } from './script-editor.js';

export function ScriptsPanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const writable = canWrite(workspace.role);
  const [purpose, setPurpose] = useState('');
  const [q, setQ] = useState('');
  // null: nothing open; 'new': a blank editor; else the script open in the editor.
  const [open, setOpen] = useState<Script | 'new' | null>(null);
  // Bumped when the person picks another script, so the editor starts fresh; saving keeps it mounted.
  const [editorKey, setEditorKey] = useState(0);
  const pick = (next: Script | 'new') => {
    setOpen(next);
    setEditorKey((k) => k + 1);
  };

  const query = new URLSearchParams({ limit: '50' });
  if (purpose) query.set('purpose', purpose);
  if (q.trim()) query.set('q', q.trim());
  const key = query.toString();
  const load = useCallback(
    (cursor: string | null) => {
      const qs = new URLSearchParams(key);
      if (cursor) qs.set('cursor', cursor);
      return api.get<CursorPage<Script>>(`${wsPath(slug, 'scripts')}?${qs.toString()}`);
    },
    [slug, key],
  );
  const pages = useCursorPages<Script>(`${slug}?${key}`, load);

  return (
    <div className="split" data-testid="scripts-panel">
      <div className="card card-flush split-list">
        <div className="toolbar card-pad">
          <input
            type="search"
            className="toolbar-search"
            placeholder={t('cnt.scr.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="scripts-search"
          />
          {writable && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => pick('new')}
              data-testid="scripts-new"
            >
              {t('cnt.scr.new')}
            </button>
          )}
        </div>
        <div className="segmented purpose-filter card-pad">
          {['', ...SCRIPT_PURPOSES].map((p) => (
            <button
              key={p || 'all'}
              type="button"
              className={p === purpose ? 'segmented-item active' : 'segmented-item'}
              onClick={() => setPurpose(p)}
            >
              {p ? t(`cnt.purpose.${p as (typeof SCRIPT_PURPOSES)[number]}`) : t('cnt.scr.allPurposes')}
            </button>
          ))}
        </div>
        <ErrorBanner error={pages.error} onRetry={pages.reload} />
        <ul className="script-list" data-testid="script-list">
          {pages.items.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={open !== 'new' && open?.id === s.id ? 'script-item active' : 'script-item'}
                onClick={() => pick(s)}
                data-testid="script-item"
                data-name={s.name}
              >
                <span className="script-item-head">
                  <strong>{s.name}</strong>
                  <span className="badge badge-muted">{t(`cnt.purpose.${s.purpose}`)}</span>
                  {s.promotion && <span className="badge badge-soon">{t('cnt.scr.promo')}</span>}
                </span>
                <span className="muted small clip">{s.body}</span>
              </button>
            </li>
          ))}
        </ul>
        <LoadMore
          loading={pages.loading}
          count={pages.items.length}
          hasMore={pages.hasMore}
          onMore={pages.more}
          empty={q ? t('cnt.scr.noMatch') : t('cnt.scr.empty')}
          testId="scripts-more"
        />
      </div>
      <div className="split-detail">
        {open ? (
          <ScriptEditor
            key={editorKey}
            slug={slug}
            script={open === 'new' ? null : open}
            writable={writable}
            onSaved={(s) => {
              pages.reload();
              // A new script stays open as itself, so preview works at once.
              setOpen(s);
            }}
          />
        ) : (
          <div className="card muted">{t('cnt.scr.pick')}</div>
        )}
      </div>
    </div>
  );
}
