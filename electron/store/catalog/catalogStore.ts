import type { DamagedPage } from '../../../shared/contract/storeControl';
import type { Product, ProductInput } from '../../../shared/domain/product';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import type { RecordPages } from '../pages/recordPages';

type SettingsRecord = Settings & { id: 'settings' };

/** The product catalog and the file's settings: small, encrypted like the rest. */
export class CatalogStore {
  private readonly products = new Map<string, Product>();
  private current: Settings = DEFAULT_SETTINGS;

  private constructor(
    private readonly productPages: RecordPages<Product>,
    private readonly settingsPages: RecordPages<SettingsRecord>,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  static async open(
    productPages: RecordPages<Product>,
    settingsPages: RecordPages<SettingsRecord>,
    now: () => number,
    newId: () => string,
  ): Promise<{ catalog: CatalogStore; damaged: DamagedPage[] }> {
    const catalog = new CatalogStore(productPages, settingsPages, now, newId);
    const [p, s] = await Promise.all([productPages.loadAll(), settingsPages.loadAll()]);
    for (const product of p.records) catalog.products.set(product.id, product);
    const stored = s.records.find((r) => r.id === 'settings');
    if (stored) {
      const { id: _id, ...settings } = stored;
      catalog.current = { ...DEFAULT_SETTINGS, ...settings };
    }
    return { catalog, damaged: [...p.damaged, ...s.damaged] };
  }

  settings(): Settings {
    return this.current;
  }

  async updateSettings(settings: Settings): Promise<Settings> {
    await this.settingsPages.save(
      { put: [{ ...settings, id: 'settings' }], remove: [] },
      () => undefined,
    );
    this.current = settings;
    return settings;
  }

  /** Every product, by name; archived ones last (kept: old purchases still name them). */
  list(): Product[] {
    return [...this.products.values()].sort(
      (a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name),
    );
  }

  async save(id: string | undefined, input: ProductInput): Promise<Product> {
    if (id !== undefined && !this.products.has(id)) {
      throw new AppError('NOT_FOUND', `No product with id ${id}`, { id });
    }
    const sku = input.sku.toLowerCase();
    const clash =
      sku && [...this.products.values()].find((p) => p.id !== id && p.sku.toLowerCase() === sku);
    if (clash) {
      throw new AppError('VALIDATION', `SKU ${input.sku} is already used by ${clash.name}`, [
        { path: ['product', 'sku'], rule: 'duplicate' },
      ]);
    }
    const product: Product = { ...input, id: id ?? this.newId(), updatedAt: this.now() };
    await this.productPages.save({ put: [product], remove: [] }, (i) => this.products.get(i));
    this.products.set(product.id, product);
    return product;
  }

  clear(): void {
    this.products.clear();
    this.current = DEFAULT_SETTINGS;
  }
}
