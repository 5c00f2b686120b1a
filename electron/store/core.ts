import type { CoreEvents, CoreHandlers } from '../../shared/contract/core';
import type { ListFilter } from '../../shared/contract/customers';
import type { Server } from '../../shared/rpc/server';
import type { StoreRuntime } from './storeRuntime';
import { exportCustomers } from './export/exportCustomers';
import { kpiDashboard } from './kpi/dashboard';
import { listMembers } from './kpi/drill';

export type Emit = Server<CoreEvents>['emit'];

/** Every CoreApi method, served from the store. Arguments arrive already validated. */
export function createCoreHandlers(runtime: StoreRuntime, emit: Emit): CoreHandlers {
  // Every call but ping needs the file unlocked; a locked store answers LOCKED.
  const file = () => runtime.file();
  const customers = () => runtime.customers();
  const changed = (ids: string[]) => emit('customers.changed', { kind: 'updated', ids });
  /** A list query with the members of its segment or dashboard figure, when it names one. */
  const withMembers = async <Q extends { filter?: ListFilter }>(query: Q) => {
    const members = await listMembers(file(), query.filter);
    return members ? { ...query, members } : query;
  };
  return {
    'system.ping': () => ({ at: Date.now() }),
    'customers.list': async (query) => customers().list(await withMembers(query)),
    'customers.ids': async (query) => customers().matching(await withMembers(query)),
    'customers.get': ({ id }) => customers().get(id),
    'customers.create': async ({ customer }) => {
      const created = await customers().create(customer);
      emit('customers.changed', { kind: 'created', ids: [created.id] });
      return created;
    },
    'customers.update': async ({ id, patch, expectedVersion }) => {
      const updated = await file().updateCustomer(id, patch, expectedVersion);
      changed([id]);
      return updated;
    },
    'customers.bulkUpdate': async ({ ids, ...change }) => {
      const updated = await file().bulkUpdate(ids, change);
      emit('customers.changed', { kind: 'bulk', count: updated });
      return { updated };
    },
    'customers.delete': async ({ ids }) => {
      const deleted = await file().deleteCustomers(ids);
      emit('customers.changed', { kind: 'deleted', ids });
      return { deleted };
    },
    'customers.timeline': ({ id }) => file().timeline(id),
    'customers.tags': () => customers().tags(),
    'purchases.add': async ({ purchase }) => {
      const added = await file().addPurchase(purchase);
      changed([purchase.customerId]);
      return added;
    },
    'purchases.delete': async ({ id }) => {
      changed([await file().remove('purchase', id)]);
      return { deleted: 1 };
    },
    'interactions.add': async ({ interaction }) => {
      const added = await file().addInteraction(interaction);
      changed([interaction.customerId]);
      return added;
    },
    'interactions.delete': async ({ id }) => {
      changed([await file().remove('interaction', id)]);
      return { deleted: 1 };
    },
    'products.list': () => file().catalog.list(),
    'products.save': ({ id, product }) => file().catalog.save(id, product),
    'settings.get': () => file().catalog.settings(),
    'settings.update': ({ settings }) => file().updateSettings(settings),
    'import.open': (arg) => file().imports.open(arg),
    'import.append': (arg) => file().imports.append(arg),
    'import.inspect': (arg) => file().imports.inspect(arg),
    'import.preview': (arg, ctx) => file().imports.preview(arg, ctx),
    'import.run': async (arg, ctx) => {
      const summary = await file().imports.run(arg, ctx);
      emit('customers.changed', {
        kind: 'bulk',
        count: summary.counts.create + summary.counts.update,
      });
      return summary;
    },
    'import.undo': async ({ importId }) => {
      const { ids, ...undone } = await file().imports.undo(importId);
      emit('customers.changed', { kind: 'bulk', count: ids.length });
      return undone;
    },
    'import.last': () => file().imports.lastImport(),
    'segments.list': () => file().segments.list(),
    'segments.count': ({ rule }) => file().segments.count(rule),
    'segments.save': (arg) => file().segments.save(arg),
    'segments.duplicate': ({ id, copyName }) =>
      file().segments.duplicate(id, (name, n) =>
        copyName.replace('{name}', name).replace('{n}', n > 1 ? ` ${n}` : ''),
      ),
    'segments.delete': async ({ id }) => {
      await file().segments.remove(id);
      return { deleted: 1 };
    },
    'export.customers': async ({ scope, ...request }) => {
      const store = customers();
      const ids = scope.kind === 'list' ? store.matching(await withMembers(scope)) : scope.ids;
      const chosen = ids.map((id) => store.get(id));
      return exportCustomers(chosen, request, file().catalog.settings().customFields);
    },
    'kpi.dashboard': (query) =>
      kpiDashboard(
        { customers: customers(), history: file().history, segments: file().segments },
        query,
      ),
    'kpi.rfmOf': ({ customerId }) => file().rfmOf(customerId),
    'demo.load': async ({ count, seed }, ctx) => {
      const created = await file().loadDemo(count, seed, ctx);
      emit('customers.changed', { kind: 'bulk', count: created });
      return { created };
    },
  };
}
