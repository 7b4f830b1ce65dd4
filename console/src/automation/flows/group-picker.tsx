// Picks a group of the workspace's robot accounts by name (with its account and member count) instead of
// typing its id. The list is read a page at a time; its last option reads the next page. A saved id the
// list lacks (a group since removed, or not read yet) stays selectable as it is.
import { useCallback } from 'react';
import { api, wsPath } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { useCursorPages, type CursorPage } from '../../ui/use-cursor-pages.js';
import type { ChannelGroup } from '../types.js';

export interface GroupList {
  items: ChannelGroup[];
  hasMore: boolean;
  more: () => void;
}

export function useGroupList(slug: string): GroupList {
  const load = useCallback(
    (cursor: string | null) =>
      api.get<CursorPage<ChannelGroup>>(
        `${wsPath(slug, 'channels', 'groups')}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    [slug],
  );
  const { items, hasMore, more } = useCursorPages<ChannelGroup>(slug, load);
  return { items, hasMore, more };
}

const MORE = '\u0000more';

interface Props {
  groups: GroupList;
  value: string | undefined;
  onChange: (id: string) => void;
  /** The label of the empty choice ("any group" for a trigger, "choose" for a step). */
  empty: string;
  testId?: string;
  /** Set by the enclosing Field. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function GroupPicker({ groups, value, onChange, empty, id, testId, ...aria }: Props) {
  const t = useT();
  const known = !value || groups.items.some((g) => g.id === value);
  return (
    <select
      {...aria}
      id={id}
      value={value ?? ''}
      onChange={(e) => (e.target.value === MORE ? groups.more() : onChange(e.target.value))}
      data-testid={testId}
    >
      <option value="">{empty}</option>
      {!known && <option value={value}>{t('auto.group.unlisted', { id: value! })}</option>}
      {groups.items.map((g) => (
        <option key={g.id} value={g.id}>
          {t('auto.group.option', { name: g.name, account: g.accountName, n: g.members })}
        </option>
      ))}
      {groups.hasMore && <option value={MORE}>{t('auto.group.more')}</option>}
    </select>
  );
}
