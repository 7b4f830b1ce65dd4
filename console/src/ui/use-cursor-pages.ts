import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api.js';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorPages<T, P> {
  items: T[];
  /** The last page read (for extra fields such as a total). */
  last: P | null;
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  /** Reads the next page and appends it. */
  more: () => void;
  /** Starts again from the first page. */
  reload: () => void;
}

/**
 * Keyset paging with "load more": `load(cursor)` reads one page; a new `key` (the query) starts over,
 * and answers for an older key are dropped so a slow page never lands in a newer list.
 */
export function useCursorPages<T, P extends CursorPage<T> = CursorPage<T>>(
  key: string,
  load: (cursor: string | null) => Promise<P>,
): CursorPages<T, P> {
  const [state, setState] = useState<{
    items: T[];
    last: P | null;
    loading: boolean;
    error: ApiError | null;
  }>({ items: [], last: null, loading: true, error: null });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Bumped whenever the list starts over; a page read for an older generation is ignored.
  const generation = useRef(0);

  const fetchPage = useCallback((cursor: string | null, gen: number) => {
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef.current(cursor).then(
      (page) => {
        if (gen !== generation.current) return;
        setState((s) => ({
          items: cursor ? [...s.items, ...page.items] : page.items,
          last: page,
          loading: false,
          error: null,
        }));
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, loading: false, error: toApiError(e) }));
      },
    );
  }, []);

  useEffect(() => {
    const gen = ++generation.current;
    setState({ items: [], last: null, loading: true, error: null });
    fetchPage(null, gen);
  }, [key, version, fetchPage]);

  const cursor = state.last?.nextCursor ?? null;
  const more = useCallback(() => {
    if (cursor) fetchPage(cursor, generation.current);
  }, [cursor, fetchPage]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return { ...state, hasMore: cursor !== null, more, reload };
}
