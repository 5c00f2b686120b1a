import { useId } from 'react';
import { useStore } from 'zustand';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { useT } from '../../../i18n/useT';
import { CatalogSection } from './CatalogSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { KpiSettingsSection } from './KpiSettingsSection';

export interface SettingsDialogProps {
  onClose(): void;
}

const COUNTRIES = ['FR', 'BE', 'CH', 'LU', 'GB', 'IE', 'DE', 'ES', 'IT', 'NL', 'PT', 'US', 'CA'];
const CURRENCIES = ['EUR', 'GBP', 'CHF', 'USD', 'CAD'];

/** The file's settings: phones' country, currency, catalog, custom fields, dashboard. */
export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const t = useT();
  const id = useId();
  const { fileSettings } = useServices();
  const settings = useStore(fileSettings, (s) => s.settings);
  const showToast = useToastStore((s) => s.show);
  const regions = new Intl.DisplayNames([document.documentElement.lang || 'en'], {
    type: 'region',
  });
  const save = (change: Partial<typeof settings>) =>
    fileSettings
      .getState()
      .saveSettings({ ...settings, ...change })
      .then(() => showToast(t('settings.saved')))
      .catch((error: unknown) => showToast(errorText(error, t), 'error'));

  return (
    <Dialog title={t('settings.title')} onClose={onClose}>
      <div className="settings">
        <section className="settings-section settings-general" aria-labelledby={`${id}-general`}>
          <h3 id={`${id}-general`}>{t('settings.general')}</h3>
          <div className="field">
            <label htmlFor={`${id}-country`}>{t('settings.country')}</label>
            <select
              id={`${id}-country`}
              value={settings.defaultCountry}
              onChange={(e) => void save({ defaultCountry: e.target.value })}
            >
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {regions.of(c)}
                </option>
              ))}
            </select>
            <span className="field-hint">{t('settings.countryHint')}</span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-currency`}>{t('settings.currency')}</label>
            <select
              id={`${id}-currency`}
              value={settings.currency}
              onChange={(e) => void save({ currency: e.target.value })}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        </section>
        <CatalogSection />
        <CustomFieldsSection />
        <KpiSettingsSection />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button-primary" onClick={onClose}>
          {t('settings.done')}
        </button>
      </div>
    </Dialog>
  );
}
