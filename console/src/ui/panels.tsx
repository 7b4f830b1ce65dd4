import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';

/** A card in the middle of an otherwise empty page (loading, errors, first-run). */
export function CenteredPanel({ title, children }: { title?: ReactNode; children?: ReactNode }) {
  return (
    <div className="centered-page">
      <div className="card centered-card">
        {title && <h1 className="card-title">{title}</h1>}
        {children}
      </div>
    </div>
  );
}

export function NotFoundPanel({
  title,
  body,
  backTo,
}: {
  title: string;
  body: string;
  backTo: string | null;
}) {
  const t = useT();
  return (
    <CenteredPanel title={title}>
      <p className="muted" data-testid="not-found">
        {body}
      </p>
      {backTo && (
        <Link to={backTo} className="btn btn-primary">
          {t('ws.notFound.back')}
        </Link>
      )}
    </CenteredPanel>
  );
}
