import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../../shared/contract/core';
import type { HostClient } from '../../../shared/contract/host';
import { segmentFields } from '../../../shared/segments/segmentFields';
import { parseRule } from '../../../shared/segments/segmentText';
import { ServicesProvider, type Services } from '../../app/services';
import { useLanguageStore } from '../../i18n/languageStore';
import { createFileSettingsStore } from '../settings/stores/fileSettingsStore';
import { SegmentEditor } from '../segments/components/SegmentEditor';
import { createVaultStore } from '../vault/stores/vaultStore';
import { SearchBox } from './components/SearchBox';
import { useSearchPaintMark } from './hooks/usePaintMarks';
import { createCustomerListStore } from './stores/customerListStore';

/** Every User Timing mark's detail, as text, to look for what the user typed. */
const markDetails = () =>
  performance.getEntriesByType('mark').map((m) => JSON.stringify((m as PerformanceMark).detail));

function services(send: CoreClient['send']): Services {
  const core = { send, on: () => () => {}, close() {} } as CoreClient;
  const host = { send: vi.fn(), on: () => () => {}, close() {} } as unknown as HostClient;
  return {
    core,
    host,
    customerList: createCustomerListStore(core),
    vault: createVaultStore(host),
    fileSettings: createFileSettingsStore(core),
  };
}

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  performance.clearMarks();
});
afterEach(() => vi.unstubAllEnvs());

describe('search and segment marks outside a bench build', () => {
  it('keep no query in the search box and list marks', async () => {
    const send = vi.fn(async () => ({ total: 0, all: 0, rows: [] }));
    render(
      <ServicesProvider services={services(send as unknown as CoreClient['send'])}>
        <SearchBox />
      </ServicesProvider>,
    );
    await userEvent.type(screen.getByRole('searchbox'), 'Dupont');
    await waitFor(() => expect(send).toHaveBeenCalledTimes(6));
    await waitFor(() =>
      expect(performance.getEntriesByName('comptoir:search-shown').length).toBeGreaterThan(0),
    );
    expect(performance.getEntriesByName('comptoir:search-typed')).toHaveLength(6);
    expect(markDetails().join()).not.toMatch(/dup/i);
  });

  it('keep no query in the search paint mark', async () => {
    renderHook(() => useSearchPaintMark({ query: 'marie@example.org', count: 1 }));
    await waitFor(() =>
      expect(performance.getEntriesByName('comptoir:search-painted')).toHaveLength(1),
    );
    expect(markDetails().join()).not.toContain('marie');
  });

  it('keep no rule text in the segment count marks', async () => {
    const fields = segmentFields([]);
    const send = vi.fn(async () => ({ count: 1, all: 1, sample: [] }));
    render(
      <ServicesProvider services={services(send as unknown as CoreClient['send'])}>
        <SegmentEditor
          draft={{ name: '', description: '', rule: parseRule('last_name = "Dupont"', fields) }}
          fields={fields}
          segmentNames={[]}
          onSave={async () => {}}
          onClose={() => {}}
        />
      </ServicesProvider>,
    );
    await waitFor(() =>
      expect(performance.getEntriesByName('comptoir:segment-count-shown')).toHaveLength(1),
    );
    expect(markDetails().join()).not.toContain('Dupont');
  });

  it('keep the query in a bench build, where the bench pairs a keystroke with its answer', async () => {
    vi.stubEnv('MODE', 'bench');
    renderHook(() => useSearchPaintMark({ query: 'dupont', count: 1 }));
    await waitFor(() =>
      expect(performance.getEntriesByName('comptoir:search-painted')).toHaveLength(1),
    );
    expect(markDetails()).toEqual(['"dupont"']);
  });
});
