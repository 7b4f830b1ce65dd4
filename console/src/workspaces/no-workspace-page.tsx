import { useT } from '../i18n/index.js';
import { useSession } from '../session.js';
import { CenteredPanel } from '../ui/panels.js';
import { CreateWorkspaceForm } from './create-workspace-form.js';

/** First run: a signed-in user who belongs to no workspace creates one. */
export function NoWorkspacePage() {
  const t = useT();
  const { logout } = useSession();
  return (
    <CenteredPanel title={t('ws.none.title')}>
      <p className="muted">{t('ws.none.body')}</p>
      <CreateWorkspaceForm />
      <button type="button" className="btn btn-link" onClick={() => void logout().catch(() => undefined)}>
        {t('topbar.logout')}
      </button>
    </CenteredPanel>
  );
}
