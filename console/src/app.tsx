// Top-level routing: who is signed in decides between the login page and the workspace shell.
import { useEffect } from 'react';
import { LoginPage } from './login-page.js';
import { loginPath, navigate, parseRoute, useLocationPath, workspacePath } from './router.js';
import { useSession } from './session.js';
import { Shell } from './shell/shell.js';
import { ErrorBanner } from './ui/error-banner.js';
import { CenteredPanel, NotFoundPanel } from './ui/panels.js';
import { NoWorkspacePage } from './workspaces/no-workspace-page.js';
import { useT } from './i18n/index.js';
import type { Me } from './types.js';

const LAST_WORKSPACE_KEY = 'guimi.lastWorkspace';

/** The workspace to open after sign-in: the last one used, if still a member, else the first. */
function homePath(me: Me): string | null {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_WORKSPACE_KEY);
  } catch {
    // Storage may be unavailable; fall back to the first workspace.
  }
  const ws = me.workspaces.find((w) => w.slug === last) ?? me.workspaces[0];
  return ws ? workspacePath(ws.slug) : null;
}

export function App() {
  const t = useT();
  const session = useSession();
  const path = useLocationPath();
  const route = parseRoute(path);
  const { state } = session;

  useEffect(() => {
    const current = parseRoute(path);
    if (state.status === 'anonymous' && current.name !== 'login') {
      navigate(loginPath(path), { replace: true });
    }
    if (state.status === 'ready' && (current.name === 'login' || current.name === 'root')) {
      const target = (current.name === 'login' && current.next) || homePath(state.me) || '/';
      navigate(target, { replace: true });
    }
  }, [state, path]);

  const slug = route.name === 'workspace' ? route.slug : null;
  const isMember = state.status === 'ready' && state.me.workspaces.some((w) => w.slug === slug);
  useEffect(() => {
    if (slug && isMember) {
      try {
        window.localStorage.setItem(LAST_WORKSPACE_KEY, slug);
      } catch {
        // Only a convenience; ignore storage failures.
      }
    }
  }, [slug, isMember]);

  if (state.status === 'loading') return <CenteredPanel>{t('common.loading')}</CenteredPanel>;
  if (state.status === 'error') {
    return (
      <CenteredPanel title={t('error.loadSession')}>
        <ErrorBanner error={state.error} onRetry={() => void session.refresh()} />
      </CenteredPanel>
    );
  }
  if (state.status === 'anonymous') return <LoginPage />;

  const { me } = state;
  if (route.name === 'workspace') {
    const workspace = me.workspaces.find((w) => w.slug === route.slug);
    if (workspace) {
      return <Shell me={me} workspace={workspace} section={route.section} tab={route.tab} />;
    }
    return (
      <NotFoundPanel
        title={t('ws.notFound.title')}
        body={t('ws.notFound.body', { slug: route.slug })}
        backTo={homePath(me)}
      />
    );
  }
  if (me.workspaces.length === 0) return <NoWorkspacePage />;
  if (route.name === 'notFound') {
    return <NotFoundPanel title={t('page.notFound.title')} body={path} backTo={homePath(me)} />;
  }
  return <CenteredPanel>{t('common.loading')}</CenteredPanel>;
}
