import { useLang } from '../i18n/index.js';
import { formatTime } from '../ui/format.js';

/** Formats API timestamps in the workspace's time zone, in the console's language. */
export function useTime(timeZone: string): (value: string | null) => string {
  const { lang } = useLang();
  return (value) => formatTime(value, lang, timeZone) ?? '—';
}
