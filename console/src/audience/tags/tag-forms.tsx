import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { TagGroup } from '../types.js';

interface Props {
  slug: string;
  groups: TagGroup[];
  onCreated: () => void;
}

/** Two one-line forms: a new tag group, and a new tag (optionally in a group). */
export function TagForms({ slug, groups, onCreated }: Props) {
  const t = useT();
  const [groupName, setGroupName] = useState('');
  const [tagName, setTagName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent, path: string, body: unknown, reset: () => void) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(path, body);
      reset();
      onCreated();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card form">
      <ErrorBanner error={error} />
      <div className="grid-2">
        <form
          className="inline-form"
          onSubmit={(e) =>
            void submit(e, wsPath(slug, 'tag-groups'), { name: groupName.trim() }, () => setGroupName(''))
          }
        >
          <input
            value={groupName}
            maxLength={50}
            placeholder={t('aud.tags.groupName')}
            aria-label={t('aud.tags.groupName')}
            onChange={(e) => setGroupName(e.target.value)}
            data-testid="tag-group-name"
          />
          <button type="submit" className="btn" disabled={busy || !groupName.trim()}>
            {t('aud.tags.addGroup')}
          </button>
        </form>
        <form
          className="inline-form"
          onSubmit={(e) =>
            void submit(e, wsPath(slug, 'tags'), { name: tagName.trim(), groupId: groupId || null }, () =>
              setTagName(''),
            )
          }
        >
          <input
            value={tagName}
            maxLength={50}
            placeholder={t('aud.tags.tagName')}
            aria-label={t('aud.tags.tagName')}
            onChange={(e) => setTagName(e.target.value)}
            data-testid="tag-name"
          />
          <select
            value={groupId}
            onChange={(e) => setGroupId(e.target.value)}
            aria-label={t('aud.tags.group')}
          >
            <option value="">{t('aud.tags.noGroup')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={busy || !tagName.trim()}>
            {t('aud.tags.addTag')}
          </button>
        </form>
      </div>
    </div>
  );
}
