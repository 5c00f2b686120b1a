import { coreContract, type CoreEvents } from '../../shared/contract/core';
import { storeControlContract } from '../../shared/contract/storeControl';
import { vaultContract } from '../../shared/contract/vault';
import type { MessageEndpoint } from '../../shared/rpc/endpoint';
import { serve, type Server } from '../../shared/rpc/server';
import { createVaultHandlers } from '../../shared/vault/vaultHandlers';
import type { KdfParams } from '../../shared/vault/vaultFile';
import { createCoreHandlers } from './core';
import { openDatabase } from './db/database';
import { StoreRuntime, encryptedCodec, type CodecFactory } from './storeRuntime';
import { createBrowserVault } from './vault/browserVault';

export interface StoreOptions {
  dbName?: string;
  codec?: CodecFactory;
  /** Tests use a cheaper Argon2id; the product keeps the default. */
  kdf?: KdfParams;
}

/**
 * Browser mode: one endpoint to the page serves CoreApi and the vault, which lives here so
 * the data key never enters the page.
 */
export function startWorkerStore(endpoint: MessageEndpoint, options: StoreOptions = {}) {
  const runtime = new StoreRuntime(openDatabase(options.dbName), options.codec ?? encryptedCodec);
  const contract = { ...coreContract, ...vaultContract };
  let server: Server<CoreEvents> | null = null;
  const vault = createBrowserVault(
    runtime,
    (status) => server?.emit('vault.changed', status),
    options.kdf,
  );
  server = serve<typeof contract, CoreEvents>(endpoint, contract, {
    ...createCoreHandlers(runtime, (event, payload) => server?.emit(event, payload)),
    ...createVaultHandlers(vault),
  });
  return { runtime, server };
}

/**
 * Electron: CoreApi on the UI window's port; the store-control API on main's port, through
 * which main hands over the data key after unlock and takes it back on lock.
 */
export function startWindowStore(
  uiEndpoint: MessageEndpoint,
  hostEndpoint: MessageEndpoint,
  options: StoreOptions = {},
) {
  const runtime = new StoreRuntime(openDatabase(options.dbName), options.codec ?? encryptedCodec);
  let server: Server<CoreEvents> | null = null;
  server = serve<typeof coreContract, CoreEvents>(
    uiEndpoint,
    coreContract,
    createCoreHandlers(runtime, (event, payload) => server?.emit(event, payload)),
  );
  const control = serve(hostEndpoint, storeControlContract, {
    'store.unlock': ({ dataKey }) => runtime.unlock(dataKey as Uint8Array<ArrayBuffer>),
    'store.lock': () => {
      runtime.lock();
      return { locked: true as const };
    },
  });
  return { runtime, server, control };
}
