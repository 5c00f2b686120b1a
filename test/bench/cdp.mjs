/**
 * A bare Chrome DevTools Protocol client over the browser's WebSocket, for what Playwright's
 * API cannot reach: the JS heap of a page's Dedicated Worker (the store, in browser mode).
 */
export async function connectCdp(port) {
  const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`cannot reach the DevTools socket on port ${port}`));
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  socket.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.id && pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) reject(new Error(`${data.error.message} (${data.error.code})`));
      else resolve(data.result);
    } else if (data.method) {
      for (const listener of listeners) listener(data);
    }
  };
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  return { send, on: (listener) => listeners.push(listener), close: () => socket.close() };
}

/**
 * Used JS heap, in MB, of the page whose URL starts with `origin` plus its Dedicated Workers,
 * after a full garbage collection in each. Fails unless `workers` workers were found: a heap
 * that silently left out the store would look far better than it is.
 */
export async function heapMb(port, origin, { workers = 0 } = {}) {
  const cdp = await connectCdp(port);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const pages = targetInfos.filter((t) => t.type === 'page' && t.url.startsWith(origin));
    if (pages.length !== 1)
      throw new Error(`expected one page at ${origin}, found ${pages.length}`);
    const workerSessions = [];
    cdp.on((event) => {
      if (event.method === 'Target.attachedToTarget' && event.params.targetInfo.type === 'worker') {
        workerSessions.push(event.params.sessionId);
      }
    });
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: pages[0].targetId,
      flatten: true,
    });
    await cdp.send(
      'Target.setAutoAttach',
      { autoAttach: true, waitForDebuggerOnStart: false, flatten: true },
      sessionId,
    );
    // Auto-attach reports the page's existing workers asynchronously.
    for (let i = 0; i < 50 && workerSessions.length < workers; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (workerSessions.length < workers) {
      throw new Error(`expected ${workers} worker(s) in ${origin}, found ${workerSessions.length}`);
    }
    let used = 0;
    const parts = [];
    for (const session of [sessionId, ...workerSessions]) {
      await cdp.send('HeapProfiler.collectGarbage', {}, session);
      const { usedSize } = await cdp.send('Runtime.getHeapUsage', {}, session);
      used += usedSize;
      parts.push(Math.round(usedSize / 2 ** 20));
    }
    return { mb: used / 2 ** 20, parts };
  } finally {
    cdp.close();
  }
}
