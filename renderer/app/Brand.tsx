import { useT } from '../i18n/useT';

/** The app's mark and name; the tagline only where there is room for it. */
export function Brand({ tagline = false }: { tagline?: boolean }) {
  const t = useT();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        C
      </span>
      {tagline ? (
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
      ) : (
        <div className="brand-name">{t('app.name')}</div>
      )}
    </div>
  );
}
