import { toBase64, utf8, type Bytes } from './bytes';

/**
 * A fingerprint of a data key (HMAC-SHA256 of a fixed label under the key): a store can tell
 * which key it is opened with, against the one a pending restore needs, without keeping the key.
 */
export async function restoreKeyCheck(dataKey: Bytes): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    dataKey,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const label = utf8('comptoir: restore key check');
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, label)));
}
