import { useEffect, useState } from 'react';
import { api, isAbort, toApiError, wsPath, type ApiError } from '../../api.js';

export const COUNT_DELAY_MS = 250;

export type LiveCount =
  | { status: 'empty' }
  | { status: 'counting'; previous: number | null }
  | { status: 'ok'; count: number; expression: string }
  | { status: 'error'; error: ApiError; expression: string };

/**
 * The number of contacts an expression matches, re-counted as it is typed: waits for a pause of
 * COUNT_DELAY_MS, and aborts the request of an older text so a slow answer never overwrites a newer one.
 */
export function useLiveCount(slug: string, expression: string): LiveCount {
  const [state, setState] = useState<LiveCount>({ status: 'empty' });

  useEffect(() => {
    const text = expression.trim();
    if (!text) {
      setState({ status: 'empty' });
      return;
    }
    setState((s) => ({ status: 'counting', previous: s.status === 'ok' ? s.count : null }));
    const controller = new AbortController();
    let live = true;
    const timer = window.setTimeout(() => {
      api
        .post<{ count: number }>(
          wsPath(slug, 'segments', 'count'),
          { expression },
          { signal: controller.signal },
        )
        .then(
          (r) => live && setState({ status: 'ok', count: r.count, expression }),
          (e: unknown) => {
            if (live && !isAbort(e)) setState({ status: 'error', error: toApiError(e), expression });
          },
        );
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [slug, expression]);

  return state;
}
