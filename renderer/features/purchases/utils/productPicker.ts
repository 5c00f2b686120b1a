import type { Product } from '../../../../shared/domain/product';
import { foldText } from '../../../../shared/domain/fold';

/** "3 croissant", "3x croi", "croissant": the quantity typed first, and the product words. */
export function parseEntry(text: string): { quantity: number; term: string } {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*[x×*]?\s+(.*)$/i.exec(text);
  if (match) {
    const quantity = Number(match[1]!.replace(',', '.'));
    if (quantity > 0) return { quantity, term: match[2]!.trim() };
  }
  return { quantity: 1, term: text.trim() };
}

/**
 * Catalog products for what was typed, best first: the SKU exactly, then names starting with
 * it, then a word of the name or the category starting with it. Archived products are left out.
 */
export function matchProducts(products: readonly Product[], term: string, limit = 8): Product[] {
  const folded = foldText(term).trim();
  if (!folded) return [];
  const words = folded.split(/\s+/);
  const scored: { product: Product; score: number }[] = [];
  for (const product of products) {
    if (product.archived) continue;
    const name = foldText(product.name);
    const haystack = ` ${name} ${foldText(product.category)} ${foldText(product.sku)}`;
    let score: number;
    if (product.sku && foldText(product.sku) === folded) score = 0;
    else if (name.startsWith(folded)) score = 1;
    else if (words.every((w) => haystack.includes(` ${w}`))) score = 2;
    else continue;
    scored.push({ product, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.product.name.localeCompare(b.product.name))
    .slice(0, limit)
    .map((s) => s.product);
}
