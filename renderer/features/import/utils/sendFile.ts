import type { CoreClient } from '../../../../shared/contract/core';
import type { HostClient, OpenedFile } from '../../../../shared/contract/host';
import { IMPORT_PART_BYTES } from '../../../../shared/contract/imports';
import { AppError } from '../../../../shared/errors';

/**
 * Hands the file the host opened to the store, a part at a time: the host reads a part from
 * disk, the store keeps it, and no process ever holds the whole file. Returns the store's id
 * for the file. A file that shrank while it was read stops short; the store then refuses it.
 */
export async function sendFile(
  opened: OpenedFile,
  clients: { host: Pick<HostClient, 'send'>; core: Pick<CoreClient, 'send'> },
  options: { onSent?: (sent: number) => void; signal?: AbortSignal } = {},
): Promise<string> {
  const { host, core } = clients;
  const { fileId } = await core.send('import.open', { name: opened.name, size: opened.size });
  let offset = 0;
  while (offset < opened.size) {
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled');
    const bytes = await host.send('host.readFilePart', {
      token: opened.token,
      offset,
      length: IMPORT_PART_BYTES,
    });
    if (bytes.byteLength === 0) break;
    await core.send('import.append', { fileId, offset, bytes });
    offset += bytes.byteLength;
    options.onSent?.(offset);
  }
  return fileId;
}
