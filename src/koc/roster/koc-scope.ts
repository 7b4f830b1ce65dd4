// The koc role sees only its own KOC: every KOC-program read narrows to `access.kocId` for it. A koc
// caller with no linked KOC (or an API token, which carries none) sees nothing.
import { kocScope, type WorkspaceAccess } from '../../platform/auth/workspace-access.js';
import { AppError } from '../../platform/errors.js';

/** Refuses (as not found) a KOC the caller may not see. */
export function assertMayView(access: WorkspaceAccess, kocId: string): void {
  const only = kocScope(access);
  if (only !== undefined && only !== kocId) {
    throw new AppError('NOT_FOUND', `KOC "${kocId}" not found`, { koc: kocId });
  }
}

/** The caller's own KOC, for the /me/koc routes. */
export function ownKocId(access: WorkspaceAccess): string {
  if (!access.kocId) {
    throw new AppError(
      'NOT_FOUND',
      'no KOC is linked to this login (ask the owner to link your member to a KOC)',
    );
  }
  return access.kocId;
}
