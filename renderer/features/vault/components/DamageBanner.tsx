import { useStore } from 'zustand';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';

/** Says plainly when damaged pages were set aside at unlock, and how many customers they held. */
export function DamageBanner() {
  const t = useT();
  const { vault } = useServices();
  const damaged = useStore(vault, (s) => s.report?.damaged);
  if (!damaged || damaged.length === 0) return null;
  const customers = damaged.reduce((sum, page) => sum + page.count, 0);
  return (
    <p className="banner-danger" role="alert">
      {t('vault.damaged', { count: damaged.length, customers })}
    </p>
  );
}
