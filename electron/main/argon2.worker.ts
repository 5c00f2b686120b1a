import { parentPort } from 'node:worker_threads';
import { argon2Here, type Argon2Input } from '../../shared/vault/argon2';

/**
 * Main's Argon2id, on a thread of its own (bundled as out/main/argon2Worker.cjs): while a key
 * is derived, main's event loop keeps answering the UI, the store's port and the power monitor.
 */
const port = parentPort!;
port.once('message', async (input: Argon2Input) => {
  try {
    const key = await argon2Here(input);
    port.postMessage({ key }, [key.buffer]);
  } catch (error) {
    port.postMessage({ error: String(error) });
  }
});
