import { coreContract, type CoreEvents } from '../../shared/contract/core';
import { storeControlContract } from '../../shared/contract/storeControl';
import { vaultContract } from '../../shared/contract/vault';
import type { MessageEndpoint } from '../../shared/rpc/endpoint';
import { serve, type Server } from '../../shared/rpc/server';
import type { StoredPage } from '../../shared/vault/backupFile';
import type { SealedManifest } from '../../shared/vault/pageManifest';
import { BackupService } from '../../shared/vault/backupService';
import { createVaultHandlers } from '../../shared/vault/vaultHandlers';
import { keptBackupsDatabase } from './backup/keptBackups';
import { sealedPages } from './backup/sealedPages';
import type { Argon2 } from '../../shared/vault/argon2';
import type { KdfParams } from '../../shared/vault/vaultFile';
import { createCoreHandlers, type Emit } from './core';
import { DEFAULT_DB_NAME, openDatabase } from './db/database';
import { StoreRuntime, encryptedCodec, type CodecFactory } from './storeRuntime';
import { createBrowserVault } from './vault/browserVault';

export interface StoreOptions {
  dbName?: string;
  codec?: CodecFactory;
  /** Tests use a cheaper Argon2id; the product keeps the default. */
  kdf?: KdfParams;
  /** Written into backups; the build's version by default. */
  appVersion?: string;
  /** Where Argon2id runs (the worker entry gives it a worker of its own); here by default. */
  argon2?: Argon2;
}

/**
 * Browser mode: one endpoint to the page serves CoreApi and the vault, which lives here so
 * the data key never enters the page.
 */
export function startWorkerStore(endpoint: MessageEndpoint, options: StoreOptions = {}) {
  const runtime = new StoreRuntime(openDatabase(options.dbName), options.codec ?? encryptedCodec);
  const contract = { ...coreContract, ...vaultContract };
  let server: Server<CoreEvents> | null = null;
  const vault = createBrowserVault(runtime, (status) => server?.emit('vault.changed', status), {
    kdf: options.kdf,
    argon2: options.argon2,
  });
  const backups = new BackupService(vault, sealedPages(runtime), {
    appVersion:
      options.appVersion ?? (typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'),
    argon2: options.argon2,
  });
  runtime.onLateDamage = (damaged) => server?.emit('store.damaged', { damaged });
  server = serve<typeof contract, CoreEvents>(endpoint, contract, {
    ...createCoreHandlers(runtime, (event, payload) => server?.emit(event, payload)),
    ...createVaultHandlers(vault, backups, keptBackupsDatabase(options.dbName ?? DEFAULT_DB_NAME)),
  });
  return { runtime, server };
}

/**
 * Electron: the store-control API on main's port, through which main hands over the data key
 * after unlock and takes it back on lock; CoreApi on each port main brokers to the UI window
 * (a new one every time the UI loads, so a reload reconnects).
 */
export function startWindowStore(hostEndpoint: MessageEndpoint, options: StoreOptions = {}) {
  const runtime = new StoreRuntime(openDatabase(options.dbName), options.codec ?? encryptedCodec);
  const uis = new Set<Server<CoreEvents>>();
  const emit: Emit = (event, payload) => {
    for (const server of uis) server.emit(event, payload);
  };
  runtime.onLateDamage = (damaged) => emit('store.damaged', { damaged });
  const handlers = createCoreHandlers(runtime, emit);
  const pages = sealedPages(runtime);
  const control = serve(hostEndpoint, storeControlContract, {
    'store.unlock': ({ dataKey }) => runtime.unlock(dataKey as Uint8Array<ArrayBuffer>),
    'store.lock': () => {
      runtime.lock();
      return { locked: true as const };
    },
    'store.readPages': () => pages.read(),
    'store.stagePages': async ({ pages: staging, manifest, keyCheck }) => {
      await pages.stage(
        { pages: staging as StoredPage[], manifest: manifest as SealedManifest | null },
        keyCheck,
      );
      return { staged: staging.length };
    },
  });
  return {
    runtime,
    control,
    /** Serves CoreApi to a UI window on this port, beside any earlier ones. */
    addUi(uiEndpoint: MessageEndpoint) {
      const server = serve<typeof coreContract, CoreEvents>(uiEndpoint, coreContract, handlers);
      uis.add(server);
      return server;
    },
  };
}
