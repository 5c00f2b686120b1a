import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import {
  CUSTOM_FIELD_TYPES,
  customFieldIdFor,
  type CustomFieldType,
} from '../../../../shared/domain/customFields';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { splitList } from '../../customerRecord/utils/fieldPatch';

/** The file's own fields, added to every customer: a label, a type, choices where it has them. */
export function CustomFieldsSection() {
  const t = useT();
  const id = useId();
  const { fileSettings } = useServices();
  const settings = useStore(fileSettings, (s) => s.settings);
  const [label, setLabel] = useState('');
  const [type, setType] = useState<CustomFieldType>('text');
  const [options, setOptions] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const withChoices = type === 'choice' || type === 'multiChoice';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const key = customFieldIdFor(label);
    if (!key) return setProblem(t('customFields.labelRequired'));
    if (settings.customFields.some((f) => f.id === key))
      return setProblem(t('customFields.exists'));
    if (withChoices && splitList(options).length === 0)
      return setProblem(t('customFields.optionsRequired'));
    try {
      const field = {
        id: key,
        label: label.trim(),
        type,
        options: withChoices ? splitList(options) : [],
      };
      await fileSettings
        .getState()
        .saveSettings({ ...settings, customFields: [...settings.customFields, field] });
      setLabel('');
      setOptions('');
      setProblem(null);
    } catch (error) {
      setProblem(errorText(error, t));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="settings-section">
      <h3 id={`${id}-title`}>{t('customFields.title')}</h3>
      {settings.customFields.length === 0 ? (
        <p className="field-hint">{t('customFields.empty')}</p>
      ) : (
        <ul className="custom-field-list">
          {settings.customFields.map((f) => (
            <li key={f.id}>
              <strong>{f.label}</strong> · {t(`customFields.type.${f.type}` as MessageKey)}
              {f.options.length > 0 && (
                <span className="timeline-meta"> · {f.options.join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="catalog-form" onSubmit={add} noValidate aria-label={t('customFields.add')}>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('customFields.label')}</label>
          <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('customFields.typeLabel')}</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(e) => setType(e.target.value as CustomFieldType)}
          >
            {CUSTOM_FIELD_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`customFields.type.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {withChoices && (
          <div className="field">
            <label htmlFor={`${id}-options`}>{t('customFields.options')}</label>
            <input
              id={`${id}-options`}
              value={options}
              onChange={(e) => setOptions(e.target.value)}
            />
          </div>
        )}
        <button type="submit" className="button-secondary">
          {t('customFields.add')}
        </button>
      </form>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
