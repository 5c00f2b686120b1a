import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../../../shared/contract/core';
import type { HostClient } from '../../../../shared/contract/host';
import { ServicesProvider, type Services } from '../../../app/services';
import { useLanguageStore } from '../../../i18n/languageStore';
import { createCustomerListStore } from '../../customers/stores/customerListStore';
import { createFileSettingsStore } from '../../settings/stores/fileSettingsStore';
import { createVaultStore } from '../../vault/stores/vaultStore';
import { testBoard } from '../report/testBoard';
import { useDashboardFilters } from '../stores/dashboardFilters';
import { DASHBOARD_MARKS, DashboardPage } from './DashboardPage';

/** Every User Timing mark's detail, as text, to look for what the user typed. */
const markDetails = () =>
  performance.getEntriesByType('mark').map((m) => JSON.stringify((m as PerformanceMark).detail));

function renderPage() {
  const send = vi.fn(async (method: string) => (method === 'kpi.dashboard' ? testBoard() : []));
  const core = { send, on: () => () => {}, close() {} } as unknown as CoreClient;
  const host = { send: vi.fn(), on: () => () => {}, close() {} } as unknown as HostClient;
  const services: Services = {
    core,
    host,
    customerList: createCustomerListStore(core),
    vault: createVaultStore(host),
    fileSettings: createFileSettingsStore(core),
  };
  render(
    <ServicesProvider services={services}>
      <DashboardPage
        onShowCustomers={() => {}}
        onShowSegment={() => {}}
        onOpenCustomer={() => {}}
      />
    </ServicesProvider>,
  );
  return send;
}

/** Types a city in the filters and waits for the board that answers it. */
async function filterByCity(city: string) {
  await userEvent.type(screen.getByLabelText('City'), city);
  const last = city.length;
  await waitFor(() =>
    expect(performance.getEntriesByName(DASHBOARD_MARKS.shown).length).toBeGreaterThan(last),
  );
}

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  useDashboardFilters.getState().reset();
  performance.clearMarks();
});
afterEach(() => {
  vi.unstubAllEnvs();
  useDashboardFilters.getState().reset();
});

describe('the dashboard marks (the bench’s kpi_dashboard_ms)', () => {
  it('keep no filter typed (a city) outside a bench build', async () => {
    const send = renderPage();
    await filterByCity('Lyon');
    expect(send).toHaveBeenCalledWith('kpi.dashboard', expect.objectContaining({ city: 'Lyon' }));
    expect(performance.getEntriesByName(DASHBOARD_MARKS.asked).length).toBeGreaterThan(4);
    expect(markDetails().join()).not.toMatch(/Lyon|Ly|city/);
  });

  it('keep the filters in a bench build, where the bench pairs a request with its answer', async () => {
    vi.stubEnv('MODE', 'bench');
    renderPage();
    await filterByCity('Lyon');
    const detailsOf = (name: string) =>
      performance.getEntriesByName(name).map((m) => (m as PerformanceMark).detail as string);
    const shown = detailsOf(DASHBOARD_MARKS.shown).at(-1)!;
    expect(JSON.parse(shown)).toMatchObject({ city: 'Lyon' });
    expect(detailsOf(DASHBOARD_MARKS.asked)).toContain(shown);
  });
});
