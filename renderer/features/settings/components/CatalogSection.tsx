import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useToastStore } from '../../../components/toastStore';
import type { Product } from '../../../../shared/domain/product';
import { formatMoney, moneyInput, parseMoney } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { ruleFromError } from '../../customerRecord/utils/fieldPatch';

/** The product catalog the counter picks from: add, change or archive a product. */
export function CatalogSection() {
  const t = useT();
  const id = useId();
  const language = useLanguageStore((s) => s.language);
  const { fileSettings } = useServices();
  const products = useStore(fileSettings, (s) => s.products);
  const currency = useStore(fileSettings, (s) => s.settings.currency);
  const showToast = useToastStore((s) => s.show);
  const empty = { name: '', sku: '', category: '', price: '' };
  const [draft, setDraft] = useState(empty);
  // The product being changed, or null when the form adds a new one.
  const [editing, setEditing] = useState<Product | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const priceMinor = parseMoney(draft.price);
    if (!draft.name.trim()) return setProblem(t('catalog.nameRequired'));
    if (priceMinor === null || priceMinor < 0) return setProblem(t('catalog.badPrice'));
    try {
      await fileSettings.getState().saveProduct(editing?.id, {
        name: draft.name,
        sku: draft.sku,
        category: draft.category,
        priceMinor,
        archived: editing?.archived ?? false,
      });
      setDraft(empty);
      setEditing(null);
      setProblem(null);
      document.getElementById(`${id}-name`)?.focus();
    } catch (error) {
      const rule = ruleFromError(error);
      setProblem(rule ? t(`rule.${rule}` as MessageKey) : errorText(error, t));
    }
  };

  const edit = (product: Product) => {
    setEditing(product);
    setDraft({
      name: product.name,
      sku: product.sku,
      category: product.category,
      price: moneyInput(product.priceMinor),
    });
    setProblem(null);
    requestAnimationFrame(() => document.getElementById(`${id}-name`)?.focus());
  };

  const field = (key: keyof typeof draft, label: MessageKey, extra = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        autoComplete="off"
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        {...extra}
      />
    </div>
  );
  return (
    <section aria-labelledby={`${id}-title`} className="settings-section">
      <h3 id={`${id}-title`}>{t('catalog.title')}</h3>
      {products.length === 0 ? (
        <p className="field-hint">{t('catalog.empty')}</p>
      ) : (
        <table className="catalog-table">
          <thead>
            <tr>
              <th scope="col">{t('catalog.name')}</th>
              <th scope="col">{t('catalog.sku')}</th>
              <th scope="col">{t('catalog.category')}</th>
              <th scope="col" className="money">
                {t('catalog.price')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('catalog.archive')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} className={p.archived ? 'row-archived' : undefined}>
                <th scope="row">{p.name}</th>
                <td>{p.sku}</td>
                <td>{p.category}</td>
                <td className="money">{formatMoney(language, p.priceMinor, currency)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('catalog.editOf', { name: p.name })}
                    onClick={() => edit(p)}
                  >
                    {t('catalog.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      void fileSettings
                        .getState()
                        .saveProduct(p.id, { ...p, archived: !p.archived })
                        .catch((e: unknown) => showToast(errorText(e, t), 'error'))
                    }
                  >
                    {t(p.archived ? 'catalog.restore' : 'catalog.archive')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="catalog-form"
        onSubmit={add}
        noValidate
        aria-label={t(editing ? 'catalog.editOf' : 'catalog.add', { name: editing?.name ?? '' })}
      >
        {field('name', 'catalog.name')}
        {field('sku', 'catalog.sku')}
        {field('category', 'catalog.category')}
        {field('price', 'catalog.price', { inputMode: 'decimal' })}
        <button type="submit" className="button-secondary">
          {t(editing ? 'catalog.save' : 'catalog.add')}
        </button>
        {editing && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(null);
              setDraft(empty);
            }}
          >
            {t('form.cancel')}
          </button>
        )}
      </form>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
