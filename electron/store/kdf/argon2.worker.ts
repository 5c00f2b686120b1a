/// <reference lib="webworker" />
import { argon2Here, type Argon2Input } from '../../../shared/vault/argon2';

/**
 * Browser mode: Argon2id on a thread of its own, so the store's thread stays free while the
 * key is derived (half a second) to answer calls and finish reading the sealed pages.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<Argon2Input>) => {
  try {
    const key = await argon2Here(event.data);
    scope.postMessage({ key }, [key.buffer]);
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
};
