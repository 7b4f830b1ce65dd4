// A small history-API router: the console has few routes and must not pull in a routing package.
import { useSyncExternalStore } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { isSectionId, type SectionId } from './sections.js';

const NAVIGATE_EVENT = 'guimi:navigate';

export type Route =
  | { name: 'root' }
  | { name: 'login'; next: string | null }
  | { name: 'workspace'; slug: string; section: SectionId; tab: string | null }
  | { name: 'notFound' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === currentPath()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function parseRoute(pathAndSearch: string): Route {
  const url = new URL(pathAndSearch, 'http://console.local');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'root' };
  if (parts[0] === 'login' && parts.length === 1) {
    return { name: 'login', next: safeNext(url.searchParams.get('next')) };
  }
  const [head, slug, section = 'overview', tab = null, ...extra] = parts;
  if (head !== 'w' || !slug || extra.length > 0 || !isSectionId(section)) return { name: 'notFound' };
  if (section === 'overview' && parts.length > 2) return { name: 'notFound' };
  return { name: 'workspace', slug, section, tab };
}

/** Only console paths may be a post-login target, so `next` can never send the user off-site. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/w/') ? next : null;
}

export function workspacePath(slug: string, section: SectionId = 'overview', tab?: string | null): string {
  const base = `/w/${encodeURIComponent(slug)}`;
  if (section === 'overview') return base;
  return tab ? `${base}/${section}/${encodeURIComponent(tab)}` : `${base}/${section}`;
}

export function loginPath(next?: string): string {
  return next && safeNext(next) ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

interface LinkProps {
  to: string;
  className?: string;
  children: ReactNode;
  testId?: string;
  current?: boolean;
}

/** An anchor that navigates in-page but still opens in a new tab with a modifier key. */
export function Link({ to, className, children, testId, current }: LinkProps) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={to}
      className={className}
      onClick={onClick}
      data-testid={testId}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}
