// Who is calling: a console user (session cookie) or an API token bound to one workspace.
import type { Role } from './roles.js';

export type Principal =
  | { kind: 'user'; userId: string; email: string; name: string; sessionHash: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; workspaceId: string; role: Role; name: string };

export function actorOf(p: Principal): string {
  return p.kind === 'user' ? `user:${p.userId}` : `token:${p.tokenId}`;
}
