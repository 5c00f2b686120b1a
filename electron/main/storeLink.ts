import { HOST_PORT_MESSAGE } from '../../shared/contract/bridge';
import type { StoreControlContract } from '../../shared/contract/storeControl';
import { AppError } from '../../shared/errors';
import { connect, type Client } from '../../shared/rpc/client';
import type { StoreGate } from '../../shared/vault/vaultService';
import type { ElectronDeps, WindowLike } from './deps';
import { mainPortEndpoint } from './portMain';
import { STORE_ORIGIN } from './security';

/** How long a lock waits for the store to forget its key before the store window is reloaded. */
export const STORE_LOCK_TIMEOUT_MS = 2000;

export interface StoreLink {
  /** The store-control API; a new one after each reload of the store window. */
  control(): Client<StoreControlContract>;
  /** Gives the (re)loaded store page its control port. */
  attach(): void;
  /** Throws the store's page away (its heap and key with it) and loads it again. */
  reload(): void;
  /** What the vault sees of the store. */
  gate: StoreGate;
}

/**
 * Main's line to the hidden store window. A lock the store does not answer in time, or a store
 * that has gone, ends with the page reloaded: whatever it held in memory is gone.
 */
export function createStoreLink(
  electron: Pick<ElectronDeps, 'MessageChannelMain'>,
  store: WindowLike,
  lockTimeoutMs = STORE_LOCK_TIMEOUT_MS,
): StoreLink {
  let client: Client<StoreControlContract> | null = null;
  const control = () => {
    if (!client) throw new AppError('LOCKED', 'The store is starting again: try once more');
    return client;
  };
  const attach = () => {
    const channel = new electron.MessageChannelMain();
    client = connect<StoreControlContract>(mainPortEndpoint(channel.port1));
    store.webContents.postMessage(HOST_PORT_MESSAGE, null, [channel.port2]);
  };
  const reload = () => {
    if (!client) return; // Already reloading.
    client.close(); // Pending calls fail now instead of waiting for a page that is gone.
    client = null;
    void store.loadURL(`${STORE_ORIGIN}/index.html`).catch(() => undefined);
  };
  const gate: StoreGate = {
    unlock: (dataKey) => control().send('store.unlock', { dataKey }),
    async lock() {
      if (!client) return; // Gone or reloading: it holds no key.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('store did not lock in time')), lockTimeoutMs);
      });
      try {
        await Promise.race([client.send('store.lock', {}), late]);
      } catch {
        reload();
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return { control, attach, reload, gate };
}
