import { useT } from '../i18n/index.js';
import type { UpcomingSection } from '../sections.js';

/** An honest placeholder for a domain that is not built yet: what it will hold, and no fake data. */
export function ComingSoon({ section }: { section: UpcomingSection }) {
  const t = useT();
  // Each soon.* entry lists the planned features separated by "|".
  const features = t(`soon.${section}`).split('|');
  return (
    <section className="page" data-testid="coming-soon">
      <header className="page-header">
        <h1>{t(`nav.${section}`)}</h1>
        <span className="badge badge-soon">{t('soon.badge')}</span>
      </header>
      <div className="card soon-card">
        <p>{t('soon.body')}</p>
        <ul className="soon-list">
          {features.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
