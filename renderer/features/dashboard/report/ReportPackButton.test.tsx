import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../../../shared/contract/core';
import type { HostClient } from '../../../../shared/contract/host';
import { AppError } from '../../../../shared/errors';
import { ServicesProvider } from '../../../app/services';
import { Toasts } from '../../../components/Toasts';
import { useToastStore } from '../../../components/toastStore';
import { useLanguageStore } from '../../../i18n/languageStore';
import { createCustomerListStore } from '../../customers/stores/customerListStore';
import { createFileSettingsStore } from '../../settings/stores/fileSettingsStore';
import { createVaultStore } from '../../vault/stores/vaultStore';
import { ReportPackButton, type ReportFilters } from './ReportPackButton';
import { day, testBoard } from './testBoard';

const filters: ReportFilters = {
  from: day(2026, 11, 1),
  to: day(2026, 12, 1),
  bucket: 'day',
  compare: 'previous',
  segment: 's1',
  channel: '',
  city: ' Lyon ',
};

function setup(answer: { printPdf: unknown; saveFile?: unknown }) {
  const core = { send: vi.fn(), on: () => () => {}, close() {} } as unknown as CoreClient;
  const send = vi.fn(async (method: string) => {
    if (method === 'host.printPdf') {
      if (answer.printPdf instanceof Error) throw answer.printPdf;
      return answer.printPdf;
    }
    return answer.saveFile ?? { saved: true };
  });
  const host = { send, on: () => () => {}, close() {} } as unknown as HostClient;
  const services = {
    core,
    host,
    customerList: createCustomerListStore(core),
    vault: createVaultStore(host),
    fileSettings: createFileSettingsStore(core),
  };
  const board = testBoard();
  const segments = [{ id: 's1', name: 'Runners <3', size: 4, problem: null }] as never;
  const ui = (props: Partial<Parameters<typeof ReportPackButton>[0]>) => (
    <ServicesProvider services={services}>
      <main className="dashboard-page">
        <ReportPackButton board={board} filters={filters} segments={segments} {...props} />
      </main>
      <Toasts />
    </ServicesProvider>
  );
  const view = render(ui({}));
  return { send, board, rerender: (props: Parameters<typeof ui>[0]) => view.rerender(ui(props)) };
}

const button = () => screen.getByRole('button', { name: 'Export report pack' });

beforeEach(() => {
  useLanguageStore.getState().setLanguage('en');
  act(() => useToastStore.setState({ toasts: [] }));
});

describe('ReportPackButton', () => {
  it('prints the report, then saves its tables, and says where they went', async () => {
    const { send } = setup({ printPdf: { saved: true, openedInBrowser: false } });
    await userEvent.click(button());
    expect(send).toHaveBeenCalledTimes(2);
    const [method, arg] = send.mock.calls[0] as unknown as [string, { name: string; html: string }];
    expect(method).toBe('host.printPdf');
    expect(arg.name).toBe('comptoir-report-2026-11-01-2026-11-30.pdf');
    expect(arg.html).toContain('Runners &lt;3');
    expect(arg.html).toContain('<dd>Lyon</dd>');
    const [saveMethod, file] = send.mock.calls[1] as unknown as [
      string,
      { name: string; mime: string; bytes: Uint8Array },
    ];
    expect(saveMethod).toBe('host.saveFile');
    expect(file.name).toBe('comptoir-report-2026-11-01-2026-11-30.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(strFromU8(unzipSync(file.bytes)['xl/workbook.xml']!)).toContain('name="Summary"');
    expect(
      await screen.findByText(
        'Report saved: comptoir-report-2026-11-01-2026-11-30.pdf and comptoir-report-2026-11-01-2026-11-30.xlsx',
      ),
    ).toBeInTheDocument();
  });

  it('stops when the user cancels the PDF’s save dialog', async () => {
    const { send } = setup({ printPdf: { saved: false, openedInBrowser: false } });
    await userEvent.click(button());
    expect(send).toHaveBeenCalledTimes(1);
    expect(useToastStore.getState().toasts).toEqual([]);
  });

  it('in browser mode, says the report is in a new tab to print', async () => {
    setup({ printPdf: { saved: false, openedInBrowser: true } });
    await userEvent.click(button());
    expect(
      await screen.findByText(/^The report opened in a new tab: choose “Save as PDF”/),
    ).toBeInTheDocument();
  });

  it('says clearly when the browser blocks the tab', async () => {
    setup({ printPdf: new AppError('FORBIDDEN', 'blocked') });
    await userEvent.click(button());
    expect(
      await screen.findByText(
        'The browser blocked the report’s tab: allow pop-ups for Comptoir, then try again.',
      ),
    ).toBeInTheDocument();
  });

  it('waits, with its reason, while the figures are being worked out, and is reached by keyboard', async () => {
    const { send, board, rerender } = setup({ printPdf: { saved: true, openedInBrowser: false } });
    rerender({ board: null });
    expect(button()).toHaveAttribute('aria-disabled', 'true');
    expect(button()).toHaveAccessibleDescription('Available once the figures are shown.');
    expect(screen.getByText('Available once the figures are shown.')).toBeVisible();
    rerender({ board });
    expect(button()).toHaveAttribute('aria-disabled', 'false');
    // Another period asked for: the board on screen no longer answers the filters.
    rerender({ board, filters: { ...filters, bucket: 'week' } });
    expect(button()).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button());
    expect(send).not.toHaveBeenCalled();
    rerender({ board: testBoard(), filters: { ...filters, bucket: 'week' } });
    expect(button()).toHaveAttribute('aria-disabled', 'false');
    act(() => button().blur());
    await userEvent.tab();
    expect(button()).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(send).toHaveBeenCalledWith('host.printPdf', expect.anything());
  });
});
