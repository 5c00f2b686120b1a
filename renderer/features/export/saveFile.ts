import type { HostClient } from '../../../shared/contract/host';

/**
 * Saves a file the store made, through the host: the desktop app asks where (main's save
 * dialog, main writes it); browser mode downloads it.
 */
export async function saveFile(
  host: HostClient,
  file: { name: string; mime: string; bytes: Uint8Array | string },
): Promise<boolean> {
  const bytes =
    typeof file.bytes === 'string'
      ? new TextEncoder().encode(file.bytes)
      : (file.bytes as Uint8Array<ArrayBuffer>);
  const { saved } = await host.send('host.saveFile', { name: file.name, mime: file.mime, bytes });
  return saved;
}
