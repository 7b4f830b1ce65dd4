// Simulator robot accounts: create one, then give it friends and groups (contact ids or a segment).
// The server lists no accounts yet, so this card shows the ones created here and those in the inbox.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { SimAccount } from '../types.js';

interface Props {
  slug: string;
  accounts: { id: string; name: string | null }[];
  onCreated: (a: SimAccount) => void;
}

function members(text: string): { contactIds?: number[]; segment?: string } {
  const trimmed = text.trim();
  if (/^[\d\s,，]+$/.test(trimmed))
    return {
      contactIds: trimmed
        .split(/[\s,，]+/)
        .filter(Boolean)
        .map(Number),
    };
  return { segment: trimmed };
}

export function SimAccounts({ slug, accounts, onCreated }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [personal, setPersonal] = useState(true);
  const [account, setAccount] = useState('');
  const [who, setWho] = useState('');
  const [group, setGroup] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (work: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const a = await api.post<SimAccount>(wsPath(slug, 'simulator', 'accounts'), {
        name: name.trim(),
        personal,
      });
      onCreated(a);
      setAccount(a.id);
      setName('');
      return t('auto.sim.created', { name: a.name, id: a.id });
    });
  };
  const addFriends = () =>
    void run(async () => {
      const r = await api.post<{ added: number }>(
        wsPath(slug, 'simulator', 'accounts', account, 'friends'),
        members(who),
      );
      return t('auto.sim.friendsAdded', { n: r.added });
    });
  const addGroup = () =>
    void run(async () => {
      const r = await api.post<{ id: string; name: string; members: number }>(
        wsPath(slug, 'simulator', 'accounts', account, 'groups'),
        { name: group.trim(), ...members(who) },
      );
      return t('auto.sim.groupCreated', { name: r.name, id: r.id, n: r.members });
    });

  return (
    <section className="card form" data-testid="sim-accounts">
      <h2 className="card-title">{t('auto.sim.accounts')}</h2>
      <form className="inline-form" onSubmit={create}>
        <input
          placeholder={t('auto.sim.accountName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label className="check nowrap">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
          {t('auto.sim.personal')}
        </label>
        <button type="submit" className="btn" disabled={!name.trim()}>
          {t('auto.sim.create')}
        </button>
      </form>
      {accounts.length > 0 && (
        <ul className="plain-list">
          {accounts.map((a) => (
            <li key={a.id}>
              <button type="button" className="btn-link" onClick={() => setAccount(a.id)}>
                {a.name ?? t('auto.sim.robot')}
              </button>{' '}
              <code className="small">{a.id}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="grid-2">
        <input
          placeholder={t('auto.sim.accountId')}
          value={account}
          onChange={(e) => setAccount(e.target.value)}
        />
        <input placeholder={t('auto.sim.who')} value={who} onChange={(e) => setWho(e.target.value)} />
      </div>
      <div className="inline-form">
        <button
          type="button"
          className="btn btn-small"
          disabled={!account || !who.trim()}
          onClick={addFriends}
        >
          {t('auto.sim.addFriends')}
        </button>
        <input
          placeholder={t('auto.sim.groupName')}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={!account || !who.trim() || !group.trim()}
          onClick={addGroup}
        >
          {t('auto.sim.addGroup')}
        </button>
      </div>
      {notice && <p className="banner banner-success">{notice}</p>}
      <ErrorBanner error={error} />
    </section>
  );
}
