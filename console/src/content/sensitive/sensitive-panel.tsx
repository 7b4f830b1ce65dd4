// Sensitive words (敏感词): the block list (scripts with them are refused) and the warn list (saved with
// a warning). Words are added in bulk, one per line or separated by commas.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { canWrite } from '../../roles.js';
import type { Workspace } from '../../types.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useApiData } from '../../ui/use-api-data.js';
import type { SensitiveLevel, SensitiveWord } from '../types.js';

const LEVELS: SensitiveLevel[] = ['block', 'warn'];

export function SensitivePanel({ workspace }: { workspace: Workspace }) {
  const t = useT();
  const slug = workspace.slug;
  const writable = canWrite(workspace.role);
  const list = useApiData<{ items: SensitiveWord[] }>(wsPath(slug, 'sensitive-words'));
  const [text, setText] = useState('');
  const [level, setLevel] = useState<SensitiveLevel>('block');
  const [error, setError] = useState<ApiError | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const words = text
      .split(/[\n,，、]+/)
      .map((w) => w.trim())
      .filter(Boolean);
    if (words.length === 0) return;
    setError(null);
    try {
      await api.post(wsPath(slug, 'sensitive-words'), { words: words.map((word) => ({ word, level })) });
      setText('');
      list.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const remove = async (w: SensitiveWord) => {
    setError(null);
    try {
      await api.del(wsPath(slug, 'sensitive-words', w.id));
      list.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  const items = list.data?.items ?? [];
  return (
    <div className="stack" data-testid="sensitive-panel">
      {writable && (
        <form className="card form" onSubmit={(e) => void add(e)}>
          <h2 className="card-title">{t('cnt.sw.add')}</h2>
          <textarea
            rows={3}
            placeholder={t('cnt.sw.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="sensitive-input"
          />
          <div className="inline-form">
            <select
              value={level}
              onChange={(e) => setLevel(e.target.value as SensitiveLevel)}
              data-testid="sensitive-level"
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`cnt.sw.level.${l}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-primary" data-testid="sensitive-submit">
              {t('cnt.sw.submit')}
            </button>
          </div>
        </form>
      )}
      <ErrorBanner error={error ?? list.error} />
      <div className="grid-2">
        {LEVELS.map((l) => {
          const words = items.filter((w) => w.level === l);
          return (
            <section key={l} className="card" data-testid={`sensitive-${l}`}>
              <h2 className="card-title">
                {t(`cnt.sw.list.${l}`)} <span className="muted small">({words.length})</span>
              </h2>
              <p className="muted small">{t(`cnt.sw.help.${l}`)}</p>
              <div className="chip-list">
                {words.map((w) => (
                  <span key={w.id} className={`chip chip-${l}`} data-testid="sensitive-word">
                    {w.word}
                    {writable && (
                      <ConfirmButton
                        label="×"
                        confirmLabel={t('cnt.sw.remove')}
                        onConfirm={() => void remove(w)}
                      />
                    )}
                  </span>
                ))}
                {words.length === 0 && <span className="muted">{t('cnt.sw.none')}</span>}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
