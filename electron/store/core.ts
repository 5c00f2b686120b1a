import type { CoreEvents, CoreHandlers } from '../../shared/contract/core';
import type { Server } from '../../shared/rpc/server';
import type { StoreRuntime } from './storeRuntime';
import { loadDemo } from './demo/loadDemo';

export type Emit = Server<CoreEvents>['emit'];

/** Every CoreApi method, served from the store. Arguments arrive already validated. */
export function createCoreHandlers(runtime: StoreRuntime, emit: Emit): CoreHandlers {
  // Every call but ping needs the file unlocked; a locked store answers LOCKED.
  const customers = () => runtime.customers();
  return {
    'system.ping': () => ({ at: Date.now() }),

    'customers.list': (query) => customers().list(query),
    'customers.get': ({ id }) => customers().get(id),
    'customers.create': async ({ customer }) => {
      const created = await customers().create(customer);
      emit('customers.changed', { kind: 'created', ids: [created.id] });
      return created;
    },
    'customers.update': async ({ id, patch, expectedVersion }) => {
      const updated = await customers().update(id, patch, expectedVersion);
      emit('customers.changed', { kind: 'updated', ids: [id] });
      return updated;
    },
    'customers.delete': async ({ ids }) => {
      const deleted = await customers().delete(ids);
      emit('customers.changed', { kind: 'deleted', ids });
      return { deleted };
    },

    'demo.load': async ({ count, seed }, ctx) => {
      const created = await loadDemo(customers(), count, seed, ctx);
      emit('customers.changed', { kind: 'bulk', count: created });
      return { created };
    },
  };
}
