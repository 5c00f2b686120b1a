import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CoreClient } from '../../../../shared/contract/core';
import type { Product, ProductInput } from '../../../../shared/domain/product';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/domain/settings';

export interface FileSettingsState {
  settings: Settings;
  products: Product[];
  loaded: boolean;
  load(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  saveProduct(id: string | undefined, product: ProductInput): Promise<Product>;
  /** Forgets everything on lock. */
  reset(): void;
}

export type FileSettingsStore = StoreApi<FileSettingsState>;

/** The open file's settings and product catalog, as the UI needs them everywhere. */
export function createFileSettingsStore(core: CoreClient): FileSettingsStore {
  return createStore<FileSettingsState>((set) => ({
    settings: DEFAULT_SETTINGS,
    products: [],
    loaded: false,
    async load() {
      const [settings, products] = await Promise.all([
        core.send('settings.get', {}),
        core.send('products.list', {}),
      ]);
      set({ settings, products, loaded: true });
    },
    async saveSettings(settings) {
      set({ settings: await core.send('settings.update', { settings }) });
    },
    async saveProduct(id, product) {
      const saved = await core.send('products.save', { id, product });
      set({ products: await core.send('products.list', {}) });
      return saved;
    },
    reset() {
      set({ settings: DEFAULT_SETTINGS, products: [], loaded: false });
    },
  }));
}
