// Display helpers of the KOC section: labels for values the API sends as plain strings (kinds, statuses,
// platforms, tiers...), falling back to the value itself, and compact numbers.
import { hasMessage, type Translate } from '../i18n/index.js';

export type LabelGroup =
  'kind' | 'status' | 'platform' | 'tier' | 'ctype' | 'crole' | 'check' | 'rule' | 'review' | 'reward';

export function label(t: Translate, group: LabelGroup, value: string): string {
  const key = `koc.${group}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
