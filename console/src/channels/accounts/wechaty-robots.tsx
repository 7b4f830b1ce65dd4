// Personal WeChat robots through Wechaty: add one (puppet, and its token for wechaty-puppet-service —
// sent once, never shown again), start its login and scan the QR with WeChat, see its status, log out.
import { useState, type FormEvent } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Field } from '../../ui/field.js';
import type { ChannelAccount } from '../types.js';
import { WechatyRobot } from './wechaty-robot.js';

const PUPPETS = ['wechaty-puppet-service', 'wechaty-puppet-wechat4u', 'wechaty-puppet-mock'] as const;

interface Props {
  slug: string;
  robots: ChannelAccount[];
  write: boolean;
  onChanged: () => void;
}

export function WechatyRobots({ slug, robots, write, onChanged }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [puppet, setPuppet] = useState<(typeof PUPPETS)[number]>('wechaty-puppet-service');
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(wsPath(slug, 'channels', 'wechaty'), {
        name: name.trim(),
        puppet,
        ...(token.trim() ? { token: token.trim() } : {}),
      });
      setName('');
      setToken('');
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <section className="card" data-testid="wechaty-card">
      <h2 className="card-title">{t('ch.bot.title')}</h2>
      <p className="muted small">{t('ch.bot.help')}</p>
      {robots.length > 0 && (
        <ul className="ch-robots">
          {robots.map((r) => (
            <WechatyRobot key={r.id} slug={slug} robot={r} write={write} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {write && (
        <form className="form ch-setup" onSubmit={(e) => void add(e)} data-testid="wechaty-add">
          <h3>{t('ch.bot.add')}</h3>
          <div className="form-grid">
            <Field label={t('ch.acc.name')}>
              <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="bot-name" />
            </Field>
            <Field label={t('ch.bot.puppet')}>
              <select
                value={puppet}
                onChange={(e) => setPuppet(e.target.value as (typeof PUPPETS)[number])}
                data-testid="bot-puppet"
              >
                {PUPPETS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('ch.bot.token')}
              hint={puppet === 'wechaty-puppet-service' ? t('ch.bot.tokenNeeded') : t('common.optional')}
            >
              <input
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                data-testid="bot-token"
              />
            </Field>
          </div>
          <ErrorBanner error={error} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={!name.trim()} data-testid="bot-add">
              {t('ch.bot.addSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
