import { describe, expect, it } from 'vitest';
import type { HostClient } from '../../../../shared/contract/host';
import { createVaultStore } from './vaultStore';

const host = { on: () => () => undefined, send: async () => undefined } as unknown as HostClient;

describe('vault store', () => {
  it('adds the damaged pages found after the unlock to its report', () => {
    const vault = createVaultStore(host);
    vault.getState().moreDamage([{ pageId: 'purchases/000001', count: 500 }]);
    expect(vault.getState().report).toBeNull(); // nothing unlocked: nothing to add to
    vault.getState().opened({ customers: 10, damaged: [{ pageId: 'customers/000000', count: 3 }] });
    vault.getState().moreDamage([{ pageId: 'purchases/000001', count: 500 }]);
    // Already reported (a restore's report names what its backup misses): not twice.
    vault.getState().moreDamage([{ pageId: 'customers/000000', count: 3 }]);
    expect(vault.getState().report).toEqual({
      customers: 10,
      damaged: [
        { pageId: 'customers/000000', count: 3 },
        { pageId: 'purchases/000001', count: 500 },
      ],
    });
  });
});
