import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { ContactTag } from '../types.js';

interface Props {
  slug: string;
  contactId: number;
  tags: ContactTag[];
  writable: boolean;
  onChanged: () => void;
}

/** A contact's tags; roles that may write add them by name (new names become tags) and remove them. */
export function ContactTags({ slug, contactId, tags, writable, onChanged }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const change = async (body: { add?: string[]; remove?: string[] }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(wsPath(slug, 'contacts', contactId, 'tags'), body);
      setName('');
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) void change({ add: [name.trim()] });
  };

  return (
    <section className="drawer-section" data-testid="contact-tags">
      <h3 className="section-title">{t('aud.contact.tags')}</h3>
      <ErrorBanner error={error} />
      {tags.length === 0 && <p className="muted small">{t('aud.contact.noTags')}</p>}
      <ul className="chip-list tag-chips">
        {tags.map((tag) => (
          <li key={tag.id} className="chip" data-testid="contact-tag" title={tag.addedBy}>
            {tag.name}
            {writable && (
              <button
                type="button"
                className="chip-remove"
                disabled={busy}
                aria-label={t('aud.contact.removeTag', { name: tag.name })}
                onClick={() => void change({ remove: [tag.name] })}
                data-testid="contact-tag-remove"
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <form className="inline-form" onSubmit={onAdd}>
          <input
            value={name}
            maxLength={50}
            placeholder={t('aud.contact.tagName')}
            aria-label={t('aud.contact.tagName')}
            onChange={(e) => setName(e.target.value)}
            data-testid="contact-tag-input"
          />
          <button type="submit" className="btn btn-small" disabled={busy || !name.trim()}>
            {t('aud.contact.addTag')}
          </button>
        </form>
      )}
    </section>
  );
}
