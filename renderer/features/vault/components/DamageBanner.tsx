import { useStore } from 'zustand';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';

/** Says plainly when damaged pages were set aside at unlock, and how many customers they held. */
export function DamageBanner() {
  const t = useT();
  const { vault } = useServices();
  const damaged = useStore(vault, (s) => s.report?.damaged);
  if (!damaged || damaged.length === 0) return null;
  // Page ids start with their table: only customer pages hold customers.
  const count = (pages: typeof damaged) => pages.reduce((sum, page) => sum + page.count, 0);
  const customers = count(damaged.filter((p) => p.pageId.startsWith('customers/')));
  const others = count(damaged.filter((p) => !p.pageId.startsWith('customers/')));
  return (
    <p className="banner-danger" role="alert">
      {t('vault.damaged', { count: damaged.length, customers })}
      {others > 0 && ` ${t('vault.damagedHistory', { count: others })}`}
    </p>
  );
}
