import { useT } from '../../i18n/index.js';
import type { BotStatus } from '../types.js';

const TONE: Record<BotStatus, string> = {
  logged_in: 'badge badge-ok',
  scanning: 'badge ch-badge-wait',
  starting: 'badge ch-badge-wait',
  logged_out: 'badge badge-muted',
  banned_suspicion: 'badge ch-badge-danger',
};

/** A Wechaty robot's login status (banned suspicion: failed sends or a logout right after sending). */
export function StatusBadge({ status }: { status: BotStatus }) {
  const t = useT();
  return (
    <span className={TONE[status]} data-testid="bot-status" data-status={status}>
      {t(`ch.bot.${status}`)}
    </span>
  );
}
