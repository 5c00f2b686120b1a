import { useEffect, useState } from 'react';
import { NO_LIST_FILTER } from '../../shared/contract/customers';
import type { AppInfo } from '../../shared/contract/host';
import type { SegmentSummary } from '../../shared/segments/savedSegment';
import type { KpiDrill } from '../../shared/contract/kpi';
import { Toasts } from '../components/Toasts';
import { useT } from '../i18n/useT';
import { CustomersPage } from '../features/customers/components/CustomersPage';
import { DamageBanner } from '../features/vault/components/DamageBanner';
import { RecoveryKeyReminder } from '../features/vault/components/RecoveryKeyReminder';
import { BackupsDialog } from '../features/backups/components/BackupsDialog';
import { SettingsDialog } from '../features/settings/components/SettingsDialog';
import { SecurityDialog } from '../features/vault/components/SecurityDialog';
import { VaultGate } from '../features/vault/components/VaultGate';
import { SegmentsPage } from '../features/segments/components/SegmentsPage';
import { DashboardPage } from '../features/dashboard/components/DashboardPage';
import { useSegmentNames } from '../features/segments/shownSegment';
import { useListViewStore } from '../features/customers/stores/listViewStore';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { useServices } from './services';

export function App() {
  return (
    <>
      <VaultGate>
        <OpenFile />
      </VaultGate>
      <Toasts />
    </>
  );
}

/** The app once the customer file is unlocked. */
function OpenFile() {
  const t = useT();
  const { host } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [security, setSecurity] = useState(false);
  const [settings, setSettings] = useState(false);
  const [backups, setBackups] = useState(false);
  const [section, setSection] = useState<'customers' | 'segments' | 'dashboard'>('customers');
  const { customerList } = useServices();
  const remember = useSegmentNames((s) => s.remember);
  /** The customer list on those customers alone, as the user sees it after a click. */
  const showCustomers = (filter: Partial<typeof NO_LIST_FILTER>) => {
    customerList.getState().setQuery('');
    customerList.getState().setFilter({ ...NO_LIST_FILTER, ...filter });
    setSection('customers');
  };

  const showSegment = (segment: SegmentSummary) => {
    remember(segment.id, segment.name);
    showCustomers({ segment: segment.id });
  };

  useEffect(() => {
    host.send('host.appInfo', {}).then(setInfo, () => setInfo(null));
  }, [host]);

  return (
    <div className="app">
      <header className="app-header">
        <Brand tagline />
        <div className="header-actions">
          <LanguageSwitch />
          <button type="button" className="button-secondary" onClick={() => setSettings(true)}>
            {t('settings.title')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setBackups(true)}>
            {t('backup.button')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setSecurity(true)}>
            {t('security.title')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void host.send('vault.lock', {})}
          >
            {t('vault.lock')}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {(['customers', 'segments', 'dashboard'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`nav-tab${section === s ? ' nav-tab-on' : ''}`}
            aria-current={section === s ? 'page' : undefined}
            onClick={() => setSection(s)}
          >
            {t(`nav.${s}`)}
          </button>
        ))}
      </nav>
      <DamageBanner />
      <RecoveryKeyReminder onMakeNew={() => setSecurity(true)} />
      {section === 'customers' ? (
        <CustomersPage />
      ) : section === 'dashboard' ? (
        <DashboardPage
          onShowCustomers={(kpi: KpiDrill) => showCustomers({ kpi })}
          onShowSegment={showSegment}
          onOpenCustomer={(id) => {
            useListViewStore.getState().openCustomer(id);
            setSection('customers');
          }}
        />
      ) : (
        <SegmentsPage onShowMembers={showSegment} />
      )}
      <footer className="app-footer">
        {info &&
          t('app.about', { version: info.version, runtime: t(`app.runtime.${info.runtime}`) })}
      </footer>
      {security && <SecurityDialog onClose={() => setSecurity(false)} />}
      {settings && <SettingsDialog onClose={() => setSettings(false)} />}
      {backups && <BackupsDialog onClose={() => setBackups(false)} />}
    </div>
  );
}
