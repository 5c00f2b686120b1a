import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { displayName, type Customer } from '../../../../shared/domain/customer';
import {
  lineTotalMinor,
  purchaseTotalMinor,
  type PurchaseLine,
} from '../../../../shared/domain/purchase';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { Dialog } from '../../../components/Dialog';
import { DialogFooter } from '../../../components/DialogFooter';
import { Icon } from '../../../components/Icon';
import { useToastStore } from '../../../components/toastStore';
import { formatMoney, moneyInput, parseMoney } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { matchProducts, parseEntry } from '../utils/productPicker';

export interface PurchaseDialogProps {
  customer: Customer;
  onClose(): void;
}

interface DraftLine extends PurchaseLine {
  key: number;
  priceText: string;
}

const CHANNEL_KEY = 'comptoir.counterChannel';

/**
 * A sale at the counter, keyboard only: type a product (a quantity first if more than one),
 * Enter adds it; Enter on an empty search, or Ctrl+Enter anywhere, records the purchase.
 */
export function PurchaseDialog({ customer, onClose }: PurchaseDialogProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core, fileSettings } = useServices();
  const products = useStore(fileSettings, (s) => s.products);
  const currency = useStore(fileSettings, (s) => s.settings.currency);
  const showToast = useToastStore((s) => s.show);
  const id = useId();
  const [entry, setEntry] = useState('');
  const [active, setActive] = useState(0);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [channel, setChannel] = useState(() => globalThis.localStorage?.getItem(CHANNEL_KEY) ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);

  const { quantity, term } = parseEntry(entry);
  const matches = matchProducts(products, term);

  const addLine = (line: PurchaseLine, focusPrice = false) => {
    const key = nextKey.current++;
    setLines((current) => [
      ...current,
      { ...line, key, priceText: moneyInput(line.unitPriceMinor) },
    ]);
    setEntry('');
    setActive(0);
    setProblem(null);
    requestAnimationFrame(() =>
      (focusPrice ? document.getElementById(`${id}-price-${key}`) : search.current)?.focus(),
    );
  };
  const pick = (index: number) => {
    const product = matches[index];
    if (product) {
      addLine({
        productId: product.id,
        sku: product.sku,
        product: product.name,
        category: product.category,
        quantity,
        unitPriceMinor: product.priceMinor,
      });
    } else if (term) {
      addLine(
        { productId: '', sku: '', product: term, category: '', quantity, unitPriceMinor: 0 },
        true,
      );
    }
  };
  const update = (key: number, change: Partial<DraftLine>) =>
    setLines((current) => current.map((l) => (l.key === key ? { ...l, ...change } : l)));

  const save = async () => {
    if (lines.length === 0) return setProblem(t('purchase.noLines'));
    if (lines.some((l) => parseMoney(l.priceText) === null || !(l.quantity > 0))) {
      return setProblem(t('purchase.badLine'));
    }
    setSaving(true);
    try {
      await core.send('purchases.add', {
        purchase: {
          customerId: customer.id,
          at: Date.now(),
          currency,
          channel: channel.trim(),
          lines: lines.map(({ key: _k, priceText, ...line }) => ({
            ...line,
            unitPriceMinor: parseMoney(priceText)!,
          })),
        },
      });
      globalThis.localStorage?.setItem(CHANNEL_KEY, channel.trim());
      showToast(t('purchase.saved'));
      onClose();
    } catch (error) {
      setProblem(errorText(error, t));
      setSaving(false);
    }
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(matches.length, a + step)));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (term) pick(active);
      else void save();
    }
  };

  const priced = lines.map((l) => ({ ...l, unitPriceMinor: parseMoney(l.priceText) ?? 0 }));
  const total = purchaseTotalMinor(priced);
  const listId = `${id}-products`;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <Dialog
      title={t('purchase.title', { name: displayName(customer) })}
      description={t('purchase.help')}
      onClose={onClose}
    >
      <div
        className="form purchase-form"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      >
        <div className="field combobox">
          <label htmlFor={`${id}-search`}>{t('purchase.product')}</label>
          <input
            ref={search}
            id={`${id}-search`}
            role="combobox"
            aria-expanded={term !== ''}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={term ? optionId(active) : undefined}
            autoComplete="off"
            autoFocus
            value={entry}
            placeholder={t('purchase.productPlaceholder')}
            onChange={(event) => {
              setEntry(event.target.value);
              setActive(0);
            }}
            onKeyDown={onSearchKey}
          />
          {term !== '' && (
            <ul
              id={listId}
              role="listbox"
              className="combobox-list"
              aria-label={t('purchase.product')}
            >
              {matches.map((product, i) => (
                <li
                  key={product.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="combobox-option"
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(i);
                  }}
                >
                  <span>
                    {quantity !== 1 && `${quantity} × `}
                    {product.name}
                    {product.sku && <span className="timeline-meta"> · {product.sku}</span>}
                  </span>
                  <span>{formatMoney(language, product.priceMinor, currency)}</span>
                </li>
              ))}
              <li
                id={optionId(matches.length)}
                role="option"
                aria-selected={active === matches.length}
                className="combobox-option combobox-free"
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(matches.length);
                }}
              >
                {t('purchase.freeLine', { name: term })}
              </li>
            </ul>
          )}
        </div>

        {lines.length > 0 && (
          <table className="purchase-lines">
            <caption className="visually-hidden">{t('purchase.lines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('purchase.product')}</th>
                <th scope="col">{t('purchase.quantity')}</th>
                <th scope="col">{t('purchase.unitPrice')}</th>
                <th scope="col">{t('purchase.lineTotal')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('purchase.removeLine')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {priced.map((line) => (
                <tr key={line.key} data-testid="purchase-line">
                  <th scope="row">{line.product}</th>
                  <td>
                    <input
                      type="number"
                      min="0"
                      step="any"
                      aria-label={t('purchase.quantityOf', { name: line.product })}
                      value={String(line.quantity)}
                      onChange={(e) => update(line.key, { quantity: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <input
                      id={`${id}-price-${line.key}`}
                      inputMode="decimal"
                      aria-label={t('purchase.priceOf', { name: line.product })}
                      value={line.priceText}
                      onChange={(e) => update(line.key, { priceText: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && !e.ctrlKey) {
                          e.preventDefault();
                          search.current?.focus();
                        }
                      }}
                    />
                  </td>
                  <td className="money">{formatMoney(language, lineTotalMinor(line), currency)}</td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('purchase.removeLineOf', { name: line.product })}
                      onClick={() =>
                        setLines((current) => current.filter((l) => l.key !== line.key))
                      }
                    >
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <div className="purchase-footer">
          <div className="field">
            <label htmlFor={`${id}-channel`}>{t('purchase.channel')}</label>
            <input
              id={`${id}-channel`}
              value={channel}
              placeholder={t('purchase.channelPlaceholder')}
              onChange={(e) => setChannel(e.target.value)}
            />
          </div>
          <p className="purchase-total" aria-live="polite">
            {t('purchase.total')}{' '}
            <strong data-testid="purchase-total">{formatMoney(language, total, currency)}</strong>
          </p>
        </div>
        <DialogFooter problem={problem} onCancel={onClose}>
          <button
            type="button"
            className="button-primary"
            onClick={() => void save()}
            disabled={saving}
            aria-keyshortcuts="Control+Enter"
          >
            {t('purchase.save')}
            <kbd>{t('purchase.saveKeys')}</kbd>
          </button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}
