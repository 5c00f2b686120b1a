import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../../../shared/contract/core';
import type { HostClient } from '../../../../shared/contract/host';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { ServicesProvider } from '../../../app/services';
import { useLanguageStore } from '../../../i18n/languageStore';
import { createCustomerListStore } from '../../customers/stores/customerListStore';
import { createFileSettingsStore } from '../../settings/stores/fileSettingsStore';
import { createVaultStore } from '../stores/vaultStore';
import { VaultGate } from './VaultGate';

const status = (state: VaultStatus['state']): VaultStatus => ({
  state,
  remembered: false,
  keychain: { available: false, backend: 'none', weak: false },
  keychainChanged: null,
  retryAfterMs: 0,
  autoLockMinutes: 0,
  recoveryKeySaved: true,
});

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

describe('VaultGate', () => {
  it('clears the User Timing marks and measures on lock', async () => {
    const core = { send: vi.fn(async () => ({})), on: () => () => {}, close() {} };
    const host = {
      send: vi.fn(async () => status('unlocked')),
      on: () => () => {},
      close() {},
    } as unknown as HostClient;
    const vault = createVaultStore(host);
    render(
      <ServicesProvider
        services={{
          core: core as unknown as CoreClient,
          host,
          vault,
          customerList: createCustomerListStore(core as unknown as CoreClient),
          fileSettings: createFileSettingsStore(core as unknown as CoreClient),
        }}
      >
        <VaultGate>
          <p>the file</p>
        </VaultGate>
      </ServicesProvider>,
    );
    await screen.findByText('the file');
    performance.mark('comptoir:search-typed', { detail: 'dupont' });
    performance.measure('comptoir:typed-to-shown', 'comptoir:search-typed');
    act(() => vault.setState({ status: status('locked') }));
    expect(performance.getEntriesByType('mark')).toEqual([]);
    expect(performance.getEntriesByType('measure')).toEqual([]);
  });
});
