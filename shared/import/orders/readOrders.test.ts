import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeOrders, recognizeOrderColumns } from './orderColumns';
import { parseOrderDate, readOrders } from './readOrders';

const SHOPIFY_HEADER = (
  JSON.parse(
    readFileSync(
      new URL('../../../../shared/corpus/crm-export-headers/headers.json', import.meta.url),
      'utf8',
    ),
  ) as { id: string; header: string }[]
)
  .find((h) => h.id === 'shopify_orders_export')!
  .header.split(',');

/** A row of the Shopify orders export with these columns filled, the rest blank. */
function shopifyRow(values: Record<string, string>): string[] {
  return SHOPIFY_HEADER.map((h) => values[h] ?? '');
}

describe('orders files', () => {
  it("recognises Shopify's orders export, and not a customer list", () => {
    expect(looksLikeOrders(SHOPIFY_HEADER)).toBe(true);
    const mapping = recognizeOrderColumns(SHOPIFY_HEADER);
    const at = (h: string) => mapping[SHOPIFY_HEADER.indexOf(h)];
    expect(at('Name')).toBe('order.id');
    expect(at('Email')).toBe('order.email');
    expect(at('Created at')).toBe('order.date');
    expect(at('Paid at')).toBeNull(); // the first date column wins: when it was ordered
    expect(at('Lineitem name')).toBe('line.product');
    expect(at('Lineitem quantity')).toBe('line.quantity');
    expect(at('Lineitem price')).toBe('line.price');
    expect(at('Lineitem sku')).toBe('line.sku');
    expect(at('Billing Name')).toBe('order.name');
    expect(at('Currency')).toBe('order.currency');
    expect(looksLikeOrders(['Prénom', 'Nom', 'Courriel', 'Téléphone', 'Ville'])).toBe(false);
    expect(
      looksLikeOrders(['N° commande', 'Date', 'Courriel', 'Produit', 'Quantité', 'Prix unitaire']),
    ).toBe(true);
  });

  it('groups continuation rows into their order, its fields from its first row', () => {
    const rows = [
      shopifyRow({
        Name: '#1001',
        Email: 'Helene@Orange.fr',
        'Created at': '2025-05-11 09:55:16 -0400',
        Currency: 'CAD',
        'Lineitem quantity': '2',
        'Lineitem name': 'Café en grains',
        'Lineitem price': '8.50',
        'Lineitem sku': 'CAF-1',
        'Billing Name': 'Hélène Lefèvre',
      }),
      shopifyRow({
        Name: '#1001',
        'Lineitem quantity': '1',
        'Lineitem name': 'Tasse',
        'Lineitem price': '12.00',
      }),
      shopifyRow({
        Name: '#1002',
        Email: 'luc@chelem.fr',
        'Created at': '2025-05-12 10:00:00 +0200',
        Currency: 'CAD',
        'Lineitem quantity': '1',
        'Lineitem name': 'Théière',
        'Lineitem price': '39.90',
      }),
    ];
    const { orders, orphans } = readOrders(rows, [2, 3, 4], recognizeOrderColumns(SHOPIFY_HEADER), {
      dateOrder: 'dmy',
      currency: 'EUR',
      headers: SHOPIFY_HEADER,
    });
    expect(orphans).toEqual([]);
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({
      orderId: '#1001',
      lines: [2, 3],
      email: 'helene@orange.fr',
      name: 'Hélène Lefèvre',
      currency: 'CAD',
      at: Date.UTC(2025, 4, 11, 13, 55, 16),
      items: [
        { product: 'Café en grains', sku: 'CAF-1', quantity: 2, unitPriceMinor: 850 },
        { product: 'Tasse', sku: '', quantity: 1, unitPriceMinor: 1200 },
      ],
      problems: [],
    });
    expect(orders[1]!.at).toBe(Date.UTC(2025, 4, 12, 8));
  });

  it('rejects a whole order for one bad line, naming the line and column; French sheets too', () => {
    const headers = ['N° commande', 'Date', 'Courriel', 'Produit', 'Quantité', 'Prix unitaire'];
    const rows = [
      ['A-1', '03/04/2025', 'anne@tel.fr', 'Savon', '2', '4,50'],
      ['', '', '', 'Bougie', 'deux', '9,90'],
      ['A-2', '31/02/2025', 'paul@tel.fr', 'Savon', '1', '4,50'],
      ['A-3', '05/04/2025', '', 'Savon', '1', '4,50'],
    ];
    const { orders } = readOrders(rows, [2, 3, 4, 5], recognizeOrderColumns(headers), {
      dateOrder: 'dmy',
      currency: 'EUR',
      headers,
    });
    expect(orders.map((o) => [o.orderId, o.problems])).toEqual([
      ['A-1', [{ line: 3, field: 'Quantité', rule: 'invalidNumber' }]],
      ['A-2', [{ line: 4, field: 'Date', rule: 'invalidDate' }]],
      ['A-3', [{ line: 5, field: 'Courriel', rule: 'required' }]],
    ]);
    expect(orders[0]!.at).toBe(Date.UTC(2025, 3, 3, 12));
    expect(orders[0]!.items[0]).toMatchObject({ quantity: 2, unitPriceMinor: 450 });
  });

  it('reads order dates with or without time and zone', () => {
    expect(parseOrderDate('2025-05-11 09:55:16 -0400', 'dmy')).toBe(
      Date.UTC(2025, 4, 11, 13, 55, 16),
    );
    expect(parseOrderDate('2025-05-11T09:55:16Z', 'dmy')).toBe(Date.UTC(2025, 4, 11, 9, 55, 16));
    expect(parseOrderDate('11/05/2025 14h05', 'dmy')).toBe(Date.UTC(2025, 4, 11, 14, 5));
    expect(parseOrderDate('05/11/2025', 'mdy')).toBe(Date.UTC(2025, 4, 11, 12));
    expect(parseOrderDate('2025-02-30 10:00', 'dmy')).toBeNull();
    expect(parseOrderDate('hier', 'dmy')).toBeNull();
  });
});
