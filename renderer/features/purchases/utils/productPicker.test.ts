import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/product';
import { matchProducts, parseEntry } from './productPicker';

const product = (name: string, extra: Partial<Product> = {}): Product => ({
  id: name,
  sku: '',
  name,
  category: '',
  priceMinor: 100,
  archived: false,
  updatedAt: 0,
  ...extra,
});

describe('the counter product picker', () => {
  it('reads a quantity typed before the product', () => {
    expect(parseEntry('3 croi')).toEqual({ quantity: 3, term: 'croi' });
    expect(parseEntry('2x pain')).toEqual({ quantity: 2, term: 'pain' });
    expect(parseEntry('1,5 kg farine')).toEqual({ quantity: 1.5, term: 'kg farine' });
    expect(parseEntry('éclair')).toEqual({ quantity: 1, term: 'éclair' });
    expect(parseEntry('0 pain')).toEqual({ quantity: 1, term: '0 pain' });
  });

  it('ranks the SKU, then a name start, then any word; accents and case do not matter', () => {
    const catalog = [
      product('Pain au chocolat', { category: 'Viennoiserie' }),
      product('Chocolat chaud'),
      product('Éclair au café', { sku: 'ECL-1' }),
      product('Choux', { archived: true }),
    ];
    expect(matchProducts(catalog, 'choc').map((p) => p.name)).toEqual([
      'Chocolat chaud',
      'Pain au chocolat',
    ]);
    expect(matchProducts(catalog, 'eclair').map((p) => p.name)).toEqual(['Éclair au café']);
    expect(matchProducts(catalog, 'ecl-1').map((p) => p.name)).toEqual(['Éclair au café']);
    expect(matchProducts(catalog, 'viennois').map((p) => p.name)).toEqual(['Pain au chocolat']);
    expect(matchProducts(catalog, 'chou')).toEqual([]);
    expect(matchProducts(catalog, '  ')).toEqual([]);
  });
});
