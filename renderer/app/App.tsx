import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/host';
import { Toasts } from '../components/Toasts';
import { useT } from '../i18n/useT';
import { CustomersPage } from '../features/customers/components/CustomersPage';
import { LanguageSwitch } from './LanguageSwitch';
import { useServices } from './services';

export function App() {
  const t = useT();
  const { host } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    host.send('host.appInfo', {}).then(setInfo, () => setInfo(null));
  }, [host]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <CustomersPage />
      <footer className="app-footer">
        {info &&
          t('app.about', { version: info.version, runtime: t(`app.runtime.${info.runtime}`) })}
      </footer>
      <Toasts />
    </div>
  );
}
