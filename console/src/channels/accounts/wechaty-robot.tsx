// One Wechaty robot: its status, polled while it starts or waits for a scan; the login QR drawn by the
// server from the QR payload (the payload is in the image URL so a new QR is fetched, not a cached one).
import { useEffect, useState } from 'react';
import { api, toApiError, wsPath, type ApiError } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import type { BotStatusView, ChannelAccount } from '../types.js';
import { StatusBadge } from './status-badge.js';

const POLL_MS = 2000;

interface Props {
  slug: string;
  robot: ChannelAccount;
  write: boolean;
  onChanged: () => void;
}

export function WechatyRobot({ slug, robot, write, onChanged }: Props) {
  const t = useT();
  const [view, setView] = useState<BotStatusView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const path = (...rest: string[]) => wsPath(slug, 'channels', 'wechaty', robot.id, ...rest);
  const status = view?.status ?? robot.status ?? 'logged_out';
  const waiting = status === 'starting' || status === 'scanning';

  useEffect(() => {
    let live = true;
    const poll = () =>
      api.get<BotStatusView>(path('status')).then(
        (s) => live && setView(s),
        (e: unknown) => live && setError(toApiError(e)),
      );
    void poll();
    if (!waiting) return () => void (live = false);
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
    // Poll again whenever the robot enters or leaves a waiting state.
  }, [slug, robot.id, waiting]);

  const act = async (action: 'start' | 'stop') => {
    setBusy(true);
    setError(null);
    try {
      setView(await api.post<BotStatusView>(path(action)));
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="ch-robot" data-testid="bot-row" data-name={robot.name}>
      <div className="ch-robot-head">
        <strong>{robot.name}</strong> <span className="muted small">{robot.puppet}</span>
        {robot.hasToken && <span className="badge badge-muted">{t('ch.bot.tokenSet')}</span>}
        <StatusBadge status={status} />
        {write && !view?.running && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void act('start')}
            data-testid="bot-start"
          >
            {t('ch.bot.start')}
          </button>
        )}
        {write && view?.running && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void act('stop')}
            data-testid="bot-stop"
          >
            {t('ch.bot.logout')}
          </button>
        )}
      </div>
      {status === 'scanning' && view?.qr && (
        <figure className="ch-qr">
          <img
            src={`${path('qr')}?format=png&v=${encodeURIComponent(view.qr)}`}
            alt={t('ch.bot.qrAlt')}
            width={200}
            height={200}
            data-testid="bot-qr"
          />
          <figcaption className="small muted">{t('ch.bot.scan')}</figcaption>
        </figure>
      )}
      {status === 'banned_suspicion' && <p className="banner banner-warning">{t('ch.bot.bannedHelp')}</p>}
      {view?.error && <p className="small muted">{view.error}</p>}
      <ErrorBanner error={error} />
    </li>
  );
}
