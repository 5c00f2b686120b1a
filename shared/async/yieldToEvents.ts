/**
 * Lets queued messages (a cancel, say) run before the next chunk of a long job.
 *
 * A posted message joins the same task queue as the port messages already waiting, so they
 * all run first. Promise chains alone never yield, and a stream of WebCrypto completions was
 * seen to starve a Chromium worker's message queue for the whole of a 100k demo load.
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
