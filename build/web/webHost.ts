import type { CallOptions, Client } from '../../shared/rpc/client';
import type { CoreEvents } from '../../shared/contract/core';
import type { MethodName } from '../../shared/contract/define';
import type { HostClient, HostContract } from '../../shared/contract/host';
import type { VaultContract } from '../../shared/contract/vault';
import { AppError } from '../../shared/errors';
import { BACKUP_EXTENSION } from '../../shared/vault/backupFile';

const appInfo = () => ({
  runtime: 'web' as const,
  version: __APP_VERSION__,
  platform: navigator.platform || 'web',
});

/**
 * The browser's own file picker. Called from a click (the page's HostApi answers in the same
 * task), so the browser lets it open; null when the user closes it without a file.
 */
function pickFile(
  purpose: 'import' | 'backup',
): Promise<{ name: string; bytes: Uint8Array } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept =
      purpose === 'backup' ? `.${BACKUP_EXTENSION}` : '.csv,.tsv,.txt,.vcf,text/csv,text/vcard';
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file
        .arrayBuffer()
        .then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
    });
    input.click();
  });
}

/** Browser mode saves by downloading: the file goes to the downloads folder. */
function download(file: { name: string; mime: string; bytes: Uint8Array }): void {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Browser mode's HostApi. App info and files are answered here; the vault lives in the store worker
 * (so the data key never enters this page), so vault calls and events go through to it.
 */
export function createWebHost(worker: Client<VaultContract, CoreEvents>): HostClient {
  return {
    async send(method, arg, options?: CallOptions) {
      if (method === 'host.appInfo') return appInfo() as never;
      if (method === 'host.openFile') {
        return pickFile((arg as { purpose: 'import' | 'backup' }).purpose) as never;
      }
      // Writing into a folder on a schedule needs the desktop app's main process.
      if (method === 'backups.schedule') return null as never;
      if (method.startsWith('backups.')) {
        throw new AppError('FORBIDDEN', 'Automatic backups need the desktop app');
      }
      if (method === 'host.saveFile') {
        download(arg as { name: string; mime: string; bytes: Uint8Array });
        return { saved: true } as never;
      }
      if (method.startsWith('vault.')) {
        return worker.send(method as MethodName<VaultContract>, arg as never, options) as never;
      }
      throw new AppError('VALIDATION', `Unknown method "${String(method)}"`);
    },
    on(event, listener) {
      return worker.on(event, listener as (payload: CoreEvents[typeof event]) => void);
    },
    close() {},
  } satisfies Client<HostContract, never> as HostClient;
}
