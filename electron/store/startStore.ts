import { coreContract, type CoreEvents } from '../../shared/contract/core';
import type { MessageEndpoint } from '../../shared/rpc/endpoint';
import { serve, type Server } from '../../shared/rpc/server';
import { createCoreHandlers } from './core';
import { CustomerStore } from './customers/customerStore';
import { openDatabase } from './db/database';

/**
 * Opens the customer file and serves CoreApi on `endpoint`. The same code runs in the
 * Electron store window and in browser mode's Dedicated Worker; only the endpoint differs.
 */
export async function startStore(
  endpoint: MessageEndpoint,
  dbName?: string,
): Promise<Server<CoreEvents>> {
  const db = openDatabase(dbName);
  const customers = await CustomerStore.open(db);
  let server: Server<CoreEvents> | null = null;
  const emit: Server<CoreEvents>['emit'] = (event, payload) => server?.emit(event, payload);
  server = serve<typeof coreContract, CoreEvents>(
    endpoint,
    coreContract,
    createCoreHandlers(customers, emit),
  );
  return server;
}
