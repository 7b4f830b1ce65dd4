import { useEffect, useState } from 'react';
import { api, wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import type { Koc, KocPage } from '../types.js';

const SEARCH_DELAY_MS = 250;

/** Searches active KOCs by name or handle and keeps the ones ticked (across searches). */
export function KocPicker(props: {
  slug: string;
  picked: Map<string, string>;
  onChange: (picked: Map<string, string>) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Koc[]>([]);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      const q = new URLSearchParams({ status: 'active', limit: '20' });
      if (text.trim()) q.set('q', text.trim());
      api.get<KocPage>(`${wsPath(props.slug, 'kocs')}?${q}`).then(
        (page) => live && setFound(page.items),
        () => live && setFound([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, props.slug]);
  const toggle = (k: Koc) => {
    const next = new Map(props.picked);
    if (!next.delete(k.id)) next.set(k.id, k.name);
    props.onChange(next);
  };
  return (
    <div className="koc-picker" data-testid="koc-picker">
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('koc.roster.search')}
        aria-label={t('koc.roster.search')}
      />
      {props.picked.size > 0 && (
        <div className="chip-list">
          {[...props.picked].map(([id, name]) => (
            <span key={id} className="chip">
              {name}
            </span>
          ))}
        </div>
      )}
      <ul className="koc-picker-list">
        {found.map((k) => (
          <li key={k.id}>
            <label>
              <input type="checkbox" checked={props.picked.has(k.id)} onChange={() => toggle(k)} /> {k.name}
              <span className="muted"> · {k.followers}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
