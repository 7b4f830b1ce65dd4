// Who is signed in, their workspaces, and the CSRF token the API client needs for mutations.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler, toApiError } from './api.js';
import { navigate } from './router.js';
import type { LoginResult, Me } from './types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'ready'; me: Me }
  | { status: 'error'; error: ApiError };

interface Session {
  state: SessionState;
  /**
   * Re-reads /me (after creating a workspace, for instance). A quiet refresh is a background
   * check: only a lost session changes the page, other failures keep what is shown.
   */
  refresh: (opts?: { quiet?: boolean }) => Promise<Me | null>;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const refresh = useCallback(
    async (opts: { quiet?: boolean } = {}) => {
      try {
        const me = await api.get<Me>('/api/v1/me');
        setCsrfToken(me.csrfToken);
        setState({ status: 'ready', me });
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) signOutLocally();
        else if (!opts.quiet) setState({ status: 'error', error: toApiError(e) });
        return null;
      }
    },
    [signOutLocally],
  );

  useEffect(() => {
    setUnauthenticatedHandler(signOutLocally);
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [refresh, signOutLocally]);

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await api.post<LoginResult>('/api/v1/auth/login', { email, password });
      setCsrfToken(result.csrfToken);
      await refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      // A deliberate logout starts the next sign-in fresh, without a `next` back to this page.
      navigate('/login');
      signOutLocally();
    }
  }, [signOutLocally]);

  const value = useMemo(() => ({ state, refresh, login, logout }), [state, refresh, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('SessionProvider is missing');
  return ctx;
}
