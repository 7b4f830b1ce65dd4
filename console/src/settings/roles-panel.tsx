import { useT } from '../i18n/index.js';
import { ROLES } from '../types.js';

export function RolesPanel() {
  const t = useT();
  return (
    <div className="card" data-testid="roles-panel">
      <p className="muted">{t('roles.intro')}</p>
      <dl className="role-list">
        {ROLES.map((role) => (
          <div key={role} className="role-row">
            <dt>
              <span className={`badge badge-role-${role}`}>{t(`role.${role}`)}</span>
            </dt>
            <dd>{t(`role.${role}.desc`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
